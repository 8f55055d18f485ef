import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Database, PersonRow } from '../../db/database.ts';
import { isoTimestamp } from '../audit/audit.repository.ts';
import { deleteRowIfVersion, updateRowIfVersion } from '../audit/versioned-row.ts';
import { findOrThrow, withChildren } from '../audit/record-readers.ts';
import { selectPage, textKey, TIMESTAMP_SORTS, type ListSorts, type Page } from '../audit/cursor-page.ts';
import type { Person, PersonCreate, PersonListQuery, PersonUpdate, Position } from './person.schema.ts';
import type { PERSON_SORTS } from './person.schema.ts';
import { selectPositions } from './position.repository.ts';

/** Maps a stored person row and its positions to the domain shape. */
export function toPerson(row: PersonRow, positions: Position[]): Person {
  return {
    id: row.id,
    fullName: row.full_name,
    firstName: row.first_name,
    patronymic: row.patronymic,
    lastName: row.last_name,
    cityId: row.city_id,
    notes: row.notes,
    email: row.email,
    phones: row.phones,
    address: row.address,
    salutation: row.salutation,
    birthday: row.birthday,
    languages: row.languages,
    version: row.version,
    updatedAt: isoTimestamp(row.updated_at),
    positions,
  };
}

async function withPositions(db: Kysely<Database>, rows: PersonRow[]): Promise<Person[]> {
  return withChildren(rows, (ids) => selectPositions(db, ids), toPerson);
}

/** The person with this id and their positions, if any. */
export async function findPersonById(db: Kysely<Database>, id: number): Promise<Person | undefined> {
  const row = await db.selectFrom('person').selectAll().where('id', '=', id).executeTakeFirst();
  return row && (await withPositions(db, [row]))[0];
}

/** The person with this id; absence is an error. */
export const findPersonByIdOrThrow = findOrThrow(findPersonById, 'Person');

/** People with exactly this full name (compared ignoring case, «ё» and accents), oldest first. */
export async function findPersonsByFullName(db: Kysely<Database>, fullName: string): Promise<Person[]> {
  const rows = await db
    .selectFrom('person')
    .selectAll()
    .where(sql<boolean>`search_key = name_key(${fullName})`)
    .orderBy('id')
    .execute();
  return withPositions(db, rows);
}

/** Stores a new person (without positions) and returns the id. */
export async function insertPerson(db: Kysely<Database>, input: PersonCreate): Promise<number> {
  const row = await db
    .insertInto('person')
    .values({
      full_name: input.fullName,
      first_name: input.firstName ?? null,
      patronymic: input.patronymic ?? null,
      last_name: input.lastName ?? null,
      city_id: input.cityId ?? null,
      notes: input.notes ?? null,
      email: input.email ?? null,
      phones: input.phones ?? [],
      address: input.address ?? null,
      salutation: input.salutation ?? null,
      birthday: input.birthday ?? null,
      languages: input.languages ?? [],
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Applies a change to the person's own fields when the stored version is still the one given. */
export async function updatePersonRow(
  db: Kysely<Database>,
  id: number,
  change: PersonUpdate,
): Promise<boolean> {
  return updateRowIfVersion(db, 'person', id, change.version, {
    full_name: change.fullName,
    first_name: change.firstName,
    patronymic: change.patronymic,
    last_name: change.lastName,
    city_id: change.cityId,
    notes: change.notes,
    email: change.email,
    phones: change.phones,
    address: change.address,
    salutation: change.salutation,
    birthday: change.birthday,
    languages: change.languages,
  });
}

/** Removes a person and (by cascade) their positions, when its stored version is still the one given. */
export async function deletePersonRow(db: Kysely<Database>, id: number, version: number): Promise<boolean> {
  return deleteRowIfVersion(db, 'person', id, version);
}

/** How people can be sorted; by last name as Russian sorts it unless asked otherwise. */
const PERSON_SORTING: ListSorts<(typeof PERSON_SORTS)[number]> = {
  fields: {
    name: { key: textKey(sql.ref('sort_key')), direction: 'asc' },
    ...TIMESTAMP_SORTS,
  },
  default: 'name',
};

/** A page of people matching the filter, ordered by last name as Russian sorts it. */
export async function selectPersonPage(
  db: Kysely<Database>,
  query: PersonListQuery,
  restrict?: Expression<SqlBool>,
): Promise<Page<Person>> {
  let select = db.selectFrom('person').selectAll();
  if (query.cityId !== undefined) select = select.where('city_id', '=', query.cityId);
  if (query.organizationId !== undefined) {
    const organizationId = query.organizationId;
    select = select.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('position')
          .select('position.id')
          .whereRef('position.person_id', '=', 'person.id')
          .where('position.organization_id', '=', organizationId),
      ),
    );
  }
  if (query.q !== undefined) {
    select = select.where(sql<boolean>`search_key like '%' || name_key(${query.q}) || '%'`);
  }
  return selectPage(select, PERSON_SORTING, query, (rows) => withPositions(db, rows), restrict);
}
