/**
 * Composes the press release of a visit from sentence templates in the register of the city
 * administrations' news («С 18 по 21 сентября официальная делегация из города Барановичи во главе
 * с …»), each slot filled with a phrase inflected for the case its preposition or verb asks for.
 */
import { countryName } from '../../gazetteer/countries.ts';
import { validationFailed } from '../../errors.ts';
import { inflectCityAfterWord, inflectPersonName, inflectPhrase, joinList } from '../russian/inflect.ts';
import { typographRu } from '../russian/typography.ts';
import { capitalize, datePhrase, lowerFirst } from './date-phrase.ts';
import type { DelegationMember, PressCity, PressReleaseData } from './press-release.data.ts';
import { agreementSentences, eventSentences, projectSentence } from './press-release.sentences.ts';
import { bareCity, cityTitle, institution, VISIT_KIND_ADJECTIVE } from './press-release.phrases.ts';

/** A press-release draft: its title, the lead paragraph and the paragraphs after it; `text` joins them. */
export interface PressRelease {
  title: string;
  lead: string;
  paragraphs: string[];
  text: string;
}

/** What the composer needs besides the records: today's date, so the year is written only when it differs. */
export interface ComposeOptions {
  today?: string;
}

/** Context every sentence template reads. */
export interface Composition {
  data: PressReleaseData;
  cities: Map<number, PressCity>;
  /** Whether dates carry their year. */
  year: boolean;
  /** A planned visit is announced in the future tense. */
  future: boolean;
}

const sentence = (text: string) => (/[.!?…]$/u.test(text.trim()) ? text.trim() : `${text.trim()}.`);

function visitName(data: PressReleaseData): string {
  const adjective = data.visit.kind ? VISIT_KIND_ADJECTIVE[data.visit.kind] : null;
  return adjective ? `${adjective} визит` : 'визит';
}

function lead({ data, year, future }: Composition): string {
  const { visit, from, to, head } = data;
  const dates = capitalize(datePhrase(visit.startDate, visit.endDate, { year }));
  const delegation = head?.position ? 'официальная делегация' : 'делегация';
  const position = head?.position ? `${inflectPhrase(head.position, 'ablt')} ` : '';
  const ledBy = head ? ` во главе с ${position}${inflectPersonName(head.fullName, 'ablt')}` : '';
  const country = from.country !== to.country ? ` (${countryName(to.country)})` : '';
  return (
    `${dates} ${delegation} из города ${inflectCityAfterWord(from.name, 'gent')}${ledBy} ` +
    `${future ? 'совершит' : 'совершила'} ${visitName(data)} в ${cityTitle(data.tier)} ${to.name}${country}.`
  );
}

function memberPhrase(member: DelegationMember): string {
  if (member.position) return `${member.position} ${member.fullName}`;
  return member.role ? `${member.fullName} (${member.role})` : member.fullName;
}

function delegationParagraph({ data }: Composition): string[] {
  const out: string[] = [];
  if (data.members.length > 0)
    out.push(`В состав делегации также вошли ${joinList(data.members.map(memberPhrase))}.`);
  if (data.visit.purpose) out.push(`Цель визита — ${sentence(lowerFirst(data.visit.purpose))}`);
  return out;
}

function programParagraph({ data, cities }: Composition): string[] {
  const visited: string[] = [];
  const other: string[] = [];
  for (const item of data.program) {
    const organization = item.organizationId ? data.organizations.get(item.organizationId) : undefined;
    if (item.kind === 'signing' || (item.kind === 'event' && item.eventId)) continue;
    if (item.kind === 'organization_visit' && organization)
      visited.push(institution(organization.name, cities.get(organization.cityId), 'accs'));
    else other.push(lowerFirst(inflectPhrase(item.title, 'accs')));
  }
  const out: string[] = [];
  if (visited.length > 0) out.push(`В рамках визита члены делегации посетили ${joinList(visited)}.`);
  if (other.length > 0) out.push(`Программа визита включала ${joinList(other)}.`);
  return out;
}

function closing({ data, future }: Composition): string {
  const between = data.tier === 'twin' ? 'городами-побратимами' : 'двумя городами';
  return (
    `${capitalize(visitName(data))} делегации из ${bareCity(data.from.name, 'gent')} в ` +
    `${bareCity(data.to.name, 'accs')} ${future ? 'станет' : 'стал'} важным этапом в развитии отношений между ${between}.`
  );
}

/** Writes the press release of a visit; a cancelled visit has none. */
export function composePressRelease(data: PressReleaseData, options: ComposeOptions = {}): PressRelease {
  if (data.visit.status === 'cancelled')
    throw validationFailed(`Visit ${data.visit.id} was cancelled; there is no press release to write.`);
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const composition: Composition = {
    data,
    cities: new Map([data.from, data.to].map((c) => [c.id, c])),
    year: data.visit.startDate.slice(0, 4) !== today.slice(0, 4),
    future: data.visit.status === 'planned',
  };
  const title =
    `${capitalize(visitName(data))} делегации города ${inflectCityAfterWord(data.from.name, 'gent')} ` +
    `в ${cityTitle(data.tier)} ${data.to.name}`;
  const outcomes = data.visit.outcomes ? [`Итоги визита: ${sentence(lowerFirst(data.visit.outcomes))}`] : [];
  const paragraphs = [
    delegationParagraph(composition),
    programParagraph(composition),
    [projectSentence(composition)].filter((s): s is string => !!s),
    agreementSentences(composition),
    eventSentences(composition),
    [...outcomes, closing(composition)],
  ]
    .filter((sentences) => sentences.length > 0)
    .map((sentences) => typographRu(sentences.join(' ')));
  const release = { title: typographRu(title), lead: typographRu(lead(composition)), paragraphs };
  return { ...release, text: [release.title, release.lead, ...release.paragraphs].join('\n\n') + '\n' };
}
