import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../db/connect.ts';
import { testEngines } from '../../db/test-database.ts';
import { sharedDir } from '../../shared-dir.ts';
import { buildApp } from '../../server/app.ts';
import { insertTestAccounts } from '../../server/test-accounts.ts';
import { WorkPool, type WorkPoolOptions } from './work-pool.ts';

const SEED_TEXT = readFileSync(sharedDir('seed', '000_99b162f3906cbee7.txt'), 'utf8');

/** A press release of about `chars` characters, of sentences written for this test. */
function longRelease(chars: number): string {
  const sentences = [
    'Делегация города Кузнецка во главе с мэром Ильёй Соколовым посетила Барановичи 14 мая 2026 года.',
    'Стороны подписали план совместных мероприятий на 2026–2027 годы и обсудили обмен школьниками.',
    'В программе визита были встречи в гимназии № 3 и на заводе «Барановичский станкостроитель».',
  ];
  const parts: string[] = [];
  for (let length = 0, i = 0; length < chars; i += 1) {
    const sentence = sentences[i % sentences.length]!;
    parts.push(sentence);
    length += sentence.length + 1;
  }
  return parts.join('\n');
}

for (const engine of testEngines()) {
  describe(`the worker pool behind the API on ${engine.engine}`, () => {
    let database: DatabaseHandle;
    const apps: FastifyInstance[] = [];
    let tokens: Record<string, string>;
    const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });

    beforeAll(async () => {
      database = await engine.open();
      tokens = await insertTestAccounts(database.db, [
        ['ann', 'admin', null, null],
        ['bob', 'admin', null, null],
      ]);
    });
    afterAll(async () => {
      for (const app of apps) await app.close();
      await database?.close();
    });
    const appWith = async (workPool: WorkPoolOptions) => {
      const app = await buildApp({ database, workPool });
      apps.push(app);
      return app;
    };

    it(
      'answers 503 with Retry-After when the queue is full, and takes the jobs it has room for',
      { timeout: 180_000 },
      async () => {
        const app = await appWith({ threads: 1, queue: 1, timeLimitMs: 120_000 });
        const texts = ['Кузнецк', 'Барановичи', 'Пенза', 'Брест'].map(
          (city) => `Делегация города ${city} посетила Минск 5 мая 2026 года.`,
        );
        const answers = await Promise.all(
          texts.map((text, n) =>
            app.inject({
              method: 'POST',
              url: '/api/documents/preview',
              headers: as(n % 2 ? 'bob' : 'ann'),
              payload: { text },
            }),
          ),
        );
        const done = answers.filter((answer) => answer.statusCode === 200);
        const refused = answers.filter((answer) => answer.statusCode === 503);
        // One thread and one place in the queue: two of the burst are taken (the thread is still
        // starting when all four arrive), two refused.
        expect(done.length).toBe(2);
        expect(refused.length).toBe(2);
        for (const answer of refused) {
          const { error } = answer.json();
          expect(error.code).toBe('busy');
          expect(error.message).toMatch(/busy.*try again in \d+ s/);
          expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(1);
          expect(answer.headers['retry-after']).toBe(String(error.retryAfterSeconds));
        }
        for (const answer of done) expect(answer.json().extraction.visits.length).toBeGreaterThan(0);
        // Once the queue has room again, the next one is taken.
        const later = await app.inject({
          method: 'POST',
          url: '/api/documents/preview',
          headers: as('ann'),
          payload: { text: texts[3] },
        });
        expect(later.statusCode).toBe(200);
      },
    );

    it('stops a job past its time limit and says so; nothing is stored', async () => {
      const app = await appWith({ threads: 1, queue: 2, timeLimitMs: 200 });
      const answer = await app.inject({
        method: 'POST',
        url: '/api/documents',
        headers: as('ann'),
        payload: { text: longRelease(150_000) },
      });
      expect(answer.statusCode).toBe(503);
      expect(answer.json().error).toEqual({
        code: 'job_timed_out',
        message:
          'Extracting the text took longer than the 0.2 s one job may run (WORKER_TIME_LIMIT_SECONDS) and was stopped. Import a shorter text, or split it.',
      });
      expect(answer.headers['retry-after']).toBeUndefined();
      const stored = await database.db
        .selectFrom('document')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(stored.n)).toBe(0);
    });
  });
}

describe('the worker pool', () => {
  const pools: WorkPool[] = [];
  afterAll(async () => {
    for (const pool of pools) await pool.close();
  });
  const poolWith = (options: WorkPoolOptions) => {
    const pool = new WorkPool(options);
    pools.push(pool);
    return pool;
  };

  it('extracts on a thread exactly what the request thread extracts', async () => {
    const options = { date: '2025-09-25', homeCity: 'Барановичи' };
    const onThread = poolWith({ threads: 1, queue: 4, timeLimitMs: 120_000 });
    const inline = poolWith({ threads: 0, queue: 4, timeLimitMs: 120_000 });
    const [threaded, here] = [
      await onThread.extract(SEED_TEXT, options),
      await inline.extract(SEED_TEXT, options),
    ];
    expect(threaded.visits.length).toBeGreaterThan(0);
    expect(threaded).toEqual(here);
  });

  it('withdraws a job whose caller went away, stopping its thread, and runs the next one', async () => {
    const pool = poolWith({ threads: 1, queue: 4, timeLimitMs: 120_000 });
    const caller = new AbortController();
    const long = pool.extract(longRelease(400_000), {}, caller.signal);
    const queued = new AbortController();
    const waiting = pool.extract('Делегация Бреста посетила Минск.', {}, queued.signal);
    // The second leaves the queue before it starts; the first is stopped while it runs.
    queued.abort();
    await expect(waiting).rejects.toMatchObject({ code: 'cancelled', status: 499 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    caller.abort();
    await expect(long).rejects.toMatchObject({ code: 'cancelled' });
    const sheet = await pool.file({
      kind: 'sheet',
      format: 'csv',
      sheet: { name: 'Города', columns: [{ header: 'Город', type: 'text', width: 20 }], rows: [['Кузнецк']] },
    });
    expect(sheet.toString('utf8')).toBe('\uFEFFГород\r\nКузнецк\r\n');
  });
});
