import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { insertTestCity } from '../../modules/audit/test-cities.ts';

/** The ids of the registry the reminder and calendar tests share. */
export interface ReminderTestRegistry {
  baranovichi: number;
  kuznetsk: number;
  smolensk: number;
  penza: number;
  kuznetskTwinning: number;
  smolenskTwinning: number;
  penzaTwinning: number;
  visitToKuznetsk: number;
  penzaVisit: number;
  agreement: number;
  penzaAgreement: number;
  overduePlanItem: number;
  duePlanItem: number;
  laterPlanItem: number;
  donePlanItem: number;
  penzaPlanItem: number;
  event: number;
}

/**
 * Two home cities with their partners, as of September 2025: Baranovichi is twinned with Kuznetsk
 * (founded 1780, city day 20 September, twinned 19 September 2015, visited 18–21 September 2025 from
 * 10:00 Moscow time) and with Smolensk (no activity since 2008); Penza, the other home city, is
 * twinned with Kuznetsk too, with its own agreement, plan and a visit Baranovichi may not see.
 */
export async function insertReminderTestRegistry(db: Kysely<Database>): Promise<ReminderTestRegistry> {
  const baranovichi = await insertTestCity(db, 'Барановичи', 'Baranovichi', 'BY');
  const kuznetsk = await insertTestCity(db, 'Кузнецк', 'Kuznetsk', 'RU');
  const smolensk = await insertTestCity(db, 'Смоленск', 'Smolensk', 'RU');
  const penza = await insertTestCity(db, 'Пенза', 'Penza', 'RU');
  await db.updateTable('city').set({ timezone: 'Europe/Minsk' }).where('id', '=', baranovichi).execute();
  await db
    .updateTable('city')
    .set({ timezone: 'Europe/Moscow', founded_year: 1780, city_day: '--09-20' })
    .where('id', '=', kuznetsk)
    .execute();
  await db.updateTable('city').set({ timezone: 'Europe/Moscow' }).where('id', '=', penza).execute();
  await db
    .insertInto('home_city')
    .values([
      { city_id: baranovichi, published: false },
      { city_id: penza, published: false },
    ])
    .execute();

  const twinning = async (a: number, b: number, establishedOn: string) =>
    (
      await db
        .insertInto('twinning')
        .values({ city_a_id: Math.min(a, b), city_b_id: Math.max(a, b), established_on: establishedOn })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const kuznetskTwinning = await twinning(baranovichi, kuznetsk, '2015-09-19');
  const smolenskTwinning = await twinning(baranovichi, smolensk, '2008-05-01');
  const penzaTwinning = await twinning(penza, kuznetsk, '2000-09-25');

  const visitToKuznetsk = (
    await db
      .insertInto('visit')
      .values({
        from_city_id: baranovichi,
        to_city_id: kuznetsk,
        start_date: '2025-09-18',
        end_date: '2025-09-21',
        start_time: '10:00',
        end_time: '18:30',
        kind: 'official',
        status: 'planned',
        purpose: 'Участие в праздновании Дня города',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const penzaVisit = (
    await db
      .insertInto('visit')
      .values({
        from_city_id: penza,
        to_city_id: kuznetsk,
        start_date: '2025-09-24',
        end_date: '2025-09-25',
        status: 'planned',
        purpose: 'Закрытый визит пензенской делегации',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const event = (
    await db
      .insertInto('event')
      .values({
        name: 'День города Кузнецка',
        kind: 'city_day',
        city_id: kuznetsk,
        start_date: '2025-09-20',
        visit_id: visitToKuznetsk,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  await db.insertInto('event_participant').values({ event_id: event, city_id: baranovichi }).execute();

  const agreementBetween = (title: string, a: number, b: number, validUntil: string) =>
    db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('agreement')
        .values({ kind: 'cooperation', title, status: 'in_force', valid_until: validUntil })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('agreement_party')
        .values([
          { agreement_id: row.id, city_id: a },
          { agreement_id: row.id, city_id: b },
        ])
        .execute();
      return row.id;
    });
  const agreement = await agreementBetween(
    'Соглашение о побратимских связях',
    baranovichi,
    kuznetsk,
    '2025-11-30',
  );
  const penzaAgreement = await agreementBetween('Договор о сотрудничестве', penza, kuznetsk, '2025-10-15');

  const planItem = async (agreementId: number, title: string, dueOn: string, done = false) =>
    (
      await db
        .insertInto('plan_item')
        .values({
          agreement_id: agreementId,
          title,
          due_on: dueOn,
          status: done ? 'done' : 'planned',
          done_on: done ? dueOn : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  return {
    baranovichi,
    kuznetsk,
    smolensk,
    penza,
    kuznetskTwinning,
    smolenskTwinning,
    penzaTwinning,
    visitToKuznetsk,
    penzaVisit,
    agreement,
    penzaAgreement,
    overduePlanItem: await planItem(agreement, 'Обмен выставками детского рисунка', '2025-09-09'),
    duePlanItem: await planItem(agreement, 'Турнир по мини-футболу', '2025-09-20'),
    laterPlanItem: await planItem(agreement, 'Стажировка учителей', '2025-10-30'),
    donePlanItem: await planItem(agreement, 'Фестиваль «Славянский венок»', '2025-09-01', true),
    penzaPlanItem: await planItem(penzaAgreement, 'Пензенский пункт плана', '2025-09-12'),
    event,
  };
}
