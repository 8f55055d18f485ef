import type { GazetteerArtifact } from './artifact.ts';
import { FuzzyIndex } from './fuzzy-index.ts';
import { editDistance, normalizeName } from './normalize.ts';
import { importance, type Gazetteer, type Place, type SearchOptions } from './place.ts';
import { russianCaseVariants } from './russian-cases.ts';

interface Hit {
  index: number;
  /** The normalized name that matched. */
  key: string;
  /** Lower is better: 0 exact, 2 a case variant, 3 and more a fuzzy match. */
  penalty: number;
}

/** Builds the in-memory gazetteer over a loaded artifact. */
export function createGazetteer(artifact: GazetteerArtifact): Gazetteer {
  const size = artifact.id.length;
  const places: Array<Place | undefined> = new Array(size);
  const indexById = new Map<number, number>();
  const indexByKey = new Map<string, number | number[]>();
  for (let i = 0; i < size; i++) {
    indexById.set(artifact.id[i]!, i);
    for (const key of artifact.keys[i]!.split('|')) {
      const known = indexByKey.get(key);
      if (known === undefined) indexByKey.set(key, i);
      else if (typeof known === 'number') indexByKey.set(key, [known, i]);
      else known.push(i);
    }
  }
  const fuzzy = new FuzzyIndex(artifact);

  function placeAt(i: number): Place {
    let place = places[i];
    if (!place) {
      place = {
        id: artifact.id[i]!,
        ru: artifact.ru[i] || null,
        be: artifact.be[i] || null,
        en: artifact.en[i]!,
        country: artifact.country[i]!,
        admin1: artifact.admin1[i]!,
        lat: artifact.lat[i]!,
        lng: artifact.lng[i]!,
        population: artifact.population[i]!,
        featureCode: artifact.featureCode[i]!,
        timezone: artifact.timezone[i]!,
      };
      places[i] = place;
    }
    return place;
  }

  function exact(key: string): number[] {
    const found = indexByKey.get(key);
    if (found === undefined) return [];
    return typeof found === 'number' ? [found] : found;
  }

  /** A match on a former or foreign name (Novokuznetsk was Kuznetsk) counts for less. */
  function isMainName(index: number, key: string): boolean {
    return [artifact.en[index]!, artifact.ru[index]!, artifact.be[index]!].some(
      (name) => name !== '' && normalizeName(name) === key,
    );
  }

  /** Best first: a listed country beats the rest, then prominence minus the match penalty. */
  function rank(hits: Hit[], options?: SearchOptions): Place[] {
    const preferred = new Set(options?.countries ?? []);
    const best = new Map<number, number>();
    for (const { index, key, penalty } of hits) {
      const score =
        importance(artifact.population[index]!, artifact.featureCode[index]!) -
        penalty -
        (isMainName(index, key) ? 0 : 1) +
        (preferred.has(artifact.country[index]!) ? 100 : 0);
      if (score > (best.get(index) ?? -Infinity)) best.set(index, score);
    }
    return [...best.entries()].sort((a, b) => b[1] - a[1]).map(([index]) => placeAt(index));
  }

  /** The filter of `within`: every hit passes when it is absent. */
  function scope(options?: SearchOptions): (hit: Hit) => boolean {
    if (!options?.within) return () => true;
    const within = new Set(options.within);
    return (hit) => within.has(artifact.country[hit.index]!);
  }

  function variantHits(key: string): Hit[] {
    return russianCaseVariants(key).flatMap((variant) =>
      exact(variant).map((index) => ({ index, key: variant, penalty: 2 })),
    );
  }

  function fuzzyHits(key: string): Hit[] {
    const limit = key.length < 5 ? 0 : key.length < 8 ? 1 : key.length < 13 ? 2 : 3;
    if (limit === 0) return [];
    const hits: Hit[] = [];
    for (const index of fuzzy.candidates(key)) {
      let distance = limit + 1;
      let closest = key;
      for (const candidateKey of artifact.keys[index]!.split('|')) {
        const d = editDistance(key, candidateKey, limit);
        if (d < distance) [distance, closest] = [d, candidateKey];
      }
      if (distance <= limit) hits.push({ index, key: closest, penalty: 3 + distance });
    }
    return hits;
  }

  return {
    size,
    byId: (id) => {
      const index = indexById.get(id);
      return index === undefined ? undefined : placeAt(index);
    },
    lookup: (name, options) => {
      const key = normalizeName(name);
      return rank(
        exact(key)
          .map((index) => ({ index, key, penalty: 0 }))
          .filter(scope(options)),
        options,
      );
    },
    find: (name, options) => {
      const key = normalizeName(name);
      const inScope = scope(options);
      const hits: Hit[] = exact(key).map((index) => ({ index, key, penalty: 0 }));
      hits.push(...variantHits(key));
      let kept = hits.filter(inScope);
      if (kept.length === 0) kept = fuzzyHits(key).filter(inScope);
      return rank(kept, options);
    },
    all: function* () {
      for (let i = 0; i < size; i++) yield placeAt(i);
    },
  };
}
