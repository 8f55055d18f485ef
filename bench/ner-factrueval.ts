/** Runs the entity pass over factRuEval-2016 (`devset` or `testset`) and writes OUT_DIR/<id>.json. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitSentences, tokenize } from '../src/extract/01-tokens.ts';
import { loadMorphology } from '../src/extract/02-morphology.ts';
import { loadCityLookup } from '../src/extract/03-city-lookup.ts';
import { findMentions } from '../src/extract/06-entities.ts';
import { sharedDir } from '../src/shared-dir.ts';

const [set, outDir] = process.argv.slice(2);
if ((set !== 'devset' && set !== 'testset') || !outDir) {
  console.error('usage: npx tsx bench/ner-factrueval.ts devset|testset OUT_DIR');
  process.exit(2);
}
const data = process.env.FACTRUEVAL_DIR ?? sharedDir('data', 'factrueval-2016');
const docs = JSON.parse(readFileSync(join(data, `ner-${set}.json`), 'utf8')) as {
  id: string;
  text: string;
}[];

const loadStart = performance.now();
await loadMorphology();
const cities = await loadCityLookup();
const loadMs = performance.now() - loadStart;

mkdirSync(outDir, { recursive: true });
const start = performance.now();
let entities = 0;
for (const doc of docs) {
  const tokens = tokenize(doc.text);
  const sentences = splitSentences(tokens, doc.text);
  // The rule id goes along with each entity so that a wrong one traces to its rule.
  const found = findMentions({ text: doc.text, tokens, sentences, cities }).map((m) => {
    const start = tokens[m.first]?.start ?? 0;
    const end = tokens[m.last - 1]?.end ?? start;
    return { start, end, type: m.type, text: doc.text.slice(start, end), normal: m.normal, rule: m.rule };
  });
  entities += found.length;
  writeFileSync(join(outDir, `${doc.id}.json`), JSON.stringify({ entities: found }, null, 1));
}
const seconds = (performance.now() - start) / 1000;
console.log(
  `${set}: ${docs.length} documents, ${entities} entities, load ${loadMs.toFixed(0)} ms, ` +
    `${(docs.length / seconds).toFixed(1)} documents/s`,
);
