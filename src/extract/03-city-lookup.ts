/** The bridge to src/gazetteer: exact look-up of nominative city names, most populous first. */
import { parsesOfWord } from './02-morphology.ts';
import type { CityLookup, PlaceHit } from './03-places.ts';

interface GazetteerPlace {
  ru: string;
  country: string;
  population: number;
  featureCode?: string;
}
interface GazetteerLike {
  lookup(name: string): GazetteerPlace[] | GazetteerPlace | undefined | null;
}

/** Wraps a gazetteer so that each name is looked up once. */
export function cityLookupFrom(gazetteer: GazetteerLike | undefined): CityLookup {
  const cache = new Map<string, PlaceHit | null>();
  return {
    lookup(name: string): PlaceHit | undefined {
      const cached = cache.get(name);
      if (cached !== undefined) return cached ?? undefined;
      let hit: PlaceHit | undefined;
      try {
        hit = gazetteer ? fromGazetteer(gazetteer, name) : undefined;
      } catch {
        hit = undefined;
      }
      hit ??= fromMorphology(name);
      if (cache.size > 100_000) cache.clear();
      cache.set(name, hit ?? null);
      return hit;
    },
  };
}

function fromGazetteer(gazetteer: GazetteerLike, name: string): PlaceHit | undefined {
  const raw = gazetteer.lookup(name);
  const places = (Array.isArray(raw) ? raw : raw ? [raw] : []).filter((p) => p.ru);
  if (!places.length) return undefined;
  const best = places.reduce((a, b) => (b.population > a.population ? b : a));
  return { name: best.ru, country: best.country, population: best.population, fromGazetteer: true };
}

// Without the gazetteer, az's Geox words stand in (no population known: treated as a town).
function fromMorphology(name: string): PlaceHit | undefined {
  if (name.includes(' ')) return undefined;
  const p = parsesOfWord(name).find(
    (q) => q.tag.Geox === true && q.tag.POS === 'NOUN' && q.tag.CAse === 'nomn',
  );
  return p ? { name, country: null, population: 0, fromGazetteer: false } : undefined;
}

/** Loads src/gazetteer when it is present; the extractor still runs (on az alone) when it is not. */
export async function loadCityLookup(): Promise<CityLookup> {
  const specifier = '../gazetteer/index.ts';
  try {
    const mod = (await import(specifier)) as { loadGazetteer?: () => GazetteerLike | Promise<GazetteerLike> };
    return cityLookupFrom(mod.loadGazetteer ? await mod.loadGazetteer() : undefined);
  } catch {
    return cityLookupFrom(undefined);
  }
}
