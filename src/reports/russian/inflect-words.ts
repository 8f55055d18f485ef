/**
 * Word-level Russian inflection on the OpenCorpora morphology of `az` (the extractor loads the same
 * dictionaries): nouns and adjectives put into a case, checked so that az never hands back a form of
 * another lexeme («Николаевич» in the instrumental is «Николаевичем», never «Николаем»).
 */
import type { AzParse } from 'az';
import { has, loadMorphology, parsesOfWord, restoreCase } from '../../extract/02-morphology.ts';

/** The six Russian cases, as OpenCorpora names them. */
export type Case = 'nomn' | 'gent' | 'datv' | 'accs' | 'ablt' | 'loct';
export type Gender = 'masc' | 'femn' | 'neut';
/** What a verb or an adjective agrees with: the head noun's gender and number. */
export interface Agreement {
  gender: Gender;
  number: 'sing' | 'plur';
  animate: boolean;
}

/** Loads the morphology dictionaries once; every function here needs it done. */
export function loadInflection(): Promise<void> {
  return loadMorphology();
}

const LEXEME_MARKS = ['Name', 'Surn', 'Patr', 'Geox'] as const;

export const isNounParse = (p: AzParse): boolean => p.tag.POS === 'NOUN';
export const isAdjParse = (p: AzParse): boolean => p.tag.POS === 'ADJF' || p.tag.POS === 'PRTF';
export const isNominative = (p: AzParse): boolean => p.tag.CAse === 'nomn';

/** The parses of one word (no punctuation), best first. */
export function wordParses(word: string): AzParse[] {
  return parsesOfWord(word);
}

/** The agreement a noun parse sets for its adjectives and verbs. */
export function agreementOf(p: AzParse): Agreement {
  const gender = (['masc', 'femn', 'neut'] as const).find((g) => has(p, g)) ?? 'masc';
  return { gender, number: has(p, 'plur') || has(p, 'Pltm') ? 'plur' : 'sing', animate: has(p, 'anim') };
}

/** Copies the original's capitals onto the form, hyphen part by hyphen part («Ростов-на-Дону» → «Ростова-на-Дону»). */
export function matchCase(original: string, form: string): string {
  const parts = original.split('-');
  const forms = form.split('-');
  if (parts.length < 2 || parts.length !== forms.length) return restoreCase(original, form);
  return forms.map((f, i) => restoreCase(parts[i]!, f)).join('-');
}

/** Az's inflection, kept only when the form carries every grammeme asked for (az may jump lexemes). */
function inflectChecked(p: AzParse, grams: string[]): AzParse | undefined {
  try {
    const form = p.inflect(grams);
    if (!form || !grams.every((g) => has(form, g))) return undefined;
    // The same word, not a neighbour in az's paradigm table: its dictionary files «первый» under
    // «один» and would give «одним». Russian stems keep their first letter («Лев» → «Льва»).
    return form.toString().charAt(0) === p.toString().charAt(0) ? form : undefined;
  } catch {
    return undefined;
  }
}

// Model adjectives by nominative ending, for the adjectives az cannot inflect itself: the model's
// form in the case gives the ending («первый» like «новый»: «новым» → «первым»).
const MODELS: [RegExp, string][] = [
  [/[гкх]ий$/u, 'великий'],
  [/[жшчщ]ий$/u, 'хороший'],
  [/ний$/u, 'синий'],
  [/ый$/u, 'новый'],
  [/[гкх]ой$/u, 'дорогой'],
  [/[жшчщ]ой$/u, 'большой'],
  [/ой$/u, 'молодой'],
  [/[гкх]ая$/u, 'великая'],
  [/[жшчщ]ая$/u, 'хорошая'],
  [/няя$/u, 'синяя'],
  [/ая$/u, 'новая'],
  [/[гкх]ое$/u, 'великое'],
  [/[жшчщ]ее$/u, 'хорошее'],
  [/нее$/u, 'синее'],
  [/ое$/u, 'новое'],
  [/[гкхжшчщ]ие$/u, 'великие'],
  [/ние$/u, 'синие'],
  [/ые$/u, 'новые'],
];

function inflectByModel(word: string, grams: string[]): string | undefined {
  const model = MODELS.find(([ending]) => ending.test(word.toLowerCase()))?.[1];
  const parse = model && wordParses(model).find((p) => isAdjParse(p) && isNominative(p));
  const form = parse && inflectChecked(parse, grams);
  return form ? word.slice(0, -2) + form.toString().slice(model.length - 2) : undefined;
}

/** A noun parse put into a case, keeping its number, gender and kind (name, surname, place). */
export function inflectNoun(word: string, p: AzParse, target: Case): string {
  if (target === 'nomn' && isNominative(p)) return word;
  if (has(p, 'Fixd')) return word;
  const agreement = agreementOf(p);
  const marks = LEXEME_MARKS.filter((m) => has(p, m));
  const attempts = [
    [target, agreement.number, ...(agreement.number === 'sing' ? [agreement.gender] : []), ...marks],
    [target, agreement.number, ...marks],
    [target, agreement.number],
  ];
  for (const grams of attempts) {
    const form = inflectChecked(p, grams);
    if (form) return matchCase(word, form.toString());
  }
  return word;
}

/** An adjective (or participle) parse agreeing with a head noun in a case. */
export function inflectAdjective(word: string, p: AzParse, target: Case, head: Agreement): string {
  const grams: string[] = [target, head.number];
  if (head.number === 'sing') grams.push(head.gender);
  // A participle keeps its voice and tense: «централизованные» never becomes «централизовавших».
  if (p.tag.POS === 'PRTF') grams.push(...['actv', 'pssv', 'past', 'pres'].filter((g) => has(p, g)));
  // The accusative of masculine singular and of plural adjectives follows the noun's animacy.
  if (target === 'accs' && (head.number === 'plur' || head.gender === 'masc'))
    grams.push(head.animate ? 'anim' : 'inan');
  const form = inflectChecked(p, grams) ?? inflectChecked(p, grams.slice(0, 3));
  if (form) return matchCase(word, form.toString());
  return inflectByModel(word, grams) ?? word;
}

/** The nominative adjective parse of a word that agrees with the head, if it has one. */
export function adjectiveParse(word: string, head?: Agreement): AzParse | undefined {
  // Adjectives before participles: «централизованная» is read as the adjective it is used as.
  const parses = [...wordParses(word)].sort(
    (a, b) => Number(b.tag.POS === 'ADJF') - Number(a.tag.POS === 'ADJF'),
  );
  return parses.find(
    (p) =>
      isAdjParse(p) &&
      isNominative(p) &&
      (!head || (head.number === 'plur' ? has(p, 'plur') : has(p, 'sing') && has(p, head.gender))),
  );
}

/** The nominative noun parse of a word, preferring the given marks (a place, a surname). */
export function nounParse(word: string, prefer: readonly string[] = []): AzParse | undefined {
  const nominative = wordParses(word).filter((p) => isNounParse(p) && isNominative(p));
  for (const mark of prefer) {
    const hit = nominative.find((p) => has(p, mark));
    if (hit) return hit;
  }
  return nominative[0];
}

/** «a», «a и b», «a, b и c»: the way Russian joins a list. */
export function joinList(items: readonly string[], conjunction = 'и'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}
