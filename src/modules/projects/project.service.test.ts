import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect.ts';
import type { Database } from '../../db/database.ts';
import { testEngines } from '../../db/test-database.ts';
import { SYSTEM_ACTOR } from '../audit/audit.schema.ts';
import { insertTestCity } from '../audit/test-cities.ts';
import { createOrganization } from '../organizations/organization.service.ts';
import { findProjectById } from './project.repository.ts';
import { createProject, listProjects, listProjectsUnderTwinning, updateProject } from './project.service.ts';

describe.each(testEngines())('projects on $engine', ({ open }) => {
  let handle: DatabaseHandle;
  let db: Kysely<Database>;
  let baranovichi: number;
  let kuznetsk: number;
  let museum: number;
  let centre: number;

  beforeAll(async () => {
    handle = await open();
    db = handle.db;
    baranovichi = await insertTestCity(db, 'Барановичи', 'Baranovichi');
    kuznetsk = await insertTestCity(db, 'Кузнецк', 'Kuznetsk', 'RU');
    museum = (
      await createOrganization(db, SYSTEM_ACTOR, {
        cityId: baranovichi,
        name: 'Барановичский краеведческий музей',
      })
    ).id;
    centre = (
      await createOrganization(db, SYSTEM_ACTOR, {
        cityId: kuznetsk,
        name: 'Кузнецкий музейно-выставочный центр',
      })
    ).id;
  });
  afterAll(() => handle.close());

  it('records a museum project, lists it by sphere and under the twinning, refuses one party', async () => {
    const project = await createProject(db, SYSTEM_ACTOR, {
      title: 'Сотрудничество музеев',
      sphere: 'culture',
      parties: [{ organizationId: museum }, { organizationId: centre }],
    });
    expect(project.status).toBe('active');
    expect((await listProjects(db, { sphere: 'culture', cityId: kuznetsk })).items).toEqual([project]);
    expect((await listProjectsUnderTwinning(db, baranovichi, kuznetsk)).map((found) => found.id)).toEqual([
      project.id,
    ]);
    await expect(
      createProject(db, SYSTEM_ACTOR, { title: 'Одиночка', parties: [{ organizationId: museum }] }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(
      createProject(db, SYSTEM_ACTOR, { title: 'Ни то ни другое', parties: [{}, { cityId: kuznetsk }] }),
    ).rejects.toMatchObject({ code: 'validation_failed', details: [{ path: 'parties.0' }] });
  });

  it('refuses a stale update and keeps the project as it was', async () => {
    const project = await createProject(db, SYSTEM_ACTOR, {
      title: 'Обмен делегациями',
      parties: [{ cityId: baranovichi }, { cityId: kuznetsk }],
    });
    const finished = await updateProject(db, SYSTEM_ACTOR, project.id, { version: 1, status: 'completed' });
    await expect(
      updateProject(db, SYSTEM_ACTOR, project.id, { version: 1, title: 'x' }),
    ).rejects.toMatchObject({
      code: 'stale_version',
    });
    expect(await findProjectById(db, project.id)).toEqual(finished);
  });
});
