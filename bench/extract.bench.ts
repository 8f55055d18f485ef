/**
 * Speed of extract() on the factRuEval-2016 testset texts, against the morphology floor (az tokenizing
 * plus Az.Morph on every word), with 1× against 10× text length and the dictionary load times.
 * Run: npx tsx bench/extract.bench.ts [--cpu]   (--cpu: user CPU time instead of wall time)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Az from 'az';
import { splitSentences, tokenize } from '../src/extract/01-tokens.ts';
import { loadMorphology } from '../src/extract/02-morphology.ts';
import { loadCityLookup } from '../src/extract/03-city-lookup.ts';
import { findEntities } from '../src/extract/06-entities.ts';
import { extract } from '../src/extract/index.ts';
import { sharedDir } from '../src/shared-dir.ts';

const DIR = sharedDir('data', 'factrueval-2016', 'testset');
const texts = readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(DIR, f), 'utf8'));

// CPU time of this process: other work on a shared machine does not count against the extractor.
const byCpu = process.argv.includes('--cpu');
const time = (fn: () => void): number => {
  const started = performance.now();
  const cpu = process.cpuUsage();
  fn();
  return byCpu ? process.cpuUsage(cpu).user / 1000 : performance.now() - started;
};

let started = performance.now();
await loadMorphology();
const morphologyMs = performance.now() - started;
started = performance.now();
const cities = await loadCityLookup();
const gazetteerMs = performance.now() - started;

function floor(text: string): void {
  for (const token of Az.Tokens(text).done()) {
    if (String(token.type) === 'WORD') Az.Morph(text.slice(token.st, token.st + token.length));
  }
}
const each = (fn: (t: string) => void) => () => texts.forEach(fn);

// The first pass over the texts also fills the parse caches: reported apart as the cold pass.
const extractCold = time(each((t) => extract(t, { cities })));
const extractWarm = Math.min(...[1, 2, 3].map(() => time(each((t) => extract(t, { cities })))));
const floorWarm = Math.min(...[1, 2, 3].map(() => time(each(floor))));
const entitiesWarm = Math.min(
  ...[1, 2].map(() =>
    time(
      each((text) => {
        const tokens = tokenize(text);
        findEntities({ text, tokens, sentences: splitSentences(tokens, text), cities });
      }),
    ),
  ),
);

const sample = texts.slice(0, 20).join('\n\n');
const oneX = Math.min(...[1, 2, 3].map(() => time(() => extract(sample, { cities }))));
const tenX = Math.min(
  ...[1, 2].map(() => time(() => extract(Array(10).fill(sample).join('\n\n'), { cities }))),
);

const rate = (ms: number) => (texts.length / (ms / 1000)).toFixed(1);
const chars = texts.reduce((n, t) => n + t.length, 0);
console.log(
  `factRuEval-2016 testset: ${texts.length} documents, ${chars} characters; node ${process.version}; ${byCpu ? 'user CPU time' : 'wall time'}\n`,
);
console.log('| measure | value |');
console.log('|---|---|');
console.log(`| extract(), documents/s (warm caches) | ${rate(extractWarm)} |`);
console.log(`| extract(), documents/s (first pass, cold caches) | ${rate(extractCold)} |`);
console.log(`| floor: az Tokens + Az.Morph on every word, documents/s | ${rate(floorWarm)} |`);
console.log(`| extract() rate / floor rate | ${(floorWarm / extractWarm).toFixed(2)} |`);
console.log(`| of which entities pass (findEntities), documents/s | ${rate(entitiesWarm)} |`);
console.log(`| 1× text (${sample.length} chars), ms | ${oneX.toFixed(1)} |`);
console.log(`| 10× text, ms | ${tenX.toFixed(1)} |`);
console.log(`| 10× / 1× time (10 = linear) | ${(tenX / oneX).toFixed(2)} |`);
console.log(`| load: az dictionaries, ms | ${morphologyMs.toFixed(0)} |`);
console.log(`| load: city gazetteer, ms | ${gazetteerMs.toFixed(0)} |`);
