/** The sentences about what a visit produced: agreements signed, projects running, events attended. */
import type { Agreement } from '../../modules/agreements/agreement.schema.ts';
import { inflectPhrase, phraseAgreement, type Case } from '../russian/inflect.ts';
import { adjectiveParse, inflectAdjective } from '../russian/inflect-words.ts';
import { capitalize, datePhrase, lowerFirst } from './date-phrase.ts';
import type { Composition } from './press-release.composer.ts';
import { AGREEMENT_NAMES, betweenParties, signedVerb, tookPlaceVerb } from './press-release.phrases.ts';

/** «между X и Y, между Z и W, а также между U и V». */
function pairsList(pairs: string[]): string {
  if (pairs.length === 1) return pairs[0]!;
  return `${pairs.slice(0, -1).join(', ')}, а также ${pairs[pairs.length - 1]}`;
}

/**
 * One sentence per kind of agreement and signing day: «В ходе визита были подписаны договоры о
 * партнёрском сотрудничестве между гимназией № 5 г. Барановичи и лицеем № 21 г. Кузнецка, а также между …».
 */
export function agreementSentences({ data, cities, year, future }: Composition): string[] {
  const groups = new Map<string, Agreement[]>();
  // Signed at a visit of several days on its first: the day an import stores when the text gives
  // none, told as «в ходе визита», which the visit's dates already say (a one-day visit's is the day).
  const dayOf = (agreement: Agreement) =>
    agreement.signedAtVisitId === data.visit.id &&
    agreement.signedOn === data.visit.startDate &&
    data.visit.endDate !== data.visit.startDate
      ? null
      : agreement.signedOn;
  for (const agreement of data.agreements) {
    const key = `${agreement.kind}|${dayOf(agreement) ?? ''}|${agreement.kind === 'other' ? agreement.id : ''}`;
    groups.set(key, [...(groups.get(key) ?? []), agreement]);
  }
  return [...groups.values()].map((group, index) => {
    const first = group[0]!;
    const day = dayOf(first);
    const when = day ? capitalize(datePhrase(day, null, { year })) : index === 0 ? 'В ходе визита' : 'Также';
    if (first.kind === 'other') {
      // An agreement of no standard kind is named by its title, and the verb agrees with that.
      const head = phraseAgreement(first.title);
      const verb = signedVerb(head?.gender ?? 'neut', head?.number === 'plur', future);
      return `${when} ${verb} ${lowerFirst(first.title)}.`;
    }
    const names = AGREEMENT_NAMES[first.kind];
    const plural = group.length > 1;
    const pairs = group.map((agreement) => betweenParties(agreement.parties, cities));
    return `${when} ${signedVerb(names.gender, plural, future)} ${plural ? names.many : names.one} ${pairsList(pairs)}.`;
  });
}

/** «В настоящее время уже реализуются проекты сотрудничества между …»: the projects running between the cities. */
export function projectSentence({ data, cities }: Composition): string | undefined {
  if (data.projects.length === 0) return undefined;
  const pairs = pairsList(data.projects.map((project) => betweenParties(project.parties, cities)));
  return data.projects.length === 1
    ? `В настоящее время уже реализуется проект сотрудничества ${pairs}.`
    : `В настоящее время уже реализуются проекты сотрудничества ${pairs}.`;
}

// The second half of «праздник города, 245-летний юбилей Кузнецка», as the registry names an event
// held for an anniversary: the text says what it was held for.
const OCCASION = /^(\d+-летн\S+ )?(юбиле|годовщин|\S*лети)/u;

/**
 * An event's name in a case; «праздник города, 245-летний юбилей Кузнецка» becomes «празднике
 * города, приуроченном к 245-летнему юбилею Кузнецка».
 */
export function eventPhrase(name: string, target: Case): string {
  const comma = name.indexOf(', ');
  const occasion = comma > 0 ? name.slice(comma + 2) : '';
  const head = comma > 0 ? phraseAgreement(name.slice(0, comma)) : undefined;
  const participle = adjectiveParse('приуроченный');
  if (!head || !participle || !OCCASION.test(occasion)) return inflectPhrase(name, target);
  const dedicated = inflectAdjective('приуроченный', participle, target, head);
  return `${inflectPhrase(name.slice(0, comma), target)}, ${dedicated} к ${inflectPhrase(occasion, 'datv')}`;
}

/** The events of the visit: the delegation took part in one, another took place; each with its description. */
export function eventSentences({ data, year, future }: Composition): string[] {
  const out: string[] = [];
  for (const event of data.events) {
    // Held over the very days of a visit of several (as an import dates an event the text gives no
    // day): told as part of the visit, whose dates the release opens with.
    const visitLong =
      data.visit.endDate !== data.visit.startDate &&
      event.startDate === data.visit.startDate &&
      event.endDate === data.visit.endDate;
    const when =
      event.startDate && !visitLong ? capitalize(datePhrase(event.startDate, event.endDate, { year })) : '';
    const name = lowerFirst(event.name);
    const delegation = event.participants.some((p) => p.cityId === data.visit.fromCityId);
    if (delegation) {
      const subject = when ? `${when} делегация` : 'Делегация';
      out.push(`${subject} ${future ? 'примет' : 'приняла'} участие в ${eventPhrase(name, 'loct')}.`);
    } else {
      const head = phraseAgreement(name);
      const verb = tookPlaceVerb(head?.gender ?? 'neut', head?.number === 'plur', future);
      // The second undated event in a row does not repeat the opening of the first.
      const opening =
        when ||
        (out.some((sentence) => sentence.startsWith('В рамках визита')) ? 'Также' : 'В рамках визита');
      out.push(`${opening} ${verb} ${eventPhrase(name, 'nomn')}.`);
    }
    if (event.description) {
      const description = event.description.trim();
      out.push(/[.!?…]$/u.test(description) ? description : `${description}.`);
    }
  }
  return out;
}
