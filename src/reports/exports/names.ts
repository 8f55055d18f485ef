import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';

type Id = number | null | undefined;

/** The records an exported row names by id, to be shown by name. */
export interface NameRefs {
  cityIds?: Id[];
  organizationIds?: Id[];
  personIds?: Id[];
  agreementIds?: Id[];
}

/** Names of the records the rows of an export refer to, loaded in one query per table. */
export interface NameBook {
  city(id: Id): string | null;
  country(id: Id): string | null;
  organization(id: Id): string | null;
  person(id: Id): string | null;
  agreement(id: Id): string | null;
}

function idsOf(refs: NameRefs[], key: keyof NameRefs): number[] {
  const ids = new Set<number>();
  for (const ref of refs) for (const id of ref[key] ?? []) if (typeof id === 'number') ids.add(id);
  return [...ids];
}

function reader(map: Map<number, string>) {
  return (id: Id) => (typeof id === 'number' ? (map.get(id) ?? null) : null);
}

// A query holds at most 65,535 parameters: long id lists are asked for in parts.
async function inChunks<R>(ids: number[], load: (part: number[]) => Promise<R[]>): Promise<R[]> {
  const rows: R[] = [];
  for (let start = 0; start < ids.length; start += 10_000)
    rows.push(...(await load(ids.slice(start, start + 10_000))));
  return rows;
}

/** Loads the names every row refers to: cities by their Russian name (English if none). */
export async function loadNames(db: Kysely<Database>, refs: NameRefs[]): Promise<NameBook> {
  const cityIds = idsOf(refs, 'cityIds');
  const organizationIds = idsOf(refs, 'organizationIds');
  const personIds = idsOf(refs, 'personIds');
  const agreementIds = idsOf(refs, 'agreementIds');
  const cities = await inChunks(cityIds, (ids) =>
    db.selectFrom('city').select(['id', 'name_ru', 'name_en', 'country']).where('id', 'in', ids).execute(),
  );
  const organizations = await inChunks(organizationIds, (ids) =>
    db.selectFrom('organization').select(['id', 'name']).where('id', 'in', ids).execute(),
  );
  const persons = await inChunks(personIds, (ids) =>
    db.selectFrom('person').select(['id', 'full_name']).where('id', 'in', ids).execute(),
  );
  const agreements = await inChunks(agreementIds, (ids) =>
    db.selectFrom('agreement').select(['id', 'title']).where('id', 'in', ids).execute(),
  );
  return {
    city: reader(new Map(cities.map((row) => [row.id, row.name_ru ?? row.name_en]))),
    country: reader(new Map(cities.map((row) => [row.id, row.country]))),
    organization: reader(new Map(organizations.map((row) => [row.id, row.name]))),
    person: reader(new Map(persons.map((row) => [row.id, row.full_name]))),
    agreement: reader(new Map(agreements.map((row) => [row.id, row.title]))),
  };
}
