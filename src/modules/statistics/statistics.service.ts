/** Counts by year, the twin network and the latest activity of a city, as the asker may read them. */
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from '../../db/database.ts';
import { readableRows } from '../auth/record-scope.ts';
import type { ReadFilter } from '../auth/policy.ts';
import type {
  ActivityEntry,
  ActivityRecordType,
  CityStatistics,
  Network,
  NetworkQuery,
  YearCounts,
} from './statistics.schema.ts';
import { ACTIVITY_RECORD_TYPES } from './statistics.schema.ts';

type Db = Kysely<Database>;
const TRUE = sql<SqlBool>`true`;

/** The read filter as a SQL condition on rows of a table named by its own name (`visit.…`). */
function readable(recordType: 'visit' | ActivityRecordType, filter: ReadFilter): RawBuilder<SqlBool> {
  return readableRows(recordType, filter) ?? TRUE;
}

/**
 * Whether a row concerns one city: the same test that decides which city's editors may read it
 * (readableRows' per-table city rules, an organization's city included), so "concerns the city" and
 * "belongs to the city's scope" cannot drift apart. `published: false` turns off the rule that
 * published records of other cities are readable, which only a read filter needs; the filter type
 * has no such value, hence the cast.
 */
function concernsCity(recordType: 'visit' | ActivityRecordType, cityId: number): RawBuilder<SqlBool> {
  const onlyThisCity = { everything: false, cityIds: [cityId], organizationIds: [], published: false };
  return readable(recordType, onlyThisCity as unknown as ReadFilter);
}

/** Visits in and out and agreements of a city by year, counting only the records the filter lets through. */
export async function cityStatistics(db: Db, cityId: number, filter: ReadFilter): Promise<CityStatistics> {
  const visits = await sql<{ year: number; visits_in: number; visits_out: number }>`
    select extract(year from visit.start_date)::int as year,
      sum(case when visit.to_city_id = ${cityId} then 1 else 0 end)::int as visits_in,
      sum(case when visit.from_city_id = ${cityId} then 1 else 0 end)::int as visits_out
    from visit
    where (visit.from_city_id = ${cityId} or visit.to_city_id = ${cityId})
      and visit.status <> 'cancelled'
      and ${readable('visit', filter)}
    group by 1`.execute(db);
  const agreements = await sql<{ year: number; agreements: number }>`
    select extract(year from coalesce(agreement.signed_on, agreement.valid_from))::int as year,
      count(*)::int as agreements
    from agreement
    where coalesce(agreement.signed_on, agreement.valid_from) is not null
      and agreement.status <> 'draft'
      and ${concernsCity('agreement', cityId)}
      and ${readable('agreement', filter)}
    group by 1`.execute(db);
  const byYear = new Map<number, YearCounts>();
  const yearOf = (year: number) => {
    let counts = byYear.get(year);
    if (!counts) byYear.set(year, (counts = { year, visitsIn: 0, visitsOut: 0, agreements: 0 }));
    return counts;
  };
  for (const row of visits.rows)
    Object.assign(yearOf(row.year), { visitsIn: row.visits_in, visitsOut: row.visits_out });
  for (const row of agreements.rows) yearOf(row.year).agreements = row.agreements;
  return { cityId, years: [...byYear.values()].sort((a, b) => a.year - b.year) };
}

/** The name column of a language, falling back to Russian, then English. */
function nameIn(alias: string, language: NetworkQuery['language']): RawBuilder<string> {
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  if (language === 'en') return sql<string>`${column('name_en')}`;
  if (language === 'be')
    return sql<string>`coalesce(${column('name_be')}, ${column('name_ru')}, ${column('name_en')})`;
  return sql<string>`coalesce(${column('name_ru')}, ${column('name_en')})`;
}

interface CityRow {
  id: number;
  name: string;
  country: string;
  longitude: number | null;
  latitude: number | null;
}

/**
 * The twinnings (all but ended ones) the filter lets the asker read, as a twinning's route judges
 * one: of the asker's cities, or of a city that publishes. Two queries: the pairs as bare ids, then
 * their cities once each (24,000 pairs joined to both cities would carry every city's name and
 * coordinates once per twinning). Cities are numbered in order of first appearance.
 */
export async function twinNetwork(db: Db, query: NetworkQuery, filter: ReadFilter): Promise<Network> {
  const conditions: RawBuilder<SqlBool>[] = [sql`t.status <> 'ended'`];
  if (query.cityId !== undefined) {
    conditions.push(sql`(t.city_a_id = ${query.cityId} or t.city_b_id = ${query.cityId})`);
  }
  if (!filter.everything) {
    const published = sql`(select h.city_id from home_city h where h.published)`;
    const allowed = [sql<SqlBool>`t.city_a_id in ${published}`, sql<SqlBool>`t.city_b_id in ${published}`];
    if (filter.cityIds.length > 0) {
      const ids = sql`(${sql.join(filter.cityIds)})`;
      allowed.push(sql`t.city_a_id in ${ids}`, sql`t.city_b_id in ${ids}`);
    }
    conditions.push(sql`(${sql.join(allowed, sql` or `)})`);
  }
  const { rows: pairs } = await sql<{ a: number; b: number; tier: Network['tiers'][number] }>`
    select t.city_a_id as a, t.city_b_id as b, t.tier
    from twinning t
    where ${sql.join(conditions, sql` and `)}
    order by t.id`.execute(db);
  const ids = [...new Set(pairs.flatMap((pair) => [pair.a, pair.b]))];
  const cities = new Map<number, CityRow>();
  if (ids.length > 0) {
    const { rows } = await sql<CityRow>`
      select c.id, ${nameIn('c', query.language)} as name, c.country, c.longitude, c.latitude
      from city c
      where c.id = any(${ids}::int[])`.execute(db);
    for (const row of rows) cities.set(row.id, row);
  }

  const network: Network = {
    cityIds: [],
    names: [],
    countries: [],
    coordinates: [],
    pairs: [],
    tiers: [],
    withoutCoordinates: 0,
  };
  const indexOf = new Map<number, number>();
  const round = (degrees: number) => Math.round(Number(degrees) * 1000) / 1000;
  const cityIndex = (city: CityRow) => {
    let index = indexOf.get(city.id);
    if (index === undefined) {
      index = network.cityIds.length;
      indexOf.set(city.id, index);
      network.cityIds.push(city.id);
      network.names.push(city.name);
      network.countries.push(city.country);
      network.coordinates.push(round(city.longitude!), round(city.latitude!));
    }
    return index;
  };
  const drawable = (city: CityRow | undefined): city is CityRow =>
    city !== undefined && city.longitude !== null && city.latitude !== null;
  for (const pair of pairs) {
    const [a, b] = [cities.get(pair.a), cities.get(pair.b)];
    if (!drawable(a) || !drawable(b)) {
      network.withoutCoordinates++;
      continue;
    }
    network.pairs.push(cityIndex(a), cityIndex(b));
    network.tiers.push(pair.tier);
  }
  return network;
}

/** How each kind of record is labelled in the feed, and its own date. */
const LABELS: Record<
  ActivityRecordType,
  { label: (language: NetworkQuery['language']) => RawBuilder<string>; date: RawBuilder<unknown> }
> = {
  visit: {
    label: (language) => sql`(select ${nameIn('c', language)} from city c where c.id = visit.from_city_id)
      || ' → ' || (select ${nameIn('c', language)} from city c where c.id = visit.to_city_id)`,
    date: sql`visit.start_date`,
  },
  agreement: { label: () => sql`agreement.title`, date: sql`agreement.signed_on` },
  plan_item: { label: () => sql`plan_item.title`, date: sql`plan_item.due_on` },
  event: { label: () => sql`event.name`, date: sql`event.start_date` },
  organization: { label: () => sql`organization.name`, date: sql`null` },
  project: { label: () => sql`project.title`, date: sql`project.started_on` },
};

interface ActivityRow {
  id: string | number;
  at: Date | string;
  action: ActivityEntry['action'];
  record_id: number;
  label: string;
  date: string | null;
  user_name: string | null;
}

/**
 * The latest changes of the records that concern a city and that the filter lets the asker read,
 * newest first: one query a kind of record, merged. A deleted record is left out: it no longer
 * says which city it concerned, nor whether the asker may read it.
 */
export async function cityActivity(
  db: Db,
  cityId: number,
  filter: ReadFilter,
  options: { limit: number; language: NetworkQuery['language'] },
): Promise<ActivityEntry[]> {
  const entries: ActivityEntry[] = [];
  for (const recordType of ACTIVITY_RECORD_TYPES) {
    const { label, date } = LABELS[recordType];
    const table = sql.table(recordType);
    const { rows } = await sql<ActivityRow>`
      select e.id, e.at, e.action, e.record_id, ${label(options.language)} as label,
        (${date})::text as date, u.display_name as user_name
      from audit_entry e
      join ${table} on ${sql.ref(`${recordType}.id`)} = e.record_id
      left join app_user u on u.id = e.user_id
      where e.record_type = ${recordType}
        and ${concernsCity(recordType, cityId)}
        and ${readable(recordType, filter)}
      order by e.id desc
      limit ${options.limit}`.execute(db);
    for (const row of rows) {
      entries.push({
        id: Number(row.id),
        at: new Date(row.at).toISOString(),
        action: row.action,
        recordType,
        recordId: row.record_id,
        label: row.label,
        date: row.date,
        userName: row.user_name,
      });
    }
  }
  return entries.sort((a, b) => b.id - a.id).slice(0, options.limit);
}
