/** The cities of a visit sentence: where the delegation came from and where it went. */
import type { Sentence, Token } from './01-tokens.ts';
import { findParse, inflectTo, lemmas, parsesOf } from './02-morphology.ts';
import { COUNTRIES } from './03-countries.ts';
import { guessTown } from './12-town-guess.ts';
import type { Doc } from './07-document.ts';

/** A side of a visit: a city (or district, region) by name, or the home city («наш город»). */
export type Side = { city: string; rule: string } | { home: true; rule: string };

const CITY_WORDS = new Set([
  'город',
  'города',
  'городе',
  'г',
  '.',
  'город-побратим',
  'города-побратима',
  'городе-побратиме',
  'гор',
  'городов-побратимов',
  'городов',
  'городам-побратимам',
  '–',
  '—',
  ':',
]);

// A lower-case adjective between a preposition and the city: «в американский Портленд», «из японского города».
const adjective = (t: Token) =>
  t.kind === 'word' && !t.cap && parsesOf(t).some((p) => p.tag.POS === 'ADJF' || p.tag.POS === 'PRTF');

function placeAfter(doc: Doc, k: number): { name: string; at: number } | undefined {
  let adjectives = 0;
  for (let j = k; j < k + 6 && j < doc.tokens.length; j++) {
    const place = doc.placeAt.get(j);
    if (place?.city) return { name: place.name, at: j };
    const t = doc.tokens[j] as Token;
    if (CITY_WORDS.has(t.lower)) continue;
    if (adjectives < 2 && adjective(t)) {
      adjectives++;
      continue;
    }
    return undefined;
  }
  return undefined;
}

const AREA = /^(район|района|районе|области|область|края|округа|уезда)$/;

/** «Ивьевского района», «Свердловской области»: a district or region as a side, in the nominative. */
function areaAt(doc: Doc, j: number): { name: string; last: number } | undefined {
  const adj = doc.tokens[j];
  const noun = doc.tokens[j + 1];
  if (!adj?.cap || !noun || !AREA.test(noun.lower)) return undefined;
  const p = findParse(adj, (q) => q.tag.POS === 'ADJF');
  if (!p) return undefined;
  const region = /^област/.test(noun.lower);
  const nounNom = region
    ? 'область'
    : /^кра/.test(noun.lower)
      ? 'край'
      : /^окр/.test(noun.lower)
        ? 'округ'
        : /^уезд/.test(noun.lower)
          ? 'уезд'
          : 'район';
  return {
    name: `${inflectTo(adj, p, { CAse: 'nomn', NMbr: 'sing', GNdr: region ? 'femn' : 'masc' })} ${nounNom}`,
    last: j + 2,
  };
}

/** The side named after token k: a city, «района г. Минска» as the city, else the district or region. */
function sideAfter(doc: Doc, k: number, rule: string): Side | undefined {
  const p = placeAfter(doc, k);
  if (p) return { city: p.name, rule };
  // «из города Железногорска-Илимского»: after «город» a name the place pass missed is still a town.
  // «из эфиопского города Ширай»: a name the gazetteer lacks is kept as the text gives it.
  let w = k;
  while (w < k + 2 && adjective(doc.tokens[w] as Token)) w++;
  if (/^(города|г)$/.test(doc.tokens[w]?.lower ?? '')) {
    const at = doc.tokens[w + 1]?.text === '.' ? w + 2 : w + 1;
    const t = doc.tokens[at];
    const known = doc.placeAt.has(at) || doc.personAt.has(at);
    const town = known ? undefined : guessTown(doc, t, 0);
    if (town) return { city: town, rule: `${rule}-guess` };
    const bare = !known && t?.cap && t.kind === 'word' && !t.upper && !doc.tokens[at + 1]?.cap;
    if (bare && t.text.length > 2) return { city: t.text, rule: `${rule}-as-written` };
  }
  const area = areaAt(doc, k);
  if (!area) return undefined;
  const city = placeAfter(doc, area.last);
  if (city && city.at <= area.last + 2) return { city: city.name, rule };
  // A district whose town the gazetteer knows is the town: «делегация Барановичского района».
  const town = /^район/.test(doc.tokens[k + 1]?.lower ?? '') ? doc.cityAdjAt.get(k) : undefined;
  return { city: town?.name ?? area.name, rule: `${rule}-area` };
}

const our = (doc: Doc, k: number) =>
  /^наш/.test(doc.tokens[k]?.lower ?? '') && /^город/.test(doc.tokens[k + 1]?.lower ?? '');

/** From and to of one sentence, by the first rule that names each; `others` lists further visiting cities. */
export function visitCities(
  doc: Doc,
  s: Sentence,
): { from: Side | undefined; to: Side | undefined; others: string[]; countries: string[] } {
  const { tokens } = doc;
  let from: Side | undefined;
  let to: Side | undefined;
  let countries: string[] = [];
  for (let k = s.first; k < s.last; k++) {
    const t = tokens[k] as Token;
    if (t.lower === 'из' || t.lower === 'от') {
      // Делегация из города Барановичи; гости из нашего города; гости из Ивьевского района.
      const side = sideAfter(doc, k + 1, 'from.iz');
      if (side) from ??= side;
      else if (our(doc, k + 1)) from ??= { home: true, rule: 'from.our' };
      else if (!countries.length) countries = countryRun(doc, s, k + 1);
    } else if (t.lower === 'в' || t.lower === 'во') {
      // Совершила визит в город-побратим Кузнецк; в Барановичах находилась делегация.
      const p = placeAfter(doc, k + 1);
      if (p) to ??= { city: p.name, rule: 'to.v' };
      else if (our(doc, k + 1)) to ??= { home: true, rule: 'to.our' };
    } else if (t.lower === 'к' && tokens[k + 1]?.lower === 'нам') {
      // Гости из Кузнецка приехали к нам.
      to ??= { home: true, rule: 'to.our' };
    } else if (lemmas(t).some((l) => l === 'делегация' || l === 'представитель')) {
      // Делегация Кузнецка; кузнецкая делегация; делегация нашего города; делегация Свердловской области.
      // «делегация Барановичского района»: the adjective after the noun names the district's town.
      const area = areaAt(doc, k + 1) && sideAfter(doc, k + 1, 'from.delegation');
      const adj = doc.cityAdjAt.get(k - 1) ?? doc.cityAdjAt.get(k + 1);
      const p = placeAfter(doc, k + 1);
      if (area) from ??= area;
      else if (adj) from ??= { city: adj.name, rule: 'from.delegation-adj' };
      else if (p) from ??= { city: p.name, rule: 'from.delegation-gen' };
      else if (our(doc, k + 1)) from ??= { home: true, rule: 'from.our' };
    } else if (/^приглашени/.test(t.lower) && tokens[k - 1]?.lower === 'по') {
      // «По приглашению мэра Дижона … принял участие глава Волгограда»: the host's town.
      for (let j = k + 2; j <= k + 3; j++) {
        const p = doc.placeAt.get(j);
        if (p?.city && p.case === 'gent') {
          to ??= { city: p.name, rule: 'to.invitation' };
          break;
        }
      }
    } else if (/^посет/.test(t.lower)) {
      // Делегация посетила Кузнецк.
      const p = placeAfter(doc, k + 1);
      if (p) to ??= { city: p.name, rule: 'to.posetit' };
    }
  }
  let others: string[] = [];
  if (from && 'city' in from) others = cityRun(doc, s, firstMention(doc, s, from.city), from.city).cities;
  else if (!from) {
    // «присутствовали делегации городов-побратимов: Тирасполь, Бендеры и Болград»
    const word = tokens.slice(s.first, s.last).find((t) => lemmas(t).includes('делегация'));
    let run: string[] = [];
    // «делегации породненных с Дортмундом городов – Буффало, Лидса»: the first list of two or more.
    // A list after «в» names where they went: «побывала в Минске, Бресте и Логойске».
    for (let k = word ? word.i + 1 : s.last; k < s.last && run.length < 2; k++)
      if (doc.placeAt.get(k)?.city) {
        const found = cityRun(doc, s, k, undefined);
        if (!/^(в|во|на)$/.test(tokens[k - 1]?.lower ?? '')) run = found.cities;
        k = found.end - 1;
      }
    if (run.length >= 2) {
      from = { city: run[0] as string, rule: 'from.list' };
      others = run.slice(1);
    }
  }
  // «приняла участие в праздновании Дня города Пензы»: the other city named is where they went.
  if (from && !to) {
    for (let k = s.first; k < s.last; k++) {
      const place = doc.placeAt.get(k);
      const named = place?.city && 'city' in from && place.name !== from.city && !others.includes(place.name);
      // «мэр Пекина Ван Аньшунь»: a word right after a place is a name rather than a town.
      if (named && !followsPlace(doc, k)) {
        to = { city: place.name, rule: 'to.mentioned' };
        break;
      }
    }
  }
  // A single country is often named before the city («из Кыргызстана … из Каракола»): only a list counts.
  return { from, to, others, countries: from || countries.length < 2 ? [] : countries };
}

/** «гости из Германии, Латвии и Польши»: the countries of a list that starts at token k. */
function countryRun(doc: Doc, s: Sentence, k: number): string[] {
  const out: string[] = [];
  while (k < s.last) {
    const place = doc.placeAt.get(k);
    if (place && !place.city && COUNTRIES.has(place.name)) {
      if (!out.includes(place.name)) out.push(place.name);
      k = place.last;
    } else if (out.length && /^(,|и)$/.test((doc.tokens[k] as Token).lower)) k++;
    else break;
  }
  return out;
}

const LIST_GLUE = /^(,|и|а|также|–|—|:|район|провинции|области|округа)$/;

function firstMention(doc: Doc, s: Sentence, name: string): number {
  for (let k = s.first; k < s.last; k++) if (doc.placeAt.get(k)?.name === name) return k;
  return -1;
}

/**
 * Delegations of several cities: «делегации городов-побратимов – Самары, Коврова и Рязани».
 * The cities of the list that starts at the first city from token k on, `except` left out.
 */
function cityRun(
  doc: Doc,
  s: Sentence,
  k: number,
  except: string | undefined,
): { cities: string[]; end: number } {
  if (k < 0) return { cities: [], end: s.first };
  const { tokens } = doc;
  while (k < s.last && !doc.placeAt.get(k)?.city) k++;
  const k0 = k;
  const out: string[] = [];
  let gap = 0;
  let glued = false;
  let seen = 0;
  let caseOfRun: string | undefined;
  let end = k;
  while (k < s.last && gap <= 6) {
    const t = tokens[k] as Token;
    const place = doc.placeAt.get(k);
    if (place?.city) {
      // «мэр Пекина Ван Аньшунь»: names side by side with nothing between are no list.
      if (seen && !glued) break;
      glued = false;
      seen++;
      if (place.name !== except && !out.includes(place.name)) out.push(place.name);
      // «Гродно», «Буффало» do not decline: only a town whose form differs from its name tells the case.
      if (t.text !== place.name) caseOfRun = place.case ?? caseOfRun;
      k = end = place.last;
      gap = 0;
      continue;
    }
    // Only a word standing alone between commas: «Ван Аньшунь» after a list is a name, not two towns.
    // «Ксияна (Китай)»: a country in brackets makes a word read as a name a town of the list.
    const countryNext = tokens[k + 1]?.text === '(' && COUNTRIES.has(doc.placeAt.get(k + 2)?.name ?? '');
    const listed =
      /^(,|и)$/.test(tokens[k - 1]?.lower ?? '') && t.cap && !place && (!doc.personAt.has(k) || countryNext);
    const words = listed ? listedName(doc, k) : 0;
    const guessed =
      words === 2
        ? doc.cities.lookup(`${t.text} ${tokens[k + 1]?.text}`)?.name
        : words === 1
          ? (guessTown(doc, t, 5_000) ?? bracketedTown(doc, k, caseOfRun))
          : undefined;
    if (guessed) {
      if (guessed !== except && !out.includes(guessed)) out.push(guessed);
      k = end = k + words;
      gap = 0;
      continue;
    }
    if (t.text === '(') {
      // «Малгобека (Республика Ингушетия)», «Буффало (США)»: the country in brackets.
      while (k < s.last && (tokens[k] as Token).text !== ')') k++;
      k++;
      continue;
    }
    if (!LIST_GLUE.test(t.lower) && !(t.cap && t.kind === 'word')) break;
    if (LIST_GLUE.test(t.lower)) glued = true;
    gap++;
    k++;
  }
  return { cities: out, end: Math.max(end, k0 + 1) };
}

/**
 * «Ксияна (Китай)», «Слэник-Молдова (Румыния)»: in a list of towns, a word the gazetteer lacks is a
 * town when its country follows in brackets; in a list of genitives its nominative drops the ending.
 */
function bracketedTown(doc: Doc, k: number, listCase: string | undefined): string | undefined {
  const t = doc.tokens[k] as Token;
  if (doc.tokens[k + 1]?.text !== '(' || doc.tokens[k + 3]?.text !== ')') return undefined;
  const country = doc.placeAt.get(k + 2);
  if (!country || !COUNTRIES.has(country.name) || t.upper || t.latin) return undefined;
  let listed = listCase;
  // «Буффало (США), Ксияна (Китай), Лидса …»: an indeclinable town before says nothing, the next one does.
  for (let j = k + 4; !listed && j < k + 12; j++) {
    const p = doc.placeAt.get(j);
    if (p && doc.tokens[j]?.text !== p.name) listed = p.case;
  }
  if (listed !== 'gent') return t.text;
  if (t.text.includes('-')) return undefined;
  // «Ксияна» → Ксиян, «Туглая» → Туглай; other endings are left unguessed.
  if (/[аеиоуэю]я$/.test(t.text)) return t.text.slice(0, -1) + 'й';
  return /[^аеиоуыэюя]а$/.test(t.text) ? t.text.slice(0, -1) : undefined;
}

function followsPlace(doc: Doc, k: number): boolean {
  for (let j = k - 1; j >= k - 3 && j >= 0; j--) if (doc.placeAt.get(j)?.last === k) return true;
  return false;
}

/** How many capitalized words (one or two) stand alone before the next comma, bracket or «и». */
function listedName(doc: Doc, k: number): number {
  const word = (j: number) => {
    const t = doc.tokens[j];
    return !!t && t.kind === 'word' && t.cap;
  };
  const free = (j: number) => !/^[\p{L}\d]/u.test(doc.tokens[j]?.text ?? '.') || doc.tokens[j]?.lower === 'и';
  if (free(k + 1)) return 1;
  return word(k + 1) && free(k + 2) ? 2 : 0;
}
