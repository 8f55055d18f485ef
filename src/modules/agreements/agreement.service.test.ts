import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect.ts';
import type { Database } from '../../db/database.ts';
import { testEngines } from '../../db/test-database.ts';
import { listAuditEntriesOfRecord } from '../audit/audit.repository.ts';
import { SYSTEM_ACTOR } from '../audit/audit.schema.ts';
import { insertTestCity } from '../audit/test-cities.ts';
import { createOrganization } from '../organizations/organization.service.ts';
import { findAgreementById } from './agreement.repository.ts';
import {
  createAgreement,
  deleteAgreement,
  listAgreements,
  listAgreementsUnderTwinning,
  updateAgreement,
} from './agreement.service.ts';

describe.each(testEngines())('agreements on $engine', ({ open }) => {
  let handle: DatabaseHandle;
  let db: Kysely<Database>;
  let baranovichi: number;
  let kuznetsk: number;
  let brest: number;
  let gymnasium: number;
  let lyceum: number;
  let brestSchool: number;

  beforeAll(async () => {
    handle = await open();
    db = handle.db;
    baranovichi = await insertTestCity(db, 'Барановичи', 'Baranovichi');
    kuznetsk = await insertTestCity(db, 'Кузнецк', 'Kuznetsk', 'RU');
    brest = await insertTestCity(db, 'Брест', 'Brest');
    const org = async (cityId: number, name: string) =>
      (await createOrganization(db, SYSTEM_ACTOR, { cityId, name, sphere: 'education' })).id;
    gymnasium = await org(baranovichi, 'гимназия № 5');
    lyceum = await org(kuznetsk, 'лицей № 21');
    brestSchool = await org(brest, 'средняя школа № 3');
  });
  afterAll(() => handle.close());

  it('rejects an agreement with one party with a clear error, and stores nothing', async () => {
    const error = await createAgreement(db, SYSTEM_ACTOR, {
      kind: 'cooperation',
      title: 'Договор о сотрудничестве',
      parties: [{ organizationId: gymnasium }],
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'validation_failed', details: [{ path: 'parties' }] });
    expect((error as Error).message).toMatch(/at least two parties/);
    expect(await db.selectFrom('agreement').select('id').execute()).toEqual([]);
  });

  it('rolls the school agreement up under the twinning of their cities, and no other', async () => {
    const schools = await createAgreement(db, SYSTEM_ACTOR, {
      kind: 'cooperation',
      title: 'Договор о партнёрском сотрудничестве гимназии № 5 и лицея № 21',
      parties: [{ organizationId: gymnasium }, { organizationId: lyceum }],
    });
    const twinning = await createAgreement(db, SYSTEM_ACTOR, {
      kind: 'twinning',
      title: 'Соглашение об установлении побратимских связей',
      signedOn: '2014-05-20',
      parties: [{ cityId: baranovichi }, { cityId: kuznetsk }],
    });
    await createAgreement(db, SYSTEM_ACTOR, {
      kind: 'memorandum',
      title: 'Меморандум Барановичи — Брест',
      parties: [{ organizationId: gymnasium }, { organizationId: brestSchool }],
    });
    const rolledUp = await listAgreementsUnderTwinning(db, kuznetsk, baranovichi);
    expect(rolledUp.map((agreement) => agreement.id)).toEqual([twinning.id, schools.id]);
    expect(rolledUp[1]?.parties.map((party) => [party.name, party.homeCityId])).toEqual([
      ['гимназия № 5', baranovichi],
      ['лицей № 21', kuznetsk],
    ]);

    const ofKuznetsk = await listAgreements(db, {
      cityId: kuznetsk,
      kind: 'cooperation',
      status: 'in_force',
    });
    expect(ofKuznetsk.items.map((agreement) => agreement.id)).toEqual([schools.id]);
    const inEducation = await listAgreements(db, { sphere: 'education', cityId: kuznetsk });
    expect(inEducation.items.map((agreement) => agreement.id)).toEqual([schools.id]);
  });

  it('refuses to drop to one party on update, and a stale update; nothing changes', async () => {
    const agreement = await createAgreement(db, SYSTEM_ACTOR, {
      kind: 'protocol',
      title: 'Протокол',
      parties: [{ cityId: baranovichi }, { cityId: brest }],
    });
    await expect(
      updateAgreement(db, SYSTEM_ACTOR, agreement.id, { version: 1, parties: [{ cityId: brest }] }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    const signed = await updateAgreement(db, SYSTEM_ACTOR, agreement.id, {
      version: 1,
      signedOn: '2025-09-19',
    });
    await expect(
      updateAgreement(db, SYSTEM_ACTOR, agreement.id, { version: 1, status: 'terminated' }),
    ).rejects.toMatchObject({ code: 'stale_version' });
    expect(await findAgreementById(db, agreement.id)).toEqual(signed);
  });

  it('the database itself refuses an agreement left with one party at commit', async () => {
    const agreement = await createAgreement(db, SYSTEM_ACTOR, {
      kind: 'other',
      title: 'Письмо о намерениях',
      parties: [{ cityId: kuznetsk }, { cityId: brest }],
    });
    await expect(
      db.transaction().execute(async (trx) => {
        await sql`DELETE FROM agreement_party WHERE agreement_id = ${agreement.id} AND city_id = ${brest}`.execute(
          trx,
        );
      }),
    ).rejects.toThrow(/at least two parties/);
    expect((await findAgreementById(db, agreement.id))?.parties).toHaveLength(2);
  });

  it('deleting an agreement keeps its audit trail', async () => {
    const agreement = await createAgreement(db, SYSTEM_ACTOR, {
      kind: 'memorandum',
      title: 'Меморандум',
      parties: [{ cityId: kuznetsk }, { organizationId: gymnasium }],
    });
    await deleteAgreement(db, SYSTEM_ACTOR, agreement.id, agreement.version);
    expect(await findAgreementById(db, agreement.id)).toBeUndefined();
    const history = await listAuditEntriesOfRecord(db, 'agreement', agreement.id);
    expect(history.map((entry) => entry.action)).toEqual(['create', 'delete']);
    expect(history[1]?.before).toMatchObject({ title: 'Меморандум', parties: [{ cityId: kuznetsk }, {}] });
  });
});
