import { availableParallelism } from 'node:os';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../db/connect.ts';
import { testEngines } from '../../db/test-database.ts';
import { extract } from '../../extract/index.ts';
import { buildApp } from '../../server/app.ts';
import { insertTestAccounts } from '../../server/test-accounts.ts';

// Its own file: the extractor is prepared once per thread, and nothing else here prepares it.
describe('a listening server', () => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('starts a worker thread per core when it listens, and extracts there, never on its own thread', async () => {
    const text = 'Делегация Кузнецка посетила Барановичи 5 мая 2026 года.';
    expect(extract(text).warnings).toEqual([expect.stringContaining('not prepared')]);
    database = await testEngines()[0]!.open();
    app = await buildApp({ database });
    expect(app.work.use().threads).toBe(0);
    await app.listen({ port: 0, host: '127.0.0.1' });
    await vi.waitFor(() => expect(app.work.use().threads).toBe(availableParallelism()), {
      timeout: 30_000,
      interval: 100,
    });
    const tokens = await insertTestAccounts(database.db, [['admin', 'admin', null, null]]);
    const preview = await app.inject({
      method: 'POST',
      url: '/api/documents/preview',
      headers: { authorization: `Bearer ${tokens.admin}` },
      payload: { text },
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.json().extraction.visits.length).toBeGreaterThan(0);
    // The facts came from a worker thread: this one still has no dictionaries.
    expect(extract(text).warnings).toEqual([expect.stringContaining('not prepared')]);
  });
});
