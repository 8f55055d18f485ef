/** Pass 7: the analysed document every later pass reads: tokens, sentences, places, persons. */
import { splitSentences, tokenize, type Sentence, type Token } from './01-tokens.ts';
import { parsesOf } from './02-morphology.ts';
import { cityOfAdjective, placeAt, type CityLookup, type PlaceHit, type PlaceMention } from './03-places.ts';
import { personAt, type PersonMention } from './04-persons.ts';
import { TITLE_NOUNS } from './05-titles.ts';
import { spelledLookup } from './07-spelling.ts';
import { addForeignNames } from './07-foreign-names.ts';
import { fixGenitiveMan, fixSurname } from './07-surnames.ts';

/** A calendar day; the year may be unknown. */
export interface Day {
  y: number | undefined;
  m: number;
  d: number;
}

/** The analysed text and the options of the run. */
export interface Doc {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  cities: CityLookup;
  /** Place mention starting at a token. */
  placeAt: Map<number, PlaceMention>;
  /** City named by an adjective token («кузнецким»). */
  cityAdjAt: Map<number, PlaceHit>;
  /** Person mention covering a token. */
  personAt: Map<number, PersonMention>;
  persons: PersonMention[];
  /** Persons by sentence, built on first use. */
  bySentence?: Map<number, PersonMention[]>;
  /** Publication date: from --date, else from a dateline (no year). */
  published: Day | undefined;
  homeCity: string | undefined;
  warnings: string[];
}

// Institutions, streets and monuments named after a person: the namesake is not an actor.
const NAMESAKE =
  /^(им|имени|ул|пр|пл|памятник\p{L}*|бюст\p{L}*|мемориал\p{L}*|улиц\p{L}*|проспект\p{L}*|площад\p{L}*|переул\p{L}*|бульвар\p{L}*|сквер\p{L}*|парк\p{L}*)$/u;

function isTitle(t: Token | undefined): boolean {
  if (!t || t.kind !== 'word') return false;
  return TITLE_NOUNS.has(t.lower) || TITLE_NOUNS.has(t.lower.replace(/(ом|ем|ой|ей|ым|а|я|у|ю|е)$/, ''));
}

/** «Пинском районе» is an adjective, «между Пинском и Пензой» a city: the next word decides. */
function adjectiveHere(tokens: Token[], i: number): boolean {
  const ps = parsesOf(tokens[i] as Token);
  const adjCases = new Set(ps.filter((p) => p.tag.POS === 'ADJF').map((p) => p.tag.CAse));
  if (!adjCases.size) return false;
  // «армянской столицы», «Приволжской столицы»: the capital of a country or region, not a town.
  if (/^столиц/.test(tokens[i + 1]?.lower ?? '')) return false;
  if (!ps.some((p) => p.tag.POS === 'NOUN' && p.tag.Geox === true)) return true;
  const next = tokens[i + 1];
  if (!next || next.kind !== 'word' || next.lower.length < 3) return false;
  return parsesOf(next).some(
    (p) => (p.tag.POS === 'NOUN' || p.tag.POS === 'ADJF') && adjCases.has(p.tag.CAse),
  );
}

/** «председатель Скадовского (районного) исполкома»: an adjective agreeing with the lower-case word after it. */
function modifiesNext(tokens: Token[], i: number): boolean {
  const next = tokens[i + 1];
  if (!next || next.kind !== 'word' || next.cap) return false;
  const t = tokens[i] as Token;
  // az reads «Скадовского» as a surname only; its adjective ending still agrees with the noun.
  const adjectival = /(ск|цк)(ого|ому|им|ом|ой|ая|ую|ий|ое)$/.test(t.lower);
  const cases = new Set(
    parsesOf(t)
      .filter((p) => p.tag.POS === 'ADJF' || (adjectival && p.tag.Surn === true))
      .map((p) => p.tag.CAse),
  );
  return parsesOf(next).some((p) => (p.tag.POS === 'NOUN' || p.tag.POS === 'ADJF') && cases.has(p.tag.CAse));
}

/** Finds places, city adjectives and persons in one left-to-right scan. */
export function analyse(text: string, rawCities: CityLookup, homeCity?: string, published?: Day): Doc {
  const tokens = tokenize(text);
  const sentences = splitSentences(tokens, text);
  const cities = spelledLookup(rawCities);
  const doc: Doc = {
    text,
    tokens,
    sentences,
    cities,
    placeAt: new Map(),
    cityAdjAt: new Map(),
    personAt: new Map(),
    persons: [],
    published,
    homeCity,
    warnings: [],
  };
  // A lone surname counts only right after a title: «мэр Петров».
  const alone = (_id: string, t: Token) =>
    !modifiesNext(tokens, t.i) && (isTitle(tokens[t.i - 1]) || parsesOf(t).some((p) => p.tag.Surn === true));
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind !== 'word') continue;
    // «Аким Караганды» is a title and a city, not a first name and a surname.
    // Names and places start with a capital letter (initials included): lower-case words skip both.
    const found = !t.cap || isTitle(t) ? undefined : personAt(tokens, i, alone);
    const person = found && fixSurname(fixGenitiveMan(found, tokens), tokens);
    const adj = adjectiveHere(tokens, i) ? cityOfAdjective(t, cities) : undefined;
    const place = adj || !t.cap ? undefined : placeAt(tokens, i, cities);
    const multi = person && person.last - person.first > 1;
    if (adj && !multi) {
      doc.cityAdjAt.set(i, adj);
      continue;
    }
    if (place && place.city && !multi) {
      doc.placeAt.set(i, place);
      i = place.last - 1;
      continue;
    }
    if (person && (multi || !place)) {
      const before = tokens[i - 1]?.text === '.' ? tokens[i - 2] : tokens[i - 1];
      const namesake = !!before && NAMESAKE.test(before.lower);
      if (!namesake) doc.persons.push(person);
      for (let k = person.first; k < person.last; k++) doc.personAt.set(k, person);
      i = person.last - 1;
      continue;
    }
    if (place) doc.placeAt.set(i, place);
  }
  addForeignNames(doc);
  return doc;
}

/** The text of tokens [first, last) with single spaces, full stops and quotes attached. */
export function phraseText(tokens: Token[], first: number, last: number): string {
  let out = '';
  for (let k = first; k < last; k++) {
    const t = tokens[k] as Token;
    const prev = tokens[k - 1];
    const glue = k === first || /^[.,;:»)!?]$/.test(t.text) || (prev && /^[«(]$/.test(prev.text));
    out += (glue ? '' : ' ') + t.text;
  }
  return out;
}

/** The actor persons of one sentence (a linear scan per sentence would be quadratic on long texts). */
export function personsIn(doc: Doc, sent: number): PersonMention[] {
  if (!doc.bySentence) {
    doc.bySentence = new Map();
    for (const m of doc.persons) {
      const k = doc.tokens[m.first]?.sent ?? 0;
      const list = doc.bySentence.get(k);
      if (list) list.push(m);
      else doc.bySentence.set(k, [m]);
    }
  }
  return doc.bySentence.get(sent) ?? [];
}

/** Index of the sentence holding the token. */
export const sentenceOf = (doc: Doc, i: number): Sentence =>
  doc.sentences[doc.tokens[i]?.sent ?? 0] as Sentence;
