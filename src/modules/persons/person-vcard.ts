import ICAL from 'ical.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Person } from './person.schema.ts';

/** Where a person's positions are: the organizations' and cities' names, by id. */
export interface PositionPlaces {
  organizations: Map<number, string>;
  cities: Map<number, string>;
}

/** The names of the organizations and cities a person's positions name, in one query each. */
export async function positionPlaces(db: Kysely<Database>, person: Person): Promise<PositionPlaces> {
  const organizationIds = person.positions.flatMap((position) => position.organizationId ?? []);
  const cityIds = [person.cityId, ...person.positions.map((position) => position.cityId)].filter(
    (id): id is number => id !== null,
  );
  const [organizations, cities] = await Promise.all([
    organizationIds.length === 0
      ? []
      : db.selectFrom('organization').select(['id', 'name']).where('id', 'in', organizationIds).execute(),
    cityIds.length === 0
      ? []
      : db
          .selectFrom('city')
          .select(['id', (eb) => eb.fn.coalesce('name_ru', 'name_en').as('name')])
          .where('id', 'in', cityIds)
          .execute(),
  ]);
  return {
    organizations: new Map(organizations.map((row) => [row.id, row.name])),
    cities: new Map(cities.map((row) => [row.id, row.name])),
  };
}

/**
 * The person as a vCard 4.0 (RFC 6350) that address books and phones import: name parts, the
 * current position as title and organization, e-mail, phones, address, birthday, and the languages,
 * the form of address and the notes as a note. Written with ical.js, which escapes and folds the
 * lines as the RFC asks.
 */
export function personVCard(person: Person, places: PositionPlaces): string {
  const card = new ICAL.Component('vcard');
  card.addPropertyWithValue('version', '4.0');
  card.addPropertyWithValue('uid', `urn:pobratim:person:${person.id}`);
  card.addPropertyWithValue('fn', person.fullName);
  const name = new ICAL.Property('n');
  name.setValue([person.lastName ?? '', person.firstName ?? '', person.patronymic ?? '', '', '']);
  card.addProperty(name);
  const current = person.positions.find((position) => position.endedOn === null) ?? person.positions[0];
  if (current) {
    card.addPropertyWithValue('title', current.title);
    const organization =
      (current.organizationId !== null && places.organizations.get(current.organizationId)) ||
      (current.cityId !== null && places.cities.get(current.cityId)) ||
      undefined;
    if (organization) card.addPropertyWithValue('org', organization);
  }
  if (person.email) card.addPropertyWithValue('email', person.email).setParameter('type', 'work');
  for (const phone of person.phones) card.addPropertyWithValue('tel', phone).setParameter('type', 'work');
  const city = person.cityId === null ? undefined : places.cities.get(person.cityId);
  if (person.address || city) {
    const address = new ICAL.Property('adr');
    address.setValue(['', '', person.address ?? '', city ?? '', '', '', '']);
    card.addProperty(address);
  }
  if (person.birthday) card.addPropertyWithValue('bday', person.birthday);
  const note = [
    person.salutation,
    person.languages.length > 0 ? `Языки: ${person.languages.join(', ')}` : null,
    person.notes,
  ].filter((line) => line);
  if (note.length > 0) card.addPropertyWithValue('note', note.join('\n'));
  return `${card.toString()}\r\n`;
}
