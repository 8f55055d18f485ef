/**
 * Evidence from the OpenCorpora dictionary (inside `az`) that a Cyrillic name is the Russian name
 * of a place: OpenCorpora marks toponyms with the grammeme Geox («Уфа», «Новосибирск», «Пермь»),
 * and the untagged alternate names of GeoNames that beat them today are Bashkir, Chuvash, Komi or
 * French-derived spellings the dictionary does not know («Оуфа», «Çĕн Çĕпĕр», «Перем»).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Az, { type AzParse } from 'az';

type Loader = (url: string, type: string, done: (err: unknown, data?: unknown) => void) => void;

let ready = false;

/**
 * Loads the az dictionaries synchronously when they are not loaded yet. az offers only a
 * callback-style init that reads every file through `Az.load` and counts the files still pending;
 * here `Az.load` only queues each request, and once init has asked for all of them the queue is
 * answered from disk in order, so init is done when this returns. The gazetteer is built in
 * synchronous code paths (the first load of a process), hence this beside the extractor's
 * asynchronous loadMorphology.
 */
export function ensureMorphologySync(): void {
  if (ready) return;
  try {
    Az.Morph('город');
    ready = true;
    return;
  } catch {
    // not initialized yet
  }
  const require = createRequire(import.meta.url);
  const dicts = join(dirname(require.resolve('az/package.json')), 'dicts');
  const az = Az as unknown as { load: Loader };
  const asyncLoad = az.load;
  const pending: Parameters<Loader>[] = [];
  az.load = (...request) => void pending.push(request);
  let failure: unknown;
  try {
    Az.Morph.init(dicts, (err?: unknown) => {
      failure = err;
    });
    for (let request = pending.shift(); request; request = pending.shift()) {
      const [url, type, done] = request;
      const bytes = readFileSync(url);
      if (type === 'json') done(null, JSON.parse(bytes.toString('utf8')));
      else done(null, bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    }
  } finally {
    az.load = asyncLoad;
  }
  if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
  Az.Morph('город');
  ready = true;
}

const parseCache = new Map<string, AzParse[]>();

function dictionaryParses(word: string): AzParse[] {
  let parses = parseCache.get(word);
  if (!parses) {
    try {
      parses = Az.Morph(word).filter((parse) => parse.parser === 'Dictionary');
    } catch {
      parses = [];
    }
    parseCache.set(word, parses);
  }
  return parses;
}

const yo = (text: string) => text.toLowerCase().replace(/ё/g, 'е');

/** The word is a toponym's dictionary form: a Geox noun in the nominative whose lemma it is. */
function isToponymLemma(word: string): boolean {
  return dictionaryParses(word).some((parse) => {
    if (parse.tag.Geox !== true && parse.tag.Geox !== 'Geox') return false;
    if (parse.tag.CAse !== 'nomn') return false;
    const lemma = parse.normalize();
    return lemma !== false && yo(lemma.word) === yo(word);
  });
}

/** The word is a noun or an adjective in the nominative: «Нижний», «Великие», «Набережные». */
function isNominative(word: string): boolean {
  return dictionaryParses(word).some(
    (parse) => ['NOUN', 'ADJF', 'PRTF'].includes(parse.tag.POS ?? '') && parse.tag.CAse === 'nomn',
  );
}

/** The word is a dictionary word in a case other than the nominative: «Дону», «Майне». */
const isOblique = (word: string) =>
  dictionaryParses(word).some((parse) => parse.tag.CAse !== undefined && parse.tag.CAse !== 'nomn');

const isPreposition = (word: string) => dictionaryParses(word).some((parse) => parse.tag.POS === 'PREP');

/**
 * How surely the dictionary reads a name as a Russian toponym. 1 when it knows the whole name as
 * one («Санкт-Петербург», «Уфа») or it is one followed by a preposition and its object
 * («Ростов-на-Дону», «Франкфурт-на-Майне»); 0.8 for a toponym with nominative words beside it
 * («Нижний Новгород», «Набережные Челны»); 0.5 for words that are all nominatives the dictionary
 * knows («Кривой Рог», «Белая Церковь»); 0 otherwise («Горький» is a surname and an adjective, «Ног
 * Орлеан» a genitive noun beside a toponym, «Била Церква» unknown words).
 */
export function toponymEvidence(name: string): number {
  ensureMorphologySync();
  const whole = name.trim();
  if (whole.length === 0) return 0;
  if (isToponymLemma(whole)) return 1;
  const words = whole.split(/[\s-]+/).filter((word) => word.length > 0);
  if (words.length < 2) return 0;
  const preposition = words.findIndex(isPreposition);
  if (preposition === 0 || (preposition > 0 && preposition !== words.length - 2)) return 0;
  if (preposition > 0 && !isOblique(words[preposition + 1]!)) return 0;
  const head = preposition > 0 ? words.slice(0, preposition) : words;
  if (!head.every((word) => isToponymLemma(word) || isNominative(word))) return 0;
  const toponyms = head.filter(isToponymLemma).length;
  if (toponyms > 1) return 0;
  if (toponyms === 1) return preposition > 0 && head.length === 1 ? 1 : 0.8;
  return preposition > 0 ? 0 : 0.5;
}

/**
 * The nominatives a word of a place name may stand for, by the dictionary: each parse in an
 * oblique case put into the nominative of its own number and gender («великих» → «великие»,
 * «кривом» → «кривой», «лук» → «луки», «роге» → «рог»). Words the dictionary does not know are
 * parsed by their endings, as az predicts them («крагуеваце» → «крагуевац»).
 */
export function nominativesOf(word: string): string[] {
  ensureMorphologySync();
  let parses: AzParse[];
  try {
    parses = Az.Morph(word);
  } catch {
    return [];
  }
  const out = new Set<string>();
  for (const parse of parses.slice(0, 8)) {
    const pos = parse.tag.POS;
    if (pos !== 'NOUN' && pos !== 'ADJF' && pos !== 'PRTF') continue;
    if (parse.tag.CAse === 'nomn' || parse.tag.CAse === undefined) continue;
    const nominative = parse.inflect({ CAse: 'nomn' } as unknown as Record<string, string>);
    if (nominative) out.add(yo(nominative.word));
  }
  return [...out];
}
