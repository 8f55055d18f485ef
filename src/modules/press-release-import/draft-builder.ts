import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { ExtractionResult } from '../../extract/index.ts';
import { findTwinningByCities } from '../twinnings/twinning.repository.ts';
import { findVisitByRoute } from '../visits/visit.repository.ts';
import { formatDateRangeRu } from '../../reports/russian/dates.ts';
import type { Draft, Match } from './draft.schema.ts';
import { eventKindOf, organizationKindOf } from './kind-guesses.ts';
import { CHOOSE_AT, matchCity, matchOrganization, matchPerson, registryCountries } from './matcher.ts';
import { twinMentions } from './twin-mentions.ts';

type Span = [number, number] | null;
type Party = { name: string; city: string | null };

const AGREEMENT_TITLES: Record<string, string> = {
  twinning: 'Соглашение об установлении побратимских связей',
  cooperation: 'Соглашение о сотрудничестве',
  memorandum: 'Меморандум о сотрудничестве',
  plan: 'План совместных мероприятий',
  protocol: 'Протокол',
  other: 'Соглашение',
};

function chosen(matches: Match[]): number | null {
  const best = matches[0];
  return best && best.confidence >= CHOOSE_AT ? best.id : null;
}

/** A day given as «--MM-DD» gets the publication year; a full date stays as it is. */
export function withYear(date: string | null, publishedOn: string | null): string | null {
  if (!date || !date.startsWith('--') || !publishedOn) return date;
  return `${publishedOn.slice(0, 4)}${date.slice(1)}`;
}

/**
 * Whether a position names a city, in any case or as the city's adjective: «мэр Гомеля», «Гомельского
 * горисполкома», «глава Минска», «Минской области» all name the city by the stem its forms share
 * (the one-word name without its last vowel or soft sign). Irregular adjectives («Московский» of
 * Москва) and short names, where a stem would match unrelated words, are not recognized.
 */
export function namesCity(position: string, city: string): boolean {
  if (/[\s-]/.test(city)) return false;
  const stem = city.toLowerCase().replace(/[аеёиоуыьэюяй]$/u, '');
  if (stem.length < 4) return false;
  return position
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .some((word) => word.startsWith(stem));
}

/**
 * Turns the extractor's facts into a reviewable draft: each city, organization and person matched
 * to the registry's records (chosen when the match is sure, offered otherwise, new when none), and
 * visits, agreements, projects and events that refer to them; with the text, the twinnings it
 * states that the registry lacks.
 */
export async function buildDraft(
  db: Kysely<Database>,
  facts: ExtractionResult,
  publishedOn: string | null,
  homeCity: string | null = null,
  text: string | null = null,
): Promise<Draft> {
  const draft: Draft = {
    cities: [],
    organizations: [],
    persons: [],
    visits: [],
    agreements: [],
    projects: [],
    events: [],
    twinnings: [],
  };
  const countries = await registryCountries(db);

  async function cityRef(name: string | null): Promise<string | null> {
    if (!name) return null;
    const known = draft.cities.find((city) => city.name === name);
    if (known) return known.ref;
    const matches = await matchCity(db, name, countries);
    const ref = `c${draft.cities.length + 1}`;
    draft.cities.push({ ref, name, matches, chosenId: chosen(matches), include: true, span: null });
    return ref;
  }

  async function organizationRef(name: string, city: string | null, span: Span): Promise<string> {
    const cRef = await cityRef(city);
    const known = draft.organizations.find((org) => org.name === name && org.cityRef === cRef);
    if (known) return known.ref;
    const cityId = draft.cities.find((c) => c.ref === cRef)?.chosenId;
    const matches = cityId ? await matchOrganization(db, cityId, name) : [];
    const ref = `o${draft.organizations.length + 1}`;
    const kind = organizationKindOf(name);
    draft.organizations.push({
      ref,
      name,
      kind,
      cityRef: cRef,
      matches,
      chosenId: chosen(matches),
      include: true,
      span,
    });
    return ref;
  }

  async function personRef(
    name: string,
    position: string | null,
    city: string | null,
    span: Span,
  ): Promise<string> {
    const known = draft.persons.find((person) => person.name === name);
    if (known) return known.ref;
    const matches = await matchPerson(db, name);
    const ref = `p${draft.persons.length + 1}`;
    draft.persons.push({
      ref,
      name,
      position,
      cityRef: await cityRef(city),
      matches,
      chosenId: chosen(matches),
      include: true,
      span,
    });
    return ref;
  }

  /**
   * A party is an organization of a city, or a city itself when it names no institution. An
   * institution whose city the text does not name («гимназия № 5») stays an organization, with
   * its city left for the reviewer to choose, instead of becoming a city called «гимназия № 5».
   */
  async function partyRef(party: Party): Promise<string> {
    const isCity = party.city === party.name || (!party.city && organizationKindOf(party.name) === 'other');
    return isCity ? ((await cityRef(party.name)) as string) : organizationRef(party.name, party.city, null);
  }

  for (const org of facts.organizations) await organizationRef(org.name, org.city, org.span ?? null);
  for (const visit of facts.visits) {
    const fromCityRef = await cityRef(visit.from_city);
    // A head named only by title («во главе с мэром») is kept as the visit's head position.
    const headRef = visit.head?.name
      ? await personRef(visit.head.name, visit.head.position, visit.from_city, null)
      : null;
    const start = withYear(visit.start, publishedOn);
    const end = withYear(visit.end ?? visit.start, publishedOn);
    const toCityRef = await cityRef(visit.to_city);
    const fromId = draft.cities.find((c) => c.ref === fromCityRef)?.chosenId;
    const toId = draft.cities.find((c) => c.ref === toCityRef)?.chosenId;
    const existing =
      fromId && toId && start && !start.startsWith('--')
        ? await findVisitByRoute(db, { fromCityId: fromId, toCityId: toId, startDate: start })
        : undefined;
    const matches = existing
      ? [
          {
            id: existing.id,
            label: formatDateRangeRu(existing.startDate, existing.endDate),
            confidence: 0.95,
            dates: { start: existing.startDate, end: existing.endDate },
          },
        ]
      : [];
    draft.visits.push({
      ref: `v${draft.visits.length + 1}`,
      ...{
        fromCityRef,
        toCityRef,
        start,
        end,
        kind: visit.kind,
        headRef,
        headPosition: visit.head?.position ?? null,
      },
      ...{ matches, chosenId: chosen(matches), include: true, span: visit.span ?? null },
    });
  }
  // A person is of the city their position names («председатель Барановичского горисполкома»),
  // else of the home city, whose office wrote the release; the reviewer corrects the exceptions.
  for (const person of facts.persons) {
    const named = draft.cities.find((city) => person.position && namesCity(person.position, city.name));
    await personRef(person.name, person.position, named?.name ?? homeCity, person.span ?? null);
  }
  const visitRef = draft.visits.length === 1 ? draft.visits[0]!.ref : null;
  for (const agreement of facts.agreements) {
    const partyRefs = [];
    for (const party of agreement.parties) partyRefs.push(await partyRef(party));
    const names = agreement.parties.map((party) => party.name).join(' — ');
    draft.agreements.push({
      ref: `a${draft.agreements.length + 1}`,
      ...{
        kind: agreement.kind,
        title: `${AGREEMENT_TITLES[agreement.kind]}: ${names}`,
        partyRefs,
        visitRef,
      },
      ...{ signedOn: withYear(agreement.signed_on, publishedOn), matches: [], chosenId: null, include: true },
      span: agreement.span ?? null,
    });
  }
  for (const project of facts.projects) {
    const partyRefs = [];
    for (const party of project.parties) partyRefs.push(await partyRef(party));
    const title = `Сотрудничество: ${project.parties.map((party) => party.name).join(' — ')}`;
    draft.projects.push({
      ref: `j${draft.projects.length + 1}`,
      title,
      partyRefs,
      matches: [],
      chosenId: null,
      include: true,
      span: project.span ?? null,
    });
  }
  for (const event of facts.events) {
    draft.events.push({
      ref: `e${draft.events.length + 1}`,
      ...{ name: event.name, kind: eventKindOf(event.name), cityRef: await cityRef(event.city) },
      ...{ date: withYear(event.date, publishedOn), visitRef, matches: [], chosenId: null, include: true },
      span: event.span ?? null,
    });
  }
  if (text) await proposeTwinnings(db, draft, facts, text, homeCity, cityRef);
  return draft;
}

/**
 * Adds the twinnings the text states («город-побратим Кузнецк») between the home city and the named
 * partner, unless the registry has them already. The home city is the one the reviewer named, else
 * the other end of a visit to or from the partner, else the registry's only home city.
 */
async function proposeTwinnings(
  db: Kysely<Database>,
  draft: Draft,
  facts: ExtractionResult,
  text: string,
  homeCity: string | null,
  cityRef: (name: string | null) => Promise<string | null>,
): Promise<void> {
  for (const mention of twinMentions(text, facts.entities)) {
    const visit = facts.visits.find((v) => v.to_city === mention.city || v.from_city === mention.city);
    const homeName =
      homeCity ?? (visit ? (visit.to_city === mention.city ? visit.from_city : visit.to_city) : null);
    let homeRef: string | null = null;
    if (homeName && homeName !== mention.city) homeRef = await cityRef(homeName);
    else if (!homeName) homeRef = await onlyHomeCityRef(db, draft);
    const partnerRef = await cityRef(mention.city);
    if (!homeRef || !partnerRef || homeRef === partnerRef) continue;
    const idOf = (ref: string) => draft.cities.find((city) => city.ref === ref)?.chosenId ?? null;
    const [homeId, partnerId] = [idOf(homeRef), idOf(partnerRef)];
    if (homeId && partnerId && (homeId === partnerId || (await findTwinningByCities(db, homeId, partnerId))))
      continue;
    if (draft.twinnings.some((t) => t.cityRefs.includes(homeRef) && t.cityRefs.includes(partnerRef)))
      continue;
    draft.twinnings.push({
      ref: `t${draft.twinnings.length + 1}`,
      cityRefs: [homeRef, partnerRef],
      tier: 'twin',
      status: mention.status,
      ...{ matches: [], chosenId: null, include: true, span: mention.span },
    });
  }
}

/** The registry's home city when it has exactly one, as a city of the draft. */
async function onlyHomeCityRef(db: Kysely<Database>, draft: Draft): Promise<string | null> {
  const homes = await db
    .selectFrom('home_city')
    .innerJoin('city', 'city.id', 'home_city.city_id')
    .select(['city.id', 'city.name_ru', 'city.name_en'])
    .limit(2)
    .execute();
  if (homes.length !== 1) return null;
  const home = homes[0]!;
  const known = draft.cities.find((city) => city.chosenId === home.id);
  if (known) return known.ref;
  const name = home.name_ru ?? home.name_en;
  const ref = `c${draft.cities.length + 1}`;
  draft.cities.push({
    ref,
    name,
    matches: [{ id: home.id, label: name, confidence: 1 }],
    chosenId: home.id,
    include: true,
    span: null,
  });
  return ref;
}
