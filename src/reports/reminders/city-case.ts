/** A city's name in the cases reminder titles need, from the OpenCorpora morphology the extractor loads. */
import { loadMorphology, parsesOfWord, restoreCase, type AzParse } from '../../extract/02-morphology.ts';

/** The forms of a city's name a title uses: «Кузнецка» (genitive), «с Кузнецком» (with «с»/«со»). */
export interface CityNameForms {
  genitive: string;
  /** «День города Кузнецка», «День города Великие Луки» (not «города города …»). */
  cityDay: string;
  withPreposition: string;
  /** Where to: «в Кузнецк», «в Пензу», «во Владимир», «в город Springfield». */
  destination: string;
}

type Case = 'gent' | 'ablt' | 'accs';

/** Loads the dictionaries once; call before `cityNameForms`. */
export const loadCityCases = loadMorphology;

/**
 * The genitive and the «с …» instrumental of a city's name. A name the dictionary knows as a place
 * (one word, or adjectives before one: «Нижний Новгород») is declined; any other (Latin letters,
 * «Великие Луки», unknown words) keeps its nominative behind «город», which Russian official
 * style allows: «со дня основания города Springfield», «с городом Великие Луки».
 */
export function cityNameForms(name: string): CityNameForms {
  let forms = known.get(name);
  if (!forms) {
    forms = declineCityName(name);
    // City names repeat across rows and requests; the set of them is small.
    if (known.size > 50_000) known.clear();
    known.set(name, forms);
  }
  return forms;
}

const known = new Map<string, CityNameForms>();

function declineCityName(name: string): CityNameForms {
  const genitive = declined(name, 'gent');
  const instrumental = declined(name, 'ablt');
  const accusative = declined(name, 'accs');
  return {
    genitive: genitive ?? `города ${name}`,
    cityDay: `День города ${genitive ?? name}`,
    withPreposition: instrumental ? `${withPreposition(instrumental)} ${instrumental}` : `с городом ${name}`,
    destination: accusative
      ? `${/^[вф][^аеёиоуыэюя]/i.test(accusative) ? 'во' : 'в'} ${accusative}`
      : `в город ${name}`,
  };
}

/** «с» becomes «со» before hard clusters: «со Смоленском», «со Львовом», «со Штутгартом». */
export function withPreposition(word: string): string {
  return /^([сзшж][^аеёиоуыэюя]|щ|льв|мн)/i.test(word) ? 'со' : 'с';
}

function declined(name: string, grammaticalCase: Case): string | undefined {
  const words = name.trim().split(/\s+/);
  if (words.some((word) => !/^[А-ЯЁа-яё-]+$/.test(word))) return undefined;
  const head = words[words.length - 1] as string;
  const noun = parsesOfWord(head).find(
    (parse) => parse.tag.POS === 'NOUN' && has(parse, 'Geox') && has(parse, 'nomn'),
  );
  if (!noun) return undefined;
  const headForm = inflect(noun, { CAse: grammaticalCase });
  if (!headForm) return undefined;
  const number = has(noun, 'plur') ? 'plur' : 'sing';
  const gender = ['masc', 'femn', 'neut'].find((g) => has(noun, g));
  const forms: string[] = [];
  for (const word of words.slice(0, -1)) {
    const adjective = parsesOfWord(word).find(
      (parse) => parse.tag.POS === 'ADJF' && has(parse, 'nomn') && has(parse, number),
    );
    const grams: Record<string, string> =
      number === 'plur' || !gender
        ? { CAse: grammaticalCase, NMbr: number }
        : { CAse: grammaticalCase, NMbr: number, GNdr: gender };
    // A city is inanimate: «в Нижний Новгород», not the animate accusative «в Нижнего …».
    if (grammaticalCase === 'accs') grams.ANim = 'inan';
    const form = adjective && inflect(adjective, grams);
    if (!form) return undefined;
    forms.push(restoreCase(word, form));
  }
  forms.push(restoreHyphenated(head, headForm));
  return forms.join(' ');
}

function inflect(parse: AzParse, grams: Record<string, string>): string | undefined {
  try {
    const form = parse.inflect(grams as never) as { word?: string } | false | undefined;
    return form ? form.word : undefined;
  } catch {
    // az throws on some paradigms it cannot inflect; the caller falls back to «город …».
    return undefined;
  }
}

function has(parse: AzParse, gram: string): boolean {
  return parse.tag[gram] === true || parse.tag[gram] === gram;
}

/** Capitalizes each part the original capitalized: «Ростова-на-Дону». */
function restoreHyphenated(original: string, form: string): string {
  const originalParts = original.split('-');
  const formParts = form.split('-');
  if (originalParts.length !== formParts.length) return restoreCase(original, form);
  return formParts.map((part, i) => restoreCase(originalParts[i] as string, part)).join('-');
}
