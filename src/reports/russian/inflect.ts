/**
 * Russian noun phrases put into the case a preposition or a verb asks for: the head noun and the
 * adjectives before it change, what follows the head stays as written («заместитель председателя
 * горисполкома» → «заместителем председателя горисполкома», «гимназия № 5» → «гимназией № 5»).
 * Hand-written on az's word forms: no npm package inflects whole phrases (az and pymorphy-style
 * libraries stop at single words), and the agreement rules needed here are few.
 */
import type { AzParse } from 'az';
import {
  adjectiveParse,
  agreementOf,
  inflectAdjective,
  inflectNoun,
  isNominative,
  isNounParse,
  wordParses,
  type Agreement,
  type Case,
} from './inflect-words.ts';

export { joinList, loadInflection, type Agreement, type Case, type Gender } from './inflect-words.ts';
export {
  cityKnown,
  inflectCityAfterWord,
  inflectCityName,
  inflectPersonName,
  inflectSurname,
  personGender,
} from './inflect-names.ts';

/** Opening quotes and brackets, the word, closing punctuation: «юбилей,» → ['', 'юбилей', ',']. */
const WORD_PARTS = /^([«"„(]*)(.*?)([»"“),.;:!?]*)$/u;
// An abbreviation (МБОУ, ГУО, ОАО) names a legal form: the name after it is quoted and never declines.
const ABBREVIATION = /^\p{Lu}{2,}$/u;

interface PhrasePlan {
  modifiers: { index: number; core: string }[];
  head: { index: number; core: string; parse: AzParse };
}

function partsOf(word: string): [open: string, core: string, close: string] {
  const m = WORD_PARTS.exec(word)!;
  return [m[1]!, m[2]!, m[3]!];
}

/** Finds the adjectives and the head noun a phrase starts with; undefined when it does not start so. */
function planPhrase(words: string[]): PhrasePlan | undefined {
  const modifiers: PhrasePlan['modifiers'] = [];
  for (let index = 0; index < words.length; index++) {
    const [open, core, close] = partsOf(words[index]!);
    // A quote before the head opens a proper name: «Лицей № 21» stays as it is written.
    if (open || !/\p{L}/u.test(core) || ABBREVIATION.test(core)) return undefined;
    const next = words[index + 1] && partsOf(words[index + 1]!)[1];
    const modifies = !close && next && (adjectiveParse(next) || headParses(next).length > 0);
    if (adjectiveParse(core) && modifies) {
      modifiers.push({ index, core });
      continue;
    }
    // «Чрезвычайный и Полномочный Посол»: adjectives joined by «и» all agree with the head.
    if (core === 'и' && modifiers.at(-1)?.index === index - 1 && next && adjectiveParse(next)) continue;
    const heads = headParses(core);
    if (heads.length === 0) return undefined;
    // The head parse the adjectives agree with: «Великий Новгород» is masculine singular.
    const agreeing = heads.find((p) => modifiers.every((m) => adjectiveParse(m.core, agreementOf(p))));
    return { modifiers, head: { index, core, parse: agreeing ?? heads[0]! } };
  }
  return undefined;
}

function headParses(word: string): AzParse[] {
  return wordParses(word).filter((p) => isNounParse(p) && isNominative(p));
}

/** The gender and number of the phrase's head noun, for the verb that agrees with it («состоялась встреча»). */
export function phraseAgreement(phrase: string): Agreement | undefined {
  const plan = planPhrase(phrase.trim().split(/\s+/));
  return plan && agreementOf(plan.head.parse);
}

function inflectSegment(segment: string, target: Case): string {
  const tokens = segment.split(/(\s+)/);
  const words = tokens.filter((_, i) => i % 2 === 0);
  const leading = words[0] === '' ? 1 : 0;
  const plan = planPhrase(words.slice(leading));
  if (!plan) return segment;
  const agreement = agreementOf(plan.head.parse);
  const replace = (index: number, form: string) => {
    const at = (index + leading) * 2;
    const [open, , close] = partsOf(tokens[at]!);
    tokens[at] = open + form + close;
  };
  for (const { index, core } of plan.modifiers) {
    const parse = adjectiveParse(core, agreement) ?? adjectiveParse(core);
    if (parse) replace(index, inflectAdjective(core, parse, target, agreement));
  }
  replace(plan.head.index, inflectNoun(plan.head.core, plan.head.parse, target));
  return tokens.join('');
}

/**
 * A noun phrase in the nominative put into a case; each comma-separated apposition that is itself a
 * nominative phrase follows («праздник города, 245-летний юбилей Кузнецка» → «празднике города,
 * 245-летнем юбилее Кузнецка»). What cannot be read as such a phrase is returned unchanged.
 */
export function inflectPhrase(phrase: string, target: Case): string {
  if (target === 'nomn') return phrase;
  return splitOutsideQuotes(phrase)
    .map((segment) => inflectSegment(segment, target))
    .join(',');
}

/** Splits at commas that stand outside quotes and brackets. */
function splitOutsideQuotes(text: string): string[] {
  const segments: string[] = [];
  let depth = 0;
  let straight = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') straight = !straight;
    else if (ch === '«' || ch === '„' || ch === '(') depth++;
    else if ((ch === '»' || ch === '“' || ch === ')') && depth > 0) depth--;
    else if (ch === ',' && depth === 0 && !straight) {
      segments.push(text.slice(start, i));
      start = i + 1;
    }
  }
  segments.push(text.slice(start));
  return segments;
}
