/** Parties of agreements and projects: organizations and cities, grouped «между A и B, а также между C и D». */
import type { Sentence, Token } from './01-tokens.ts';
import { findParse, inflectTo, parsesOf } from './02-morphology.ts';
import { COUNTRIES } from './03-countries.ts';
import { phraseText, type Doc } from './07-document.ts';
import type { OrgMention } from './10-organizations.ts';
import { guessTown } from './12-town-guess.ts';
import type { Party } from './extraction.schema.ts';

/** A party mention over tokens [first, last). */
export interface PartyMention {
  first: number;
  last: number;
  party: Party;
  org: boolean;
}

/** Organizations and cities of tokens [from, to), in text order; cities only outside organization names. */
export function partiesIn(doc: Doc, orgs: OrgMention[], from: number, to: number): PartyMention[] {
  const out: PartyMention[] = [];
  const inOrg = new Set<number>();
  // Organizations come in text order: start at the first that may reach into the range.
  let lo = 0;
  let hi = orgs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((orgs[mid] as OrgMention).first < from - 40) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < orgs.length; i++) {
    const o = orgs[i] as OrgMention;
    if (o.first >= to) break;
    if (o.last <= from) continue;
    // A bare «район», «исполком» names no one: the words around it may.
    if (!/\s/.test(o.name) && !/\d/.test(o.name) && o.name === o.name.toLowerCase()) continue;
    for (let k = o.first; k < o.last; k++) inOrg.add(k);
    out.push({ first: o.first, last: o.last, party: { name: o.name, city: o.city ?? null }, org: true });
  }
  const bracketed = new Set<number>();
  let depth = 0;
  for (let k = from; k < to; k++) {
    const t = doc.tokens[k] as Token;
    // «Полевской (Свердловская область)»: what the brackets add locates a party, it is none.
    if (t.text === '(') depth++;
    else if (t.text === ')') depth = Math.max(0, depth - 1);
    if (depth) {
      bracketed.add(k);
      continue;
    }
    const area = inOrg.has(k) ? undefined : areaParty(doc, k);
    if (area) {
      out.push(area);
      k = area.last - 1;
      continue;
    }
    const place = doc.placeAt.get(k);
    if (place && locates(doc, k)) {
      k = place.last - 1;
      continue;
    }
    if (place?.city && !inOrg.has(k) && !CITY_OF_SOMETHING.has(doc.tokens[k - 1]?.lower ?? '')) {
      out.push({ first: k, last: place.last, party: { name: place.name, city: place.name }, org: false });
    } else if (!inOrg.has(k) && !doc.personAt.has(k) && townContext(doc, k, out)) {
      // «между городом Цюнхай», «городами Стародуб и Павликени»: a town the place pass did not take.
      const name = place && !COUNTRIES.has(place.name) ? place.name : guessTown(doc, t, 0);
      if (name) out.push({ first: k, last: place?.last ?? k + 1, party: { name, city: name }, org: false });
      if (name && place) k = place.last - 1;
    }
    if (
      doc.homeCity &&
      /^наш/.test(t.lower) &&
      /^город/.test(doc.tokens[k + 1]?.lower ?? '') &&
      !inOrg.has(k)
    )
      out.push({ first: k, last: k + 2, party: { name: doc.homeCity, city: doc.homeCity }, org: false });
  }
  const outside = out.filter((p) => !bracketed.has(p.first));
  return withoutLocators(
    doc,
    outside.sort((a, b) => a.first - b.first),
  );
}

/** «в префектуре Ямагата», «расположенный в Пензе»: a place that only says where a party lies. */
const REGION_WORDS = /^(префектур|провинци|штат|земл)\p{L}*$/u;
function locates(doc: Doc, k: number): boolean {
  const before = doc.tokens[k - 1]?.lower ?? '';
  if (REGION_WORDS.test(before)) return true;
  return before === 'в' && /^расположенн/.test(doc.tokens[k - 2]?.lower ?? '');
}

const TOWN_WORDS = /^(город|города|городом|городами|городу|гг|г)$/;
// «мэр Полевского», «главой Альметьевска»: the word after a town's head names the town.
const TOWN_HEADS = /^(мэр|мэра|мэром|мэру|глава|главы|главой|главе|аким|акима|акимом|хоким|хокима)$/;

/** After «городом» (skipping a full stop), or after «и» right behind a town party of the list. */
function townContext(doc: Doc, k: number, found: PartyMention[]): boolean {
  const t = doc.tokens[k] as Token;
  if (t.kind !== 'word' || !t.cap || t.upper) return false;
  const prev = doc.tokens[k - 1]?.text === '.' ? doc.tokens[k - 2] : doc.tokens[k - 1];
  if (prev && (TOWN_WORDS.test(prev.lower) || TOWN_HEADS.test(prev.lower))) return true;
  const last = found[found.length - 1];
  const glue = doc.tokens.slice(last?.last ?? k, k).map((w) => w.lower);
  return (
    !!last &&
    !last.org &&
    glue.length >= 1 &&
    glue.length <= 3 &&
    glue.every((w) => /^(и|,|а|также)$/.test(w)) &&
    (!/^[\p{L}\d]/u.test(doc.tokens[k + 1]?.text ?? '.') || doc.tokens[k + 1]?.lower === 'и')
  );
}

const AREA_NOUN: Record<string, string> = {
  район: 'район',
  района: 'район',
  районом: 'район',
  району: 'район',
  районе: 'район',
  области: 'область',
  областью: 'область',
  область: 'область',
  края: 'край',
  краем: 'край',
  краю: 'край',
  край: 'край',
  округа: 'округ',
  округом: 'округ',
  округ: 'округ',
  уезда: 'уезд',
  уездом: 'уезд',
  уезд: 'уезд',
};

/** «Островецким районом», «Свердловской областью»: a district or region as a party, in the nominative. */
function areaParty(doc: Doc, k: number): PartyMention | undefined {
  const adj = doc.tokens[k] as Token;
  const named = namedArea(doc, k);
  if (named) return named;
  const noun = AREA_NOUN[doc.tokens[k + 1]?.lower ?? ''];
  if (!adj.cap || !noun) return undefined;
  const p = findParse(adj, (q) => q.tag.POS === 'ADJF');
  const gender = noun === 'область' ? 'femn' : 'masc';
  // «Горецким районом»: an adjective the dictionary does not know, by its ending.
  const guessed = gender === 'masc' ? /^(.+[сц]к)(ий|ого|ому|им|ом)$/.exec(adj.text) : null;
  if (!p && !guessed) return undefined;
  const nominative = p
    ? inflectTo(adj, p, { CAse: 'nomn', NMbr: 'sing', GNdr: gender })
    : `${guessed?.[1]}ий`;
  const name = `${nominative} ${noun}`;
  return { first: k, last: k + 2, party: { name, city: null }, org: true };
}

/**
 * «между районом Илкадым», «уездом Шачэ», «округом Кашгар»: the area's noun before its own name,
 * which stays in the nominative; the noun leads the party's name («район Илкадым»).
 */
function namedArea(doc: Doc, k: number): PartyMention | undefined {
  const province = PROVINCE[(doc.tokens[k] as Token).lower];
  if (province) return provinceParty(doc, k, province);
  const noun = AREA_NOUN[(doc.tokens[k] as Token).lower];
  const name = doc.tokens[k + 1];
  if (!noun || noun === 'область' || noun === 'край' || !name || name.kind !== 'word') return undefined;
  if (!name.cap || name.upper || name.latin) return undefined;
  // «района Ростовской области»: an adjective locates the district, it is no name of its own.
  if (AREA_NOUN[doc.tokens[k + 2]?.lower ?? '']) return undefined;
  if (findParse(name, (q) => q.tag.POS === 'ADJF' && q.parser === 'Dictionary')) return undefined;
  if (doc.tokens[k - 1]?.cap && doc.tokens[k - 1]?.kind === 'word') return undefined;
  return { first: k, last: k + 2, party: { name: `${noun} ${name.text}`, city: null }, org: true };
}

// «провинция Валле Виджеццо и город Тольятти подписали»: a province as a side (in the genitive,
// «городом Цюнхай провинции Хайнань», it only says where a town lies).
const PROVINCE: Record<string, string> = { провинция: 'провинция', провинцией: 'провинция' };

function provinceParty(doc: Doc, k: number, noun: string): PartyMention | undefined {
  if (/^(в|во)$/.test(doc.tokens[k - 1]?.lower ?? '')) return undefined;
  const proper = (j: number) => {
    const t = doc.tokens[j];
    return !!t && t.kind === 'word' && t.cap && !t.upper && !t.latin;
  };
  if (!proper(k + 1)) return undefined;
  const last = proper(k + 2) ? k + 3 : k + 2;
  const name = `${noun} ${phraseText(doc.tokens, k + 1, last)}`;
  return { first: k, last, party: { name, city: null }, org: true };
}

/**
 * «районом Гродненской области Республики Беларусь и городом Цюнхай»: a region or country in the
 * genitive right after a party says where that party lies; it is no party of its own.
 */
function withoutLocators(doc: Doc, parties: PartyMention[]): PartyMention[] {
  const out: PartyMention[] = [];
  for (const p of parties) {
    const prev = out[out.length - 1];
    const region = /област|край|республик/i.test(p.party.name) || (!p.org && !p.party.city);
    const before = doc.tokens[p.first - 1]?.lower ?? '';
    // «городом Фергана в Ферганской области»: a region after «в» says where the party before it lies.
    if (
      prev &&
      region &&
      /област|край/i.test(p.party.name) &&
      /^(в|во)$/.test(before) &&
      p.first - 1 === prev.last
    )
      continue;
    // «Октябрьским районом города Минска»: the town after a district is where the district lies.
    const district = prev && /(район|округ)$/.test(prev.party.name);
    if (district && p.party.city && !p.org && /^(города|г)$/.test(before) && p.first - 1 === prev.last) {
      out[out.length - 1] = { ...prev, last: p.last, party: { ...prev.party, city: p.party.city } };
      continue;
    }
    const gap = prev ? doc.tokens.slice(prev.last, p.first) : [];
    const adjacent = prev && gap.every((t) => t.cap && t.kind === 'word') && gap.length <= 3;
    const gent = parsesOf(doc.tokens[p.first + (p.last - p.first > 1 ? 1 : 0)] as Token).some(
      (q) => q.tag.CAse === 'gent',
    );
    if (prev && adjacent && region && gent) continue;
    // «библиотекой Сибирского отделения академии наук»: a body in the genitive right after an
    // organization is part of its name.
    const area = /(район|область|край|округ|уезд)$/.test(p.party.name);
    if (prev?.org && p.org && p.first === prev.last && gent && !area && !/\d/.test(p.party.name)) {
      out[out.length - 1] = {
        ...prev,
        last: p.last,
        party: { ...prev.party, name: `${prev.party.name} ${phraseText(doc.tokens, p.first, p.last)}` },
      };
      continue;
    }
    out.push(p);
  }
  return out;
}

// «город Кузнецк» is a party; «г. Кузнецка» after a school names the school's city, handled above.
const CITY_OF_SOMETHING = new Set(['из']);

const SPLITTERS = new Set([';', 'также', 'между']);

/** Groups of parties: split at «а также» and «между»; organizations outrank cities in a group. */
export function partyGroups(doc: Doc, orgs: OrgMention[], from: number, to: number): Party[][] {
  const { tokens } = doc;
  const all = partiesIn(doc, orgs, from, to);
  const between = tokens.slice(from, to).findIndex((t) => t.lower === 'между');
  const groups: PartyMention[][] = [];
  if (between >= 0) {
    let current: PartyMention[] = [];
    let k = from + between + 1;
    for (const p of all.filter((m) => m.first > from + between)) {
      for (; k < p.first; k++)
        if (SPLITTERS.has((tokens[k] as Token).lower) && current.length >= 2) {
          groups.push(current);
          current = [];
        }
      current.push(p);
      k = p.last;
    }
    if (current.length) groups.push(current);
  }
  // «подписали план взаимодействия между городами»: «между» names none, the sentence does.
  if (!groups.some((g) => g.length >= 2) && all.length) groups.splice(0, groups.length, all);
  return groups
    .map((g) => withoutVenue(doc, g))
    .map((g) =>
      g.filter((p) => p.org).length >= 2 ? g.filter((p) => p.org) : g.some((p) => p.org) ? asCities(g) : g,
    )
    .map((g) => dedupe(g.map((p) => p.party)))
    .filter((g) => g.length >= 2);
}

/** «Бишкек и Уфа … подписан в Астане»: beside two other towns, a town after «в» is where they signed. */
function withoutVenue(doc: Doc, group: PartyMention[]): PartyMention[] {
  const venue = (p: PartyMention) => !p.org && /^(в|во)$/.test(doc.tokens[p.first - 1]?.lower ?? '');
  const rest = group.filter((p) => !venue(p));
  return rest.length >= 2 && rest.length < group.length ? rest : group;
}

/** «Свердловская область», «Горецкий район», «уезд Шачэ»: the name of an area, not of a town. */
const AREA_NAME = /(район|область|край|округ|уезд)$|^(район|округ|уезд|провинция) /;

/** «Мэр Кузнецка и председатель Барановичского горисполкома»: one body and one city stand for two towns. */
function asCities(group: PartyMention[]): PartyMention[] {
  // A district or region stays itself: «Свердловская область» is a side, not Екатеринбург.
  const area = (p: PartyMention) => AREA_NAME.test(p.party.name);
  // «портал властей Астраханской области: Астрахань и Актау подписали»: with two towns, a region is
  // none; a district («Каттакурганским районом и городом Фергана») stays a side.
  const towns = group.filter((p) => p.party.city && !area(p)).length;
  const region = (p: PartyMention) => /(область|край)$/.test(p.party.name);
  return group
    .filter((p) => (area(p) ? towns < 2 || !region(p) : p.party.city))
    .map((p) => (area(p) ? p : { ...p, party: { name: p.party.city as string, city: p.party.city } }));
}

function dedupe(parties: Party[]): Party[] {
  const out: Party[] = [];
  for (const p of parties) if (!out.some((q) => q.name === p.name && q.city === p.city)) out.push(p);
  return out;
}

/** The sentence's token range. */
export const rangeOf = (s: Sentence): [number, number] => [s.first, s.last];
