/** Pass 3: places. The city gazetteer outranks morphology; az's Geox parses fill in the rest. */
import { COUNTRIES } from './03-countries.ts';
import type { Token } from './01-tokens.ts';
import { findParse, inflectTo, isNoun, parsesOf, type AzParse } from './02-morphology.ts';
import { cityFromAdjective } from './03-city-adjectives.ts';

/** A place the gazetteer knows, as the extractor needs it. */
export interface PlaceHit {
  /** The nominative Russian name, as the gazetteer gives it. */
  name: string;
  country: string | null;
  population: number;
  fromGazetteer: boolean;
}

/** What the extractor needs of src/gazetteer: exact look-up of a nominative name. */
export interface CityLookup {
  lookup(name: string): PlaceHit | undefined;
}

/** A place mention over tokens [first, last). */
export interface PlaceMention {
  first: number;
  last: number;
  name: string;
  /** A populated place (not a country, region or river). */
  city: boolean;
  /** Case of the mention, when the morphology says. */
  case: string | undefined;
  hit: PlaceHit | undefined;
  geox: boolean;
  /** Also a person's name part (Name, Surn, Patr) in the dictionary. */
  personLike: boolean;
}

const CITY_WORDS = new Set([
  'г',
  'город',
  'города',
  'городе',
  'городом',
  'городу',
  'гор',
  'пос',
  'поселок',
  'поселка',
  'деревня',
  'деревни',
  'село',
  'села',
  'пгт',
  'агрогородок',
  'агрогородка',
  'город-побратим',
  'города-побратима',
  'городе-побратиме',
  'городом-побратимом',
  'городу-побратиму',
]);
const PROPER = (p: AzParse) =>
  p.tag.Name === true ||
  p.tag.Surn === true ||
  p.tag.Patr === true ||
  p.tag.Geox === true ||
  p.tag.Orgn === true ||
  p.tag.Abbr === true;
const PERSONISH = (p: AzParse) => p.tag.Name === true || p.tag.Surn === true || p.tag.Patr === true;

/** Nominative candidates for a place word: Geox lemmas first, then other noun lemmas. */
function candidates(t: Token): { name: string; parse: AzParse | undefined; geox: boolean }[] {
  const out: { name: string; parse: AzParse | undefined; geox: boolean }[] = [
    { name: t.text, parse: undefined, geox: false },
  ];
  const seen = new Set<string>([t.text]);
  const ps = parsesOf(t).filter(isNoun);
  for (const p of [...ps.filter((q) => q.tag.Geox === true), ...ps.filter((q) => q.tag.Geox !== true)]) {
    const grams: Record<string, string> = { CAse: 'nomn' };
    if (p.tag.NMbr) grams.NMbr = p.tag.NMbr;
    const name = inflectTo(t, p, grams);
    if (!seen.has(name)) {
      seen.add(name);
      out.push({ name, parse: p, geox: p.tag.Geox === true });
    }
  }
  return out.slice(0, 5);
}

const lemmaOf = (p: AzParse): string => {
  const n = p.normalize();
  return n ? n.word : '';
};

/** Recognizes a place starting at token i: two-word names first ("Нижний Новгород"), then one word. */
export function placeAt(tokens: Token[], i: number, lookup: CityLookup): PlaceMention | undefined {
  const t = tokens[i];
  if (!t || t.kind !== 'word' || !t.cap || t.upper) return undefined;
  const next = tokens[i + 1];
  if (next && next.kind === 'word' && next.cap && next.start === t.end + 1 && !next.nlBefore) {
    const noun = findParse(next, isNoun);
    const adj = noun && findParse(t, (p) => p.tag.POS === 'ADJF' && p.tag.CAse === noun.tag.CAse);
    if (noun && adj) {
      const grams: Record<string, string> = { CAse: 'nomn' };
      if (noun.tag.NMbr) grams.NMbr = noun.tag.NMbr;
      const nounNom = inflectTo(next, noun, grams);
      if (noun.tag.GNdr && noun.tag.NMbr !== 'plur') grams.GNdr = noun.tag.GNdr;
      const name = `${inflectTo(t, adj, grams)} ${nounNom}`;
      const hit = lookup.lookup(name) ?? lookup.lookup(`${t.text} ${next.text}`);
      if (hit)
        return {
          first: i,
          last: i + 2,
          name: hit.name,
          city: true,
          case: noun.tag.CAse,
          hit,
          geox: false,
          personLike: false,
        };
    }
  }
  const ps = parsesOf(t);
  const personLike = ps.some(PERSONISH);
  const geox = ps.some((p) => p.tag.Geox === true);
  const prev = tokens[i - 1]?.kind === 'punct' && tokens[i - 1]?.text === '.' ? tokens[i - 2] : tokens[i - 1];
  const cityWord = !!prev && CITY_WORDS.has(prev.lower);
  // A common word that happens to name a village («Мир», «Заря») needs more than a capital letter.
  const common = ps.some((p) => p.parser === 'Dictionary' && !PROPER(p) && p.score > 0.2);
  // «России» is first Россия, a country, and only then the village Рось: a weaker place name does not win.
  const top = ps.filter((p) => p.tag.Geox === true && isNoun(p)).sort((a, b) => b.score - a.score)[0];
  const all = candidates(t);
  // «Армении» is the country before any town of that name; «Китая» is no village.
  const country = all.find((c) => COUNTRIES.has(c.name));
  if (country) {
    const caseOf = country.parse?.tag.CAse;
    return {
      first: i,
      last: i + 1,
      name: country.name,
      city: false,
      case: caseOf,
      hit: undefined,
      geox,
      personLike,
    };
  }
  for (const c of all) {
    const hit = lookup.lookup(c.name);
    if (!hit) continue;
    const weaker = top && c.parse && lemmaOf(c.parse) !== lemmaOf(top) && c.parse.score < top.score * 0.75;
    if (weaker && !lookup.lookup(inflectTo(t, top, { CAse: 'nomn' }))) continue;
    const strong =
      geox ||
      cityWord ||
      hit.population >= (common || personLike ? 100_000 : 5_000) ||
      (!hit.fromGazetteer && !common);
    if (!strong) continue;
    const caseOf = c.parse?.tag.CAse ?? findParse(t, (p) => p.tag.Geox === true)?.tag.CAse;
    return { first: i, last: i + 1, name: hit.name, city: true, case: caseOf, hit, geox, personLike };
  }
  const geo = findParse(t, (p) => p.tag.Geox === true && isNoun(p));
  if (geo) {
    const grams: Record<string, string> = { CAse: 'nomn' };
    if (geo.tag.NMbr) grams.NMbr = geo.tag.NMbr;
    return {
      first: i,
      last: i + 1,
      name: inflectTo(t, geo, grams),
      city: false,
      case: geo.tag.CAse,
      hit: undefined,
      geox: true,
      personLike,
    };
  }
  return undefined;
}

/** The city an adjective names: «кузнецким» → Кузнецк, «Барановичский» → Барановичи. */
export function cityOfAdjective(t: Token, lookup: CityLookup): PlaceHit | undefined {
  if (t.kind !== 'word') return undefined;
  return cityFromAdjective(t, lookup);
}
