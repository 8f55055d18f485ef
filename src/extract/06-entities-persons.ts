/** Person rules for the entity pass: the name rules of pass 4, foreign names, Latin names. */
import type { Token } from './01-tokens.ts';
import { parsesOf } from './02-morphology.ts';
import { placeAt, type CityLookup } from './03-places.ts';
import { personAt } from './04-persons.ts';
import { TITLE_NOUNS } from './05-titles.ts';
import { personNormal } from './06-entities-normal.ts';
import { latinNameAt } from './06-entities-latin.ts';
import {
  isCapWord,
  isCommonWord,
  isUnknownWord,
  sentenceInitial,
  spanText,
  type Rule,
} from './06-entities-words.ts';

// Small words inside foreign names: «Усама бин Ладен», «Абрахам ибн Эзра», «Марин Ле Пен».
const PARTICLES = new Set([
  'бин',
  'ибн',
  'ben',
  'bin',
  'ле',
  'де',
  'ди',
  'да',
  'дель',
  'фон',
  'ван',
  'аль',
  'эль',
  'ал',
  'абд',
  'абу',
]);

const ARABIC_ARTICLE = /^(аль|эль|ад|ас|ибн|бин)-/i;
const nameish = (t: Token) =>
  parsesOf(t).some((p) => p.tag.Name === true || p.tag.Surn === true || p.tag.Patr === true);

// A capitalized word that may continue a foreign name: unknown to the dictionary or a name part.
function foreignPart(t: Token | undefined, taken: Uint8Array): t is Token {
  if (!isCapWord(t) || t.latin || taken[t.i]) return false;
  if (ARABIC_ARTICLE.test(t.text)) return true;
  if (parsesOf(t).some((p) => p.tag.Geox === true && p.parser === 'Dictionary')) return false;
  return nameish(t) || (isUnknownWord(t) && !isCommonWord(t));
}

const placeLike = (t: Token) => parsesOf(t).some((p) => p.tag.Geox === true);
const PLACE_PREPOSITIONS = new Set(['в', 'во', 'из', 'под', 'до', 'через', 'около', 'возле', 'близ']);
// Spacecraft, ships and telescopes carry names too: «шаттл Атлантис», «корабль Орион».
const VEHICLES = new Set(
  'корабль корабля корабле шаттл шаттла шаттле челнок челнока модуль модуля телескоп телескопа зонд зонда судно судна'.split(
    ' ',
  ),
);
/** True for a word like «корабль», «шаттл» that names a vehicle, whose name follows it. */
export const isVehicle = (t: Token | undefined) => !!t && VEHICLES.has(t.lower);

function townHere(tokens: Token[], i: number, cities: CityLookup): boolean {
  const hit = placeAt(tokens, i, cities);
  if (!hit) return false;
  const prev = tokens[i - 1];
  return hit.geox || (hit.hit?.population ?? 0) >= 100_000 || (!!prev && PLACE_PREPOSITIONS.has(prev.lower));
}

// A surname alone counts when the dictionary reads it first as a surname or a name.
function aloneOk(t: Token): boolean {
  const first = parsesOf(t)[0];
  return !!first && (first.tag.Surn === true || first.tag.Name === true) && first.tag.Geox !== true;
}

/** Extends [first, last) over adjacent foreign name parts and particles («Реджеп Тайип» + «Эрдоган»). */
function extend(tokens: Token[], first: number, last: number, taken: Uint8Array): [number, number] {
  // «Марин Ле» read as first name and surname: the particle wants the word after it.
  const end = tokens[last];
  if (last - first > 1 && PARTICLES.has(tokens[last - 1]?.lower ?? '') && isCapWord(end) && !taken[end.i])
    last++;
  for (let n = 0; n < 3; n++) {
    const t = tokens[last];
    if (!t || t.sent !== tokens[last - 1]?.sent || t.start > (tokens[last - 1] as Token).end + 1) break;
    const after = tokens[last + 1];
    if (PARTICLES.has(t.lower) && isCapWord(after) && !taken[after.i]) last += 2;
    else if (foreignPart(t, taken) && (isUnknownWord(t) || nameish(t) || ARABIC_ARTICLE.test(t.text))) last++;
    else break;
  }
  return [first, last];
}

/** Person rules, tried in this order at each token. */
export const PERSON_RULES_06: Rule[] = [
  // Письмо подписали John Smith и Mary Brown.
  {
    id: 'per.latin',
    type: 'PER',
    at(tokens, i) {
      const m = latinNameAt(tokens, i);
      return m?.person ? { first: m.first, last: m.last, normal: m.normal } : undefined;
    },
  },
  // Делегацию возглавил Вадим Николаевич Щербаков; гостей встретила Марин Ле Пен.
  {
    id: 'per.rules',
    type: 'PER',
    at(tokens, i, ctx) {
      if (!tokens[i]?.cap) return undefined;
      const p = personAt(tokens, i, (_id, t) => aloneOk(t));
      if (!p) return undefined;
      for (let k = p.first; k < p.last; k++) if (ctx.taken[k]) return undefined;
      // «Израиля Биньямин Нетаньяху»: a place or a common word is no surname before a first name.
      const head = tokens[i] as Token;
      if (
        p.rule.startsWith('per.surn-') &&
        (parsesOf(head)[0]?.tag.Surn !== true || TITLE_NOUNS.has(head.lower))
      )
        return undefined;
      if (p.last - p.first > 1 && placeLike(head) && personAt(tokens, i + 1, () => false)) return undefined;
      // «G. Из-за …»: a word the dictionary knows as no name part is no surname.
      for (let k = p.first; k < p.last && p.rule.includes('init'); k++) {
        const w = tokens[k] as Token;
        if (w.text.length > 1 && !nameish(w) && isCommonWord(w)) return undefined;
      }
      // A lone name that the gazetteer knows as a town after «в», «из» is the town («в Грозном»).
      if (p.last - p.first === 1 && (isVehicle(tokens[i - 1]) || townHere(tokens, i, ctx.cities)))
        return undefined;
      const [first, last] = extend(tokens, p.first, p.last, ctx.taken);
      const full = personNormal(tokens, p);
      const normal = last > p.last ? `${full} ${spanText(tokens, p.last, last)}` : full;
      return { first, last, normal };
    },
  },
  // Председатель КНР Ху Цзиньтао встретился с Аун Сан Су Чжи.
  {
    id: 'per.foreign',
    type: 'PER',
    at(tokens, i, ctx) {
      const t = tokens[i];
      if (!foreignPart(t, ctx.taken) || (sentenceInitial(tokens, i) && !nameish(t))) return undefined;
      const [first, last] = extend(tokens, i, i + 1, ctx.taken);
      if (last - first < 2) return undefined;
      const unknown = tokens.slice(first, last).filter((w) => isUnknownWord(w)).length;
      return unknown ? { first, last, normal: spanText(tokens, first, last) } : undefined;
    },
  },
];
