/**
 * Derives src/modules/twinnings/twin-pairs.tsv, the twin-city list the product carries for its suggestions,
 * from the shared folder's Wikipedia list (data/twin-cities/twin_cities_geocoded.csv): each pair
 * matched to the gazetteer (as `import-twins` matches), written once as two GeoNames ids, the
 * smaller first, in the list's order. Pairs a side of which matches no place (or both sides the
 * same place) are left out and counted. Run it again when the list or the gazetteer changes.
 *
 *   npx tsx scripts/derive-twin-pairs.ts [LIST.csv] [OUT.tsv]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readPairLines } from '../src/commands/import-twins.csv.ts';
import { cityMatcher } from '../src/commands/import-twins.matcher.ts';
import { loadGazetteer } from '../src/gazetteer/index.ts';
import { sharedDir } from '../src/shared-dir.ts';

const source = process.argv[2] ?? sharedDir('data', 'twin-cities', 'twin_cities_geocoded.csv');
const out =
  process.argv[3] ?? fileURLToPath(new URL('../src/modules/twinnings/twin-pairs.tsv', import.meta.url));

const started = performance.now();
const { pairs, malformed } = readPairLines(readFileSync(source, 'utf8'));
const match = cityMatcher(loadGazetteer());
const seen = new Set<string>();
const lines: string[] = [];
let unmatched = 0;
for (const { cities } of pairs) {
  const [a, b] = cities.map(match);
  if (!a!.ok || !b!.ok || a!.place.id === b!.place.id) {
    unmatched += 1;
    continue;
  }
  const [first, second] = [a!.place.id, b!.place.id].sort((x, y) => x - y);
  const key = `${first}\t${second}`;
  if (seen.has(key)) continue;
  seen.add(key);
  lines.push(key);
}
const header = [
  '# Twin-city pairs as GeoNames ids (cities500), one pair a line, derived by scripts/derive-twin-pairs.ts',
  "# from Wikipedia's lists of twin towns and sister cities (CC BY-SA 4.0) as collected by Hekman/twincities",
  '# (MIT); see docs/data-sources.md.',
];
writeFileSync(out, [...header, ...lines, ''].join('\n'));
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `twin pairs: ${pairs.length} read, ${malformed.length} malformed, ${unmatched} unmatched, ` +
    `${lines.length} distinct written to ${out} in ${seconds} s`,
);
