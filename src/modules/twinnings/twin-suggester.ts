import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The twin-city list the product carries: Wikipedia's lists matched to the gazetteer, as pairs of
 * GeoNames ids (derived by scripts/derive-twin-pairs.ts; source and licence in
 * docs/data-sources.md). It lives in the project, so suggestions need no shared folder.
 */
export function defaultTwinListFile(): string | null {
  const file = fileURLToPath(new URL('./twin-pairs.tsv', import.meta.url));
  return existsSync(file) ? file : null;
}

/** Finds a place's twin cities in a twin-city list; `null` when the product has no list. */
export type TwinSuggester = (placeId: number) => number[] | null;

/** Reads a list of GeoNames id pairs (`id<TAB>id` a line, `#` comments) into each place's partners. */
export function readTwinPairs(text: string): Map<number, number[]> {
  const partners = new Map<number, number[]>();
  const add = (from: number, to: number) => {
    const list = partners.get(from);
    if (!list) partners.set(from, [to]);
    else if (!list.includes(to)) list.push(to);
  };
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const [a, b] = line.split('\t').map(Number);
    if (!Number.isInteger(a) || !Number.isInteger(b) || a === b) continue;
    add(a!, b!);
    add(b!, a!);
  }
  return partners;
}

/**
 * Answers, for a gazetteer place, the places the list twins it with (GeoNames ids, in the list's
 * order). The file is read on the first question.
 */
export function twinSuggester(file: string | null): TwinSuggester {
  let partners: Map<number, number[]> | undefined;
  return (placeId) => {
    if (!file) return null;
    partners ??= readTwinPairs(readFileSync(file, 'utf8'));
    return partners.get(placeId) ?? [];
  };
}
