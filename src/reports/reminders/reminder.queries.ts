/** The registry reads behind reminders: one query per kind of row, never one per row. */
import { sql, type Kysely } from 'kysely';
import type { Database, TwinningTier } from '../../db/database.ts';
import type { CityHeadRow } from './reminder-occasions.ts';

type Db = Kysely<Database>;

/** An active twinning of one of the cities asked about, with both cities' reminder fields. */
export interface TwinningPairRow {
  id: number;
  tier: TwinningTier;
  cityAId: number;
  cityBId: number;
  establishedOn: string | null;
  establishedYear: number | null;
  cities: Record<
    number,
    {
      name: string;
      nameRu: string | null;
      nameBe: string | null;
      nameEn: string;
      foundedYear: number | null;
      cityDay: string | null;
    }
  >;
}

/** Active twinnings that have one of these cities on a side, with both cities. */
export async function selectActiveTwinnings(db: Db, cityIds: number[]): Promise<TwinningPairRow[]> {
  if (cityIds.length === 0) return [];
  const rows = await db
    .selectFrom('twinning as t')
    .innerJoin('city as a', 'a.id', 't.city_a_id')
    .innerJoin('city as b', 'b.id', 't.city_b_id')
    .select([
      't.id',
      't.tier',
      't.city_a_id',
      't.city_b_id',
      't.established_on',
      't.established_year',
      'a.name_ru as a_name_ru',
      'a.name_be as a_name_be',
      'a.name_en as a_name_en',
      'a.founded_year as a_founded_year',
      'a.city_day as a_city_day',
      'b.name_ru as b_name_ru',
      'b.name_be as b_name_be',
      'b.name_en as b_name_en',
      'b.founded_year as b_founded_year',
      'b.city_day as b_city_day',
    ])
    .where('t.status', '=', 'active')
    .where((eb) => eb.or([eb('t.city_a_id', 'in', cityIds), eb('t.city_b_id', 'in', cityIds)]))
    .orderBy('t.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    tier: row.tier,
    cityAId: row.city_a_id,
    cityBId: row.city_b_id,
    establishedOn: row.established_on,
    establishedYear: row.established_year,
    cities: {
      [row.city_a_id]: {
        name: row.a_name_ru ?? row.a_name_en,
        nameRu: row.a_name_ru,
        nameBe: row.a_name_be,
        nameEn: row.a_name_en,
        foundedYear: row.a_founded_year,
        cityDay: row.a_city_day,
      },
      [row.city_b_id]: {
        name: row.b_name_ru ?? row.b_name_en,
        nameRu: row.b_name_ru,
        nameBe: row.b_name_be,
        nameEn: row.b_name_en,
        foundedYear: row.b_founded_year,
        cityDay: row.b_city_day,
      },
    },
  }));
}

/** A party's city: the city itself, or the city of the organization that is the party. */
export const partyCity = (alias: string) =>
  sql<number>`coalesce(${sql.ref(`${alias}.city_id`)}, (select o.city_id from organization o where o.id = ${sql.ref(`${alias}.organization_id`)}))`;

/**
 * The last day of shared activity of each twinning's two cities: a visit between them (not called
 * off; a planned one counts), an event in one city with the other or its institutions taking part,
 * a project with parties on both sides (one still planned or running counts as of `today`).
 */
export async function selectLastActivity(
  db: Db,
  twinningIds: number[],
  today: string,
): Promise<Map<number, string | null>> {
  if (twinningIds.length === 0) return new Map();
  // Each kind of activity is grouped once by its pair of cities (smaller id first, as twinnings
  // store them) and joined to the twinnings: correlated subqueries per twinning cost more, and on
  // a PostgreSQL server their estimate set off JIT compilation (a second and more per call).
  const result = await sql<{
    id: number;
    last_visit: string | null;
    last_event: string | null;
    last_project: string | null;
  }>`
    with visit_pair as (
      select least(v.from_city_id, v.to_city_id) as a, greatest(v.from_city_id, v.to_city_id) as b,
             max(v.start_date) as last_on
      from visit v where v.status <> 'cancelled'
      group by 1, 2
    ), event_side as (
      select e.city_id as host, ${partyCity('ep')} as guest, e.start_date
      from event e join event_participant ep on ep.event_id = e.id
      where e.start_date is not null
    ), event_pair as (
      select least(host, guest) as a, greatest(host, guest) as b, max(start_date) as last_on
      from event_side where guest is not null and guest <> host
      group by 1, 2
    ), project_side as (
      select distinct pp.project_id, ${partyCity('pp')} as city_id from project_party pp
    ), project_pair as (
      select s1.city_id as a, s2.city_id as b,
             max(case when p.status in ('planned', 'active') then cast(${today} as date)
                      else coalesce(p.ended_on, p.started_on) end) as last_on
      from project_side s1
      join project_side s2 on s2.project_id = s1.project_id and s2.city_id > s1.city_id
      join project p on p.id = s1.project_id
      group by 1, 2
    )
    select t.id, vp.last_on as last_visit, ep.last_on as last_event, pp.last_on as last_project
    from twinning t
    left join visit_pair vp on vp.a = t.city_a_id and vp.b = t.city_b_id
    left join event_pair ep on ep.a = t.city_a_id and ep.b = t.city_b_id
    left join project_pair pp on pp.a = t.city_a_id and pp.b = t.city_b_id
    where t.id in (${sql.join(twinningIds)})
  `.execute(db);
  return new Map(
    result.rows.map((row) => {
      const dates = [row.last_visit, row.last_event, row.last_project].filter(
        (date): date is string => date !== null,
      );
      return [row.id, dates.length === 0 ? null : (dates.sort().at(-1) as string)];
    }),
  );
}

/** An agreement in force (not renewing itself) ending by `horizon`, with the asked-about city it concerns. */
export interface EndingAgreementRow {
  id: number;
  title: string;
  validUntil: string;
  cityId: number;
}

export async function selectEndingAgreements(
  db: Db,
  cityIds: number[],
  horizon: string,
): Promise<EndingAgreementRow[]> {
  if (cityIds.length === 0) return [];
  const rows = await db
    .selectFrom('agreement as a')
    .select([
      'a.id',
      'a.title',
      'a.valid_until',
      sql<number | null>`(
        select min(${partyCity('ap')}) from agreement_party ap
        where ap.agreement_id = a.id and ${partyCity('ap')} in (${sql.join(cityIds)}))`.as('city_id'),
    ])
    .where('a.status', '=', 'in_force')
    .where('a.auto_renew', '=', false)
    .where('a.valid_until', 'is not', null)
    .where('a.valid_until', '<=', horizon)
    .orderBy('a.valid_until')
    .orderBy('a.id')
    .execute();
  return rows.flatMap((row) =>
    row.city_id === null || row.valid_until === null
      ? []
      : [{ id: row.id, title: row.title, validUntil: row.valid_until, cityId: row.city_id }],
  );
}

/** A plan item not done nor cancelled, due by `horizon` (overdue ones included). */
export interface DuePlanItemRow {
  id: number;
  agreementId: number;
  title: string;
  dueOn: string;
  responsibleOrganizationId: number | null;
  cityId: number;
}

export async function selectDuePlanItems(
  db: Db,
  cityIds: number[],
  horizon: string,
): Promise<DuePlanItemRow[]> {
  if (cityIds.length === 0) return [];
  const rows = await db
    .selectFrom('plan_item as pi')
    .innerJoin('agreement as a', 'a.id', 'pi.agreement_id')
    .select([
      'pi.id',
      'pi.agreement_id',
      'pi.title',
      'pi.due_on',
      'pi.responsible_organization_id',
      sql<number | null>`(
        select min(${partyCity('ap')}) from agreement_party ap
        where ap.agreement_id = a.id and ${partyCity('ap')} in (${sql.join(cityIds)}))`.as('city_id'),
    ])
    .where('pi.status', 'in', ['planned', 'in_progress'])
    .where('a.status', '<>', 'terminated')
    .where('pi.due_on', 'is not', null)
    .where('pi.due_on', '<=', horizon)
    .orderBy('pi.due_on')
    .orderBy('pi.id')
    .execute();
  return rows.flatMap((row) =>
    row.city_id === null || row.due_on === null
      ? []
      : [
          {
            id: row.id,
            agreementId: row.agreement_id,
            title: row.title,
            dueOn: row.due_on,
            responsibleOrganizationId: row.responsible_organization_id,
            cityId: row.city_id,
          },
        ],
  );
}

/** The parties of these agreements as scope ids (organizations with their cities), by agreement. */
export async function selectAgreementScopes(
  db: Db,
  agreementIds: number[],
): Promise<Map<number, { cityIds: number[]; organizationIds: number[] }>> {
  const scopes = new Map<number, { cityIds: number[]; organizationIds: number[] }>();
  if (agreementIds.length === 0) return scopes;
  const rows = await db
    .selectFrom('agreement_party as ap')
    .leftJoin('organization as o', 'o.id', 'ap.organization_id')
    .select(['ap.agreement_id', 'ap.city_id', 'ap.organization_id', 'o.city_id as organization_city_id'])
    .where('ap.agreement_id', 'in', [...new Set(agreementIds)])
    .execute();
  for (const row of rows) {
    const scope = scopes.get(row.agreement_id) ?? { cityIds: [], organizationIds: [] };
    const cityId = row.city_id ?? row.organization_city_id;
    if (cityId !== null) scope.cityIds.push(cityId);
    if (row.organization_id !== null) scope.organizationIds.push(row.organization_id);
    scopes.set(row.agreement_id, scope);
  }
  return scopes;
}

/** The cities of these organizations (a plan item's responsible organization belongs to its scope). */
export async function selectOrganizationCities(
  db: Db,
  organizationIds: number[],
): Promise<Map<number, number>> {
  if (organizationIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('organization')
    .select(['id', 'city_id'])
    .where('id', 'in', [...new Set(organizationIds)])
    .execute();
  return new Map(rows.map((row) => [row.id, row.city_id]));
}

/** Home cities that publish their network (records of theirs are public). */
export async function selectPublishingCityIds(db: Db): Promise<Set<number>> {
  const rows = await db.selectFrom('home_city').select('city_id').where('published', '=', true).execute();
  return new Set(rows.map((row) => row.city_id));
}

/** The cities the installation works for. */
export async function selectHomeCityIds(db: Db): Promise<number[]> {
  const rows = await db.selectFrom('home_city').select('city_id').orderBy('city_id').execute();
  return rows.map((row) => row.city_id);
}

/**
 * The current heads of these cities (a position marked as heading the city, of the city itself or of
 * an organization in it, not ended before `from`), with their birthdays and the day they took office.
 */
export async function selectCityHeads(db: Db, cityIds: number[], from: string): Promise<CityHeadRow[]> {
  if (cityIds.length === 0) return [];
  const rows = await db
    .selectFrom('position as p')
    .innerJoin('person', 'person.id', 'p.person_id')
    .leftJoin('organization as o', 'o.id', 'p.organization_id')
    .select((eb) => [
      'person.id as personId',
      eb.fn.coalesce('p.city_id', 'o.city_id').as('cityId'),
      'person.full_name as fullName',
      'p.title as position',
      'p.started_on as startedOn',
      'person.birthday',
    ])
    .where('p.heads_city', '=', true)
    .where((eb) => eb.or([eb('p.ended_on', 'is', null), eb('p.ended_on', '>=', from)]))
    .where((eb) => eb(eb.fn.coalesce('p.city_id', 'o.city_id'), 'in', cityIds))
    .orderBy('p.id')
    .execute();
  return rows.flatMap((row) => (row.cityId === null ? [] : [{ ...row, cityId: row.cityId }]));
}

/**
 * Agreements whose legal path stands at «signed» or «submitted» (not registered yet), with the day
 * of their stage «signed» (their signing day when that stage was skipped) and the asked-about city.
 */
export async function selectUnregisteredAgreements(
  db: Db,
  cityIds: number[],
): Promise<Array<{ id: number; title: string; signedOn: string; cityId: number }>> {
  if (cityIds.length === 0) return [];
  const rows = await db
    .selectFrom('agreement as a')
    .select([
      'a.id',
      'a.title',
      sql<string | null>`coalesce(
        (select max(s.entered_on) from agreement_stage s where s.agreement_id = a.id and s.stage = 'signed'),
        a.signed_on)`.as('signed_on'),
      sql<number | null>`(
        select min(${partyCity('ap')}) from agreement_party ap
        where ap.agreement_id = a.id and ${partyCity('ap')} in (${sql.join(cityIds)}))`.as('city_id'),
    ])
    .where('a.stage', 'in', ['signed', 'submitted'])
    .orderBy('a.id')
    .execute();
  return rows.flatMap((row) =>
    row.city_id === null || row.signed_on === null
      ? []
      : [{ id: row.id, title: row.title, signedOn: row.signed_on, cityId: row.city_id }],
  );
}
