/** City look-ups as the extractor wants them: the text's own nominative, gazetteer places only. */
import { parsesOfWord } from './02-morphology.ts';
import type { CityLookup, PlaceHit } from './03-places.ts';

const spellings = new WeakMap<CityLookup, CityLookup>();

/** The wrapped look-up of a gazetteer, made once per gazetteer. */
export function spelledLookup(raw: CityLookup): CityLookup {
  let wrapped = spellings.get(raw);
  if (!wrapped) spellings.set(raw, (wrapped = textSpelling(raw)));
  return wrapped;
}

/** Reports the nominative the text used when the gazetteer spells the city differently («Гомел»). */
function textSpelling(cities: CityLookup): CityLookup {
  // With the gazetteer loaded, a place only the dictionary knows («Оша») is no city.
  const gazetteer = cities.lookup('Москва')?.fromGazetteer === true;
  const seen = new Map<string, PlaceHit | null>();
  return {
    lookup(name) {
      const known = seen.get(name);
      if (known !== undefined) return known ?? undefined;
      const hit = cities.lookup(name);
      const found =
        !hit || (gazetteer && !hit.fromGazetteer)
          ? undefined
          : ownSpelling(name, hit.name)
            ? { ...hit, name }
            : hit;
      if (seen.size > 50_000) seen.clear();
      seen.set(name, found ?? null);
      return found;
    },
  };
}

const fold = (s: string) => s.toLowerCase().replace(/ё/g, 'е');

/** The text's nominative («Гомель») beats the gazetteer's odd one («Гомел»), an oblique case («Пензе») does not. */
function ownSpelling(query: string, gazetteerName: string): boolean {
  if (!/^\p{Lu}/u.test(query)) return false;
  if (fold(query) === fold(gazetteerName)) return true;
  if (
    Math.abs(query.length - gazetteerName.length) > 1 ||
    fold(query).slice(0, 4) !== fold(gazetteerName).slice(0, 4)
  )
    return false;
  return parsesOfWord(query).some((p) => p.tag.Geox === true && p.tag.CAse === 'nomn');
}
