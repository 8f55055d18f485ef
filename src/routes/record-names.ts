import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';

/**
 * The names of the cities, organizations and people a record refers to by id, so a reader of
 * `GET /api/visits/7?include=names` sees «Барановичи → Кузнецк, Вадим Щербаков» without three more
 * requests. Ids are found by their field names (`fromCityId`, `parties[].organizationId`,
 * `headPersonId`, `members[].personId`), at any depth of the record.
 */
export const recordNamesSchema = z
  .object({
    cities: z.record(
      z.string(),
      z.object({ ru: z.string().nullable(), be: z.string().nullable(), en: z.string() }),
    ),
    organizations: z.record(z.string(), z.string()),
    persons: z.record(z.string(), z.string()),
  })
  .describe('The names of the records this one refers to, by id (asked for with include=names)');
export type RecordNames = z.infer<typeof recordNamesSchema>;

/** `include=names`: the query parameter that asks for them. */
export const includeQuerySchema = z.object({
  include: z
    .enum(['names'])
    .optional()
    .describe(
      'names: each record also carries the names of the cities, organizations and people it refers to',
    ),
});

type Ids = { city: Set<number>; organization: Set<number>; person: Set<number> };

function collect(value: unknown, ids: Ids): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, ids);
    return;
  }
  if (!value || typeof value !== 'object') return;
  for (const [key, field] of Object.entries(value)) {
    if (typeof field === 'number') {
      if (/(^c|C)ity([AB])?Ids?$/.test(key)) ids.city.add(field);
      else if (/(^o|O)rganizationId$/.test(key)) ids.organization.add(field);
      else if (/(^p|P)ersonId$/.test(key)) ids.person.add(field);
    } else if (Array.isArray(field) && /(^c|C)ityIds$/.test(key)) {
      for (const id of field) if (typeof id === 'number') ids.city.add(id);
    } else if (field && typeof field === 'object') collect(field, ids);
  }
}

/** Each record with `names` of what it refers to, read in three queries for the whole list. */
export async function withNames<T extends object>(
  db: Kysely<Database>,
  records: T[],
): Promise<(T & { names: RecordNames })[]> {
  const perRecord = records.map((record) => {
    const ids: Ids = { city: new Set(), organization: new Set(), person: new Set() };
    collect(record, ids);
    return ids;
  });
  const all = (kind: keyof Ids) => [...new Set(perRecord.flatMap((ids) => [...ids[kind]]))];
  const [cities, organizations, persons] = await Promise.all([
    all('city').length === 0
      ? []
      : db
          .selectFrom('city')
          .select(['id', 'name_ru', 'name_be', 'name_en'])
          .where('id', 'in', all('city'))
          .execute(),
    all('organization').length === 0
      ? []
      : db.selectFrom('organization').select(['id', 'name']).where('id', 'in', all('organization')).execute(),
    all('person').length === 0
      ? []
      : db.selectFrom('person').select(['id', 'full_name']).where('id', 'in', all('person')).execute(),
  ]);
  const cityById = new Map(cities.map((c) => [c.id, { ru: c.name_ru, be: c.name_be, en: c.name_en }]));
  const orgById = new Map(organizations.map((o) => [o.id, o.name]));
  const personById = new Map(persons.map((p) => [p.id, p.full_name]));
  const pick = <V>(ids: Set<number>, names: Map<number, V>) =>
    Object.fromEntries([...ids].flatMap((id) => (names.has(id) ? [[String(id), names.get(id)!]] : [])));
  return records.map((record, i) => ({
    ...record,
    names: {
      cities: pick(perRecord[i]!.city, cityById),
      organizations: pick(perRecord[i]!.organization, orgById),
      persons: pick(perRecord[i]!.person, personById),
    },
  }));
}
