/**
 * import-twins of the real twin-city lists on PGlite: time, pairs matched, and the ratio to a
 * baseline measured in the same run, the pure matching pass (CSV read and gazetteer matching,
 * no database). Also the re-run, which must create nothing.
 * Run: npx tsx bench/import-twins.bench.ts [FILE.csv…] (default: the raw and the geocoded list)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { readPairLines } from '../src/commands/import-twins.csv.ts';
import { cityMatcher } from '../src/commands/import-twins.matcher.ts';
import { problemCounts } from '../src/commands/import-twins.report.ts';
import { twinImporter } from '../src/commands/import-twins.ts';
import { loadGazetteer } from '../src/gazetteer/index.ts';
import { loadGazetteerIntoDatabase } from '../src/modules/cities/city.loader.ts';

const DATA = path.resolve(import.meta.dirname, '..', '..', 'shared', 'data', 'twin-cities');
const files = process.argv.slice(2);
if (files.length === 0)
  files.push(path.join(DATA, 'twin_cities_raw.csv'), path.join(DATA, 'twin_cities_geocoded.csv'));
const seconds = (ms: number) => (ms / 1000).toFixed(2);

const gazetteer = loadGazetteer();

/** The baseline: every line read and both its cities matched, with a fresh cache, no database. */
function matchOnly(text: string): { ms: number; matched: number } {
  const started = performance.now();
  const match = cityMatcher(gazetteer);
  let matched = 0;
  for (const { cities } of readPairLines(text).pairs) {
    const [a, b] = [match(cities[0]), match(cities[1])];
    if (a.ok && b.ok && a.place.id !== b.place.id) matched++;
  }
  return { ms: performance.now() - started, matched };
}

for (const file of files) {
  const handle = await openDatabase({ dataDir: 'memory://' });
  await migrateToLatest(handle.db);
  await loadGazetteerIntoDatabase(handle.db, gazetteer);
  const text = readFileSync(file, 'utf8');
  // Once untimed, so that neither side pays for the lazily built fuzzy and spatial indexes.
  matchOnly(text);
  const baseline = matchOnly(text);

  let started = performance.now();
  const report = await twinImporter(handle.db, gazetteer).importText(text, file);
  const full = performance.now() - started;
  started = performance.now();
  const again = await twinImporter(handle.db, gazetteer).importText(text, file);
  const rerun = performance.now() - started;
  await handle.close();

  const percent = ((100 * report.matched) / report.lines).toFixed(1);
  console.log(
    `${path.basename(file)} on pglite: ${report.lines} lines, ${report.matched} pairs matched (${percent}%)`,
  );
  console.log(
    `  import ${seconds(full)} s (${report.created} twinnings created, ${report.repeatedInFile} repeated in the file); ` +
      `matching only ${seconds(baseline.ms)} s; ratio ${(full / baseline.ms).toFixed(2)}×`,
  );
  console.log(
    `  re-run ${seconds(rerun)} s, ${again.created} created, ${again.alreadyInRegistry} already in the registry`,
  );
  console.log(
    `  not imported: ${problemCounts(report)
      .map(({ kind, lines }) => `${kind} ${lines}`)
      .join(', ')}`,
  );
}
