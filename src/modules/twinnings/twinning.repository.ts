import { sql, type Kysely } from 'kysely';
import type { Database, TwinningRow } from '../../db/database.ts';
import { isoTimestamp } from '../audit/audit.repository.ts';
import { updateRowIfVersion } from '../audit/versioned-row.ts';
import { findOrThrow } from '../audit/record-readers.ts';
import { dateKey, enumKey, textKey, TIMESTAMP_SORTS, type SortField } from '../audit/cursor-page.ts';
import type {
  ImportedTwinning,
  Twinning,
  TwinningCreate,
  TwinningListQuery,
  TwinningUpdate,
  TWINNING_SORTS,
} from './twinning.schema.ts';

/** The two ids in the order the table stores them (CHECK city_a_id < city_b_id): smaller first. */
export function orderedPair(a: number, b: number): [number, number] {
  return a < b ? [a, b] : [b, a];
}

/** Maps a stored row to the domain shape. */
export function toTwinning(row: TwinningRow): Twinning {
  return {
    id: row.id,
    cityAId: row.city_a_id,
    cityBId: row.city_b_id,
    tier: row.tier,
    status: row.status,
    establishedOn: row.established_on,
    establishedYear: row.established_year,
    endedOn: row.ended_on,
    notes: row.notes,
    source: row.source,
    sourceRef: row.source_ref,
    version: row.version,
    updatedAt: isoTimestamp(row.updated_at),
  };
}

/** The twinning with this id, if any. */
export async function findTwinningById(db: Kysely<Database>, id: number): Promise<Twinning | undefined> {
  const row = await db.selectFrom('twinning').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toTwinning(row);
}

/** The twinning with this id; its absence is an error. */
export const findTwinningByIdOrThrow = findOrThrow(findTwinningById, 'Twinning');

/** The twinning of two cities, given in either order, if any. */
export async function findTwinningByCities(
  db: Kysely<Database>,
  cityId: number,
  otherCityId: number,
): Promise<Twinning | undefined> {
  const [a, b] = orderedPair(cityId, otherCityId);
  const row = await db
    .selectFrom('twinning')
    .selectAll()
    .where('city_a_id', '=', a)
    .where('city_b_id', '=', b)
    .executeTakeFirst();
  return row && toTwinning(row);
}

/**
 * The twinnings of a city, whichever side it is stored on: in the order they were recorded, or by a
 * field (`partner` is the other city's name; a tie known only by its year counts from 1 January,
 * one with no date comes last), ties in recorded order.
 */
export async function selectTwinningsOfCity(
  db: Kysely<Database>,
  cityId: number,
  query: TwinningListQuery = {},
): Promise<Twinning[]> {
  let select = db
    .selectFrom('twinning')
    .selectAll()
    .where((eb) => eb.or([eb('city_a_id', '=', cityId), eb('city_b_id', '=', cityId)]));
  const field = query.sort === undefined ? undefined : twinningSorts(cityId)[query.sort];
  const order = query.order ?? field?.direction ?? 'asc';
  if (field) select = select.orderBy(field.key.expression, order);
  const rows = await select.orderBy('id', order).execute();
  return rows.map(toTwinning);
}

/** How a city's twinnings can be sorted; the partner is the side that is not this city. */
function twinningSorts(cityId: number): Record<(typeof TWINNING_SORTS)[number], SortField> {
  const partnerId = sql`case when twinning.city_a_id = ${cityId} then twinning.city_b_id else twinning.city_a_id end`;
  return {
    partner: {
      key: textKey(sql`(select c.sort_key from city c where c.id = ${partnerId})`),
      direction: 'asc',
    },
    establishedOn: {
      key: dateKey(sql`coalesce(established_on, make_date(established_year, 1, 1), '9999-12-31'::date)`),
      direction: 'asc',
    },
    tier: { key: enumKey('tier', ['twin', 'partner', 'friendship']), direction: 'asc' },
    status: { key: enumKey('status', ['proposed', 'active', 'suspended', 'ended']), direction: 'asc' },
    ...TIMESTAMP_SORTS,
  };
}

/** Stores a new twinning, its cities in stored order, and returns its id. */
export async function insertTwinning(
  db: Kysely<Database>,
  input: TwinningCreate,
  source: { kind: 'user' | 'import' | 'document'; ref: string | null } = { kind: 'user', ref: null },
): Promise<number> {
  const [a, b] = orderedPair(...input.cityIds);
  const row = await db
    .insertInto('twinning')
    .values({
      city_a_id: a,
      city_b_id: b,
      tier: input.tier,
      status: input.status,
      established_on: input.establishedOn ?? null,
      established_year: input.establishedYear ?? null,
      ended_on: input.endedOn ?? null,
      notes: input.notes ?? null,
      source: source.kind,
      source_ref: source.ref,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Stores imported twinnings in one statement, skipping pairs already in the registry (whoever
 * recorded them); returns the pairs it created, in stored order.
 */
export async function insertImportedTwinnings(
  db: Kysely<Database>,
  twinnings: ImportedTwinning[],
): Promise<Array<[number, number]>> {
  if (twinnings.length === 0) return [];
  const pairs = twinnings.map(({ cityIds }) => orderedPair(...cityIds));
  const { rows } = await sql<{ city_a_id: number; city_b_id: number }>`
    INSERT INTO twinning (city_a_id, city_b_id, source, source_ref)
    SELECT a, b, 'import', ref
    FROM unnest(${pairs.map((p) => p[0])}::integer[], ${pairs.map((p) => p[1])}::integer[],
      ${twinnings.map((t) => t.sourceRef)}::text[]) AS t(a, b, ref)
    ON CONFLICT (city_a_id, city_b_id) DO NOTHING
    RETURNING city_a_id, city_b_id
  `.execute(db);
  return rows.map((row) => [row.city_a_id, row.city_b_id]);
}

/** Applies a change if the row still has the version the editor saw; false when it does not. */
export async function updateTwinningRow(
  db: Kysely<Database>,
  id: number,
  { version, ...patch }: TwinningUpdate,
): Promise<boolean> {
  return updateRowIfVersion(db, 'twinning', id, version, {
    tier: patch.tier,
    status: patch.status,
    established_on: patch.establishedOn,
    established_year: patch.establishedYear,
    ended_on: patch.endedOn,
    notes: patch.notes,
  });
}
