/** Helpers for the person rules: name parts of foreign names, particles, places and vehicles. */
import type { Token } from './01-tokens.ts';
import { parsesOf } from './02-morphology.ts';
import { placeAt, type CityLookup } from './03-places.ts';
import { isCapWord, isCommonWord, isUnknownWord } from './06-entities-words.ts';

// Small words inside foreign names: «Усама бин Ладен», «Абрахам ибн Эзра», «Марин Ле Пен».
const PARTICLES = new Set('бин ибн ben bin ле де ди да дель фон ван аль эль ал абд абу'.split(' '));

/** Words after which a capitalized word is a person: «тренер Хиддинк», «писатель Бернс». */
export const PROFESSIONS = new Set(
  'господин госпожа мистер миссис сэр писатель поэт художник актер актриса певец певица композитор режиссер журналист корреспондент тренер футболист хоккеист теннисист шахматист гроссмейстер спортсмен космонавт астронавт ученый профессор академик доктор адвокат полковник генерал майор капитан лейтенант сержант рядовой адмирал маршал священник отец архиепископ кардинал папа пастор раввин имам шейх принц принцесса король королева князь граф барон солист музыкант вокалист гитарист барабанщик'.split(
    ' ',
  ),
);
const ARABIC_ARTICLE = /^(аль|эль|ад|ас|ибн|бин)-/i;
/** True when the dictionary has a name, surname or patronymic reading of the word. */
export const nameish = (t: Token) =>
  parsesOf(t).some((p) => p.tag.Name === true || p.tag.Surn === true || p.tag.Patr === true);

/** True for a capitalized word that may be part of a foreign name. */
export function foreignPart(t: Token | undefined, taken: Uint8Array): t is Token {
  if (!isCapWord(t) || t.latin || taken[t.i]) return false;
  if (ARABIC_ARTICLE.test(t.text)) return true;
  if (parsesOf(t).some((p) => p.tag.Geox === true && p.parser === 'Dictionary')) return false;
  return nameish(t) || (isUnknownWord(t) && !isCommonWord(t));
}

/** True when the dictionary reads the word as a place. */
export const placeLike = (t: Token) => parsesOf(t).some((p) => p.tag.Geox === true);
const PLACE_PREPOSITIONS = new Set(['в', 'во', 'из', 'под', 'до', 'через', 'около', 'возле', 'близ']);
// Spacecraft, ships and telescopes carry names too: «шаттл Атлантис», «корабль Орион».
const VEHICLES = new Set(
  'корабль корабля корабле шаттл шаттла шаттле челнок челнока модуль модуля телескоп телескопа зонд зонда судно судна'.split(
    ' ',
  ),
);
/** True for a word like «корабль», «шаттл» that names a vehicle, whose name follows it. */
export const isVehicle = (t: Token | undefined) => !!t && VEHICLES.has(t.lower);

/** True when a lone name at i is rather a town: a big one, or after «в», «из». */
export function townHere(tokens: Token[], i: number, cities: CityLookup): boolean {
  const hit = placeAt(tokens, i, cities);
  if (!hit) return false;
  const prev = tokens[i - 1];
  return hit.geox || (hit.hit?.population ?? 0) >= 100_000 || (!!prev && PLACE_PREPOSITIONS.has(prev.lower));
}

/** True when a lone word may be a person: the dictionary reads it first as a surname or a name. */
export function aloneOk(t: Token): boolean {
  const first = parsesOf(t)[0];
  return !!first && (first.tag.Surn === true || first.tag.Name === true) && first.tag.Geox !== true;
}

/** Extends [first, last) over adjacent foreign name parts and particles («Реджеп Тайип» + «Эрдоган»). */
export function extend(tokens: Token[], first: number, last: number, taken: Uint8Array): [number, number] {
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
