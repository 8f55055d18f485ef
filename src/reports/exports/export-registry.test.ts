import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect.ts';
import type { Database } from '../../db/database.ts';
import { testEngines } from '../../db/test-database.ts';
import { insertTestCity } from '../../modules/audit/test-cities.ts';
import { readRegistryExport, registryExportSchema, writeRegistryExport } from './export-registry.ts';
import { readSeedArticle, seedDemo, type SeedArticle } from '../../commands/seed-demo.ts';

describe.each(testEngines())('export on $engine', ({ open }) => {
  let handle: DatabaseHandle;
  let db: Kysely<Database>;
  let folder: string;
  let brest: number;

  let article: SeedArticle;

  beforeAll(async () => {
    article = await readSeedArticle();
    handle = await open();
    db = handle.db;
    folder = await mkdtemp(path.join(os.tmpdir(), 'pobratim-export-'));
    await insertTestCity(db, 'Барановичи', 'Baranovichi', 'BY');
    await insertTestCity(db, 'Кузнецк', 'Kuznetsk', 'RU');
    // A gazetteer place no record mentions: it stays out of the export.
    brest = await insertTestCity(db, 'Брест', 'Brest', 'BY');
    await db.updateTable('city').set({ source: 'geonames' }).execute();
    await db.transaction().execute((trx) => seedDemo(trx, article));
  });
  afterAll(async () => {
    await handle.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('writes the seeded records as one versioned JSON document that reads back', async () => {
    const file = path.join(folder, 'registry.json');
    await writeRegistryExport(db, file);
    const parsed = registryExportSchema.parse(JSON.parse(await readFile(file, 'utf8')));

    expect(parsed).toMatchObject({ format: 'pobratim-registry', formatVersion: 1 });
    expect(parsed.cities.map((city) => city.nameRu).sort()).toEqual(['Барановичи', 'Кузнецк']);
    expect(parsed.cities.map((city) => city.id)).not.toContain(brest);
    expect(parsed.cities.find((city) => city.nameRu === 'Кузнецк')?.foundedYear).toBe(1780);
    expect(parsed.twinnings).toHaveLength(1);
    expect(parsed.organizations.map((org) => org.name)).toContain('лицей № 21');
    expect(parsed.organizations).toHaveLength(9);
    expect(parsed.persons.find((person) => person.fullName === 'Вадим Щербаков')?.positions[0]?.title).toBe(
      'заместитель председателя горисполкома',
    );
    expect(parsed.visits).toEqual([
      expect.objectContaining({ startDate: '2025-09-18', endDate: '2025-09-21', kind: 'working' }),
    ]);
    expect(parsed.agreements.map((agreement) => agreement.parties.map((party) => party.name))).toContainEqual(
      ['гимназия № 5', 'лицей № 21'],
    );
    expect(parsed.projects).toHaveLength(2);
    expect(parsed.events.map((event) => event.kind).sort()).toEqual(['city_day', 'concert']);
    expect(parsed.documents[0]?.body).toContain('Кузнецк');
    expect(parsed.recordSources).toHaveLength(22);
    expect(await readFile(file, 'utf8')).not.toMatch(/password/);
  });

  it('reads an export back, and refuses another format version with a clear message', async () => {
    const file = path.join(folder, 'again.json');
    const written = await writeRegistryExport(db, file);
    expect(await readRegistryExport(file)).toEqual(written);

    const future = path.join(folder, 'future.json');
    await writeFile(future, JSON.stringify({ ...written, formatVersion: 99 }));
    await expect(readRegistryExport(future)).rejects.toMatchObject({
      code: 'validation_failed',
      message: expect.stringMatching(/format version 99; this Pobratim reads version 1/),
    });
    const other = path.join(folder, 'other.json');
    await writeFile(other, '{"hello": "world"}');
    await expect(readRegistryExport(other)).rejects.toMatchObject({
      message: expect.stringMatching(/not a Pobratim/),
    });
  });
});
