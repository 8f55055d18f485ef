/** The inflected pieces the sentences of a press release are built from: cities, institutions, parties. */
import type { AgreementKind, TwinningTier, VisitKind } from '../../db/database.ts';
import type { Party } from '../../modules/agreements/party.schema.ts';
import type { PressCity } from './press-release.data.ts';
import {
  cityKnown,
  inflectCityAfterWord,
  inflectCityName,
  inflectPhrase,
  joinList,
  type Case,
} from '../russian/inflect.ts';

/** «рабочий визит», «официальный визит»: the adjective of the visit's kind, nominative masculine. */
export const VISIT_KIND_ADJECTIVE: Record<VisitKind, string | null> = {
  official: 'официальный',
  working: 'рабочий',
  business: 'деловой',
  other: null,
};

/** How the text names the partner city: «город-побратим Кузнецк», «город-партнёр Кузнецк». */
export function cityTitle(tier: TwinningTier | null): string {
  switch (tier) {
    case 'twin':
      return 'город-побратим';
    case 'partner':
      return 'город-партнёр';
    case 'friendship':
      return 'дружественный город';
    case null:
      return 'город';
    default: {
      const unknown: never = tier;
      throw new Error(`Unhandled tier ${String(unknown)}`);
    }
  }
}

/**
 * A city's name standing alone in a case («из Барановичей», «в Кузнецк»); a name the morphology does
 * not know gets «город» before it, which lets the name itself stay in the nominative.
 */
export function bareCity(name: string, target: Case): string {
  if (cityKnown(name)) return inflectCityName(name, target);
  return `${inflectPhrase('город', target)} ${name}`;
}

/** «г. Кузнецка», «г. Барановичи»: the city after an institution's name, in the genitive. */
export function ofCity(city: PressCity): string {
  return `г. ${inflectCityAfterWord(city.name, 'gent')}`;
}

// The first letters of a city's name that its adjective keeps too: «Кузнецк» → «Кузнецкая».
const stemOf = (name: string) => name.toLowerCase().slice(0, Math.max(4, Math.min(6, name.length - 2)));

/**
 * An institution in a case, with its city when the name does not show it: «гимназией № 5
 * г. Барановичи», «средней школой № 1 г. Барановичи им. С. И. Грицевца», «Кузнецкой центральной
 * городской библиотекой».
 */
export function institution(name: string, city: PressCity | undefined, target: Case): string {
  const inflected = inflectPhrase(name, target);
  if (!city || name.toLowerCase().includes(stemOf(city.name))) return inflected;
  const named = inflected.search(/ им\. /u);
  if (named < 0) return `${inflected} ${ofCity(city)}`;
  return `${inflected.slice(0, named)} ${ofCity(city)}${inflected.slice(named)}`;
}

/** A party to an agreement or a project, in a case: an institution, or a city («городом Кузнецк»). */
export function partyPhrase(party: Party, cities: Map<number, PressCity>, target: Case): string {
  if (party.organizationId) return institution(party.name, cities.get(party.homeCityId), target);
  return `${inflectPhrase('город', target)} ${inflectCityAfterWord(party.name, target)}`;
}

/** «между X и Y», «между X, Y и Z»: the parties in the instrumental; cities alone as «между городами A и B». */
export function betweenParties(parties: Party[], cities: Map<number, PressCity>): string {
  // After the plural «городами» the names stay in the nominative, as official Russian writes them.
  if (parties.every((p) => !p.organizationId))
    return `между городами ${joinList(parties.map((p) => p.name))}`;
  return `между ${joinList(parties.map((p) => partyPhrase(p, cities, 'ablt')))}`;
}

/** What each kind of agreement is called, in the singular and the plural, and the gender its verb takes. */
export const AGREEMENT_NAMES: Record<
  AgreementKind,
  { one: string; many: string; gender: 'masc' | 'femn' | 'neut' }
> = {
  twinning: {
    one: 'соглашение об установлении побратимских связей',
    many: 'соглашения об установлении побратимских связей',
    gender: 'neut',
  },
  cooperation: {
    one: 'договор о партнёрском сотрудничестве',
    many: 'договоры о партнёрском сотрудничестве',
    gender: 'masc',
  },
  memorandum: { one: 'меморандум о сотрудничестве', many: 'меморандумы о сотрудничестве', gender: 'masc' },
  plan: { one: 'план совместных мероприятий', many: 'планы совместных мероприятий', gender: 'masc' },
  protocol: { one: 'протокол о сотрудничестве', many: 'протоколы о сотрудничестве', gender: 'masc' },
  other: { one: 'соглашение', many: 'соглашения', gender: 'neut' },
};

/** The passive verb agreeing with its subject: «был подписан», «были подписаны»; ahead of a visit «будет подписан». */
export function signedVerb(gender: 'masc' | 'femn' | 'neut', plural: boolean, future = false): string {
  const participle = plural
    ? 'подписаны'
    : { masc: 'подписан', femn: 'подписана', neut: 'подписано' }[gender];
  if (future) return `${plural ? 'будут' : 'будет'} ${participle}`;
  return `${plural ? 'были' : { masc: 'был', femn: 'была', neut: 'было' }[gender]} ${participle}`;
}

/** «состоялся», «состоялась», «состоялись»; ahead of a visit «состоится», «состоятся». */
export function tookPlaceVerb(gender: 'masc' | 'femn' | 'neut', plural: boolean, future = false): string {
  if (future) return plural ? 'состоятся' : 'состоится';
  if (plural) return 'состоялись';
  return { masc: 'состоялся', femn: 'состоялась', neut: 'состоялось' }[gender];
}
