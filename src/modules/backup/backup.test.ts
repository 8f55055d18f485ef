import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect.ts';
import type { Database } from '../../db/database.ts';
import { testEngines } from '../../db/test-database.ts';
import { buildApp } from '../../server/app.ts';
import { insertTestAccounts } from '../../server/test-accounts.ts';
import { sharedDir } from '../../shared-dir.ts';
import { insertTestCity } from '../audit/test-cities.ts';
import { restoreBackup } from './backup.ts';

const SEED_TEXT = readFileSync(sharedDir('seed', '000_99b162f3906cbee7.txt'), 'utf8');

/** Every table's rows, in key order, as PostgreSQL writes them in JSON: two databases compare whole. */
async function contents(db: Kysely<Database>): Promise<Record<string, string>> {
  const { rows: tables } = await sql<{ name: string }>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'kysely_%'
    ORDER BY table_name
  `.execute(db);
  const result: Record<string, string> = {};
  for (const { name } of tables) {
    const { rows } = await sql<{ rows: string }>`
      SELECT coalesce(json_agg(row_to_json(t) ORDER BY row_to_json(t)::text), '[]')::text AS rows FROM ${sql.id(name)} t
    `.execute(db);
    result[name] = rows[0]!.rows;
  }
  return result;
}

for (const engine of testEngines()) {
  describe(`backups that restore on ${engine.engine}`, () => {
    let source: DatabaseHandle;
    let app: FastifyInstance;
    let tokens: Record<string, string>;
    let city = 0;
    const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
    const opened: DatabaseHandle[] = [];

    beforeAll(async () => {
      source = await engine.open();
      app = await buildApp({ database: source });
      city = await insertTestCity(source.db, 'Барановичи', 'Baranovichi', 'BY');
      const partner = await insertTestCity(source.db, 'Кузнецк', 'Kuznetsk', 'RU');
      await source.db.insertInto('home_city').values({ city_id: city }).execute();
      tokens = await insertTestAccounts(source.db, [
        ['admin', 'admin', null, null],
        ['editor', 'city_editor', city, null],
      ]);
      const twinning = await app.inject({
        method: 'POST',
        url: '/api/twinnings',
        headers: as('admin'),
        payload: { cityIds: [city, partner], status: 'active' },
      });
      expect(twinning.statusCode, twinning.body).toBe(201);
      const imported = await app.inject({
        method: 'POST',
        url: '/api/documents',
        headers: as('editor'),
        payload: { text: SEED_TEXT, publishedOn: '2025-09-25', homeCity: 'Барановичи' },
      });
      expect(imported.statusCode, imported.body).toBe(201);
      const { document, draft } = imported.json() as { document: { id: number }; draft: object };
      const accepted = await app.inject({
        method: 'POST',
        url: `/api/documents/${document.id}/accept`,
        headers: as('editor'),
        payload: draft,
      });
      expect(accepted.statusCode, accepted.body).toBe(200);
    });
    afterAll(async () => {
      await app?.close();
      for (const handle of opened) await handle.close();
      await source?.close();
    });

    async function fresh(): Promise<DatabaseHandle> {
      const handle = await engine.open();
      opened.push(handle);
      return handle;
    }
    async function backup(): Promise<Buffer> {
      const response = await app.inject({ method: 'GET', url: '/api/backup', headers: as('admin') });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/gzip');
      expect(response.headers['content-disposition']).toMatch(
        /^attachment; filename="pobratim-.*\.backup\.gz"$/,
      );
      return gunzipSync(response.rawPayload);
    }

    it('gives a backup to administrators only', async () => {
      expect((await app.inject({ method: 'GET', url: '/api/backup' })).statusCode).toBe(401);
      expect(
        (await app.inject({ method: 'GET', url: '/api/backup', headers: as('editor') })).statusCode,
      ).toBe(403);
    });

    it('restores into a fresh installation a copy equal to the source, row for row, that works on', async () => {
      const file = await backup();
      const target = await fresh();
      await restoreBackup(target.db, Readable.from([file]));
      expect(await contents(target.db)).toEqual(await contents(source.db));
      // The restored installation goes on: the same token signs in, new ids follow the restored ones.
      const restored = await buildApp({ database: target });
      try {
        const created = await restored.inject({
          method: 'POST',
          url: '/api/organizations',
          headers: as('editor'),
          payload: { name: 'лицей № 1', cityId: city },
        });
        expect(created.statusCode, created.body).toBe(201);
        const { rows } = await sql<{ max: number }>`SELECT max(id) AS max FROM organization`.execute(
          source.db,
        );
        expect(created.json().id).toBeGreaterThan(rows[0]!.max);
      } finally {
        await restored.close();
      }
    });

    it('is one consistent moment while editors keep writing', async () => {
      const writes = Array.from({ length: 12 }, (_, i) =>
        app.inject({
          method: 'POST',
          url: '/api/organizations',
          headers: as('editor'),
          payload: { name: `школа № ${100 + i}`, cityId: city },
        }),
      );
      const [file] = await Promise.all([backup(), ...writes]);
      const target = await fresh();
      await restoreBackup(target.db, Readable.from([file]));
      // Each organization was written with its audit entry in one transaction: the copy has both or neither.
      const { rows } = await sql<{ organizations: number; entries: number }>`
        SELECT (SELECT count(*) FROM organization) AS organizations,
               (SELECT count(*) FROM audit_entry WHERE record_type = 'organization' AND action = 'create') AS entries
      `.execute(target.db);
      expect(rows[0]!.organizations).toBe(rows[0]!.entries);
      expect(rows[0]!.organizations).toBeGreaterThan(0);
    });

    it('refuses a damaged file and keeps what the installation held', async () => {
      const file = await backup();
      const target = await fresh();
      await restoreBackup(target.db, Readable.from([file]));
      const before = await contents(target.db);
      const cut = file.subarray(0, file.lastIndexOf('\n', file.length - 2) + 1);
      await expect(restoreBackup(target.db, Readable.from([cut]))).rejects.toThrow(/ends early/);
      await expect(restoreBackup(target.db, Readable.from([Buffer.from('{"rows":[]}\n')]))).rejects.toThrow(
        /Not a Pobratim backup/,
      );
      expect(await contents(target.db)).toEqual(before);
    });
  });
}
