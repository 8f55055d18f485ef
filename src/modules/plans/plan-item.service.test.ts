import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect.ts';
import type { Database } from '../../db/database.ts';
import { testEngines } from '../../db/test-database.ts';
import { createAgreement } from '../agreements/agreement.service.ts';
import { SYSTEM_ACTOR } from '../audit/audit.schema.ts';
import { insertTestCity } from '../audit/test-cities.ts';
import { findPlanItemById } from './plan-item.repository.ts';
import { createPlanItem, listPlanItems, updatePlanItem } from './plan-item.service.ts';

describe.each(testEngines())('plan items on $engine', ({ open }) => {
  let handle: DatabaseHandle;
  let db: Kysely<Database>;
  let agreementId: number;
  let kuznetsk: number;

  beforeAll(async () => {
    handle = await open();
    db = handle.db;
    const baranovichi = await insertTestCity(db, 'Барановичи', 'Baranovichi');
    kuznetsk = await insertTestCity(db, 'Кузнецк', 'Kuznetsk', 'RU');
    const plan = await createAgreement(db, SYSTEM_ACTOR, {
      kind: 'plan',
      title: 'План совместных мероприятий на 2025–2026 годы',
      parties: [{ cityId: baranovichi }, { cityId: kuznetsk }],
    });
    agreementId = plan.id;
  });
  afterAll(() => handle.close());

  it('lists the overdue items of a city, nearest deadline first, and drops an item once done', async () => {
    const exhibition = await createPlanItem(db, SYSTEM_ACTOR, {
      agreementId,
      title: 'Выставка краеведческого музея',
      dueOn: '2025-06-01',
    });
    const exchange = await createPlanItem(db, SYSTEM_ACTOR, {
      agreementId,
      title: 'Обмен школьниками',
      dueOn: '2025-03-01',
    });
    await createPlanItem(db, SYSTEM_ACTOR, { agreementId, title: 'Форум', dueOn: '2026-10-01' });
    await createPlanItem(db, SYSTEM_ACTOR, { agreementId, title: 'Без срока' });

    const overdue = await listPlanItems(db, { cityId: kuznetsk, overdue: 'true' }, undefined, '2025-11-25');
    expect(overdue.items.map((item) => item.title)).toEqual([
      'Обмен школьниками',
      'Выставка краеведческого музея',
    ]);

    await expect(
      updatePlanItem(db, SYSTEM_ACTOR, exchange.id, { version: 1, status: 'done' }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
    });
    await updatePlanItem(db, SYSTEM_ACTOR, exchange.id, {
      version: 1,
      status: 'done',
      doneOn: '2025-04-02',
      report: 'Приняли 20 школьников',
    });
    const after = await listPlanItems(db, { overdue: true, limit: 1 }, undefined, '2025-11-25');
    expect(after.items.map((item) => item.id)).toEqual([exhibition.id]);
    expect(after.nextCursor).toBeNull();

    const all = await listPlanItems(db, { agreementId, limit: 3 });
    const rest = await listPlanItems(db, { agreementId, limit: 3, cursor: all.nextCursor });
    expect([...all.items, ...rest.items].map((item) => item.title).at(-1)).toBe('Без срока');
  });

  it('refuses a stale update and keeps the item as it was', async () => {
    const item = await createPlanItem(db, SYSTEM_ACTOR, {
      agreementId,
      title: 'Концерт',
      dueOn: '2025-09-20',
    });
    const moved = await updatePlanItem(db, SYSTEM_ACTOR, item.id, { version: 1, dueOn: '2025-09-21' });
    await expect(
      updatePlanItem(db, SYSTEM_ACTOR, item.id, { version: 1, status: 'cancelled' }),
    ).rejects.toMatchObject({
      code: 'stale_version',
    });
    expect(await findPlanItemById(db, item.id)).toEqual(moved);
  });
});
