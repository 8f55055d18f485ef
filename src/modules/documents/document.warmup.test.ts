import { afterAll, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../db/connect.ts';
import { testEngines } from '../../db/test-database.ts';
import { extract } from '../../extract/index.ts';
import { buildApp } from '../../server/app.ts';

// Its own file: the extractor is prepared once per process, and no other test here prepares it.
describe('a listening server', () => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('prepares the extractor when it starts listening, before any press release arrives', async () => {
    const text = 'Делегация Кузнецка посетила Барановичи.';
    expect(extract(text).warnings).toEqual([expect.stringContaining('not prepared')]);
    database = await testEngines()[0]!.open();
    app = await buildApp({ database });
    await app.listen({ port: 0, host: '127.0.0.1' });
    await vi.waitFor(() => expect(extract(text).warnings).toEqual([]), { timeout: 30_000, interval: 100 });
  });
});
