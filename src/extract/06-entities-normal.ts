/** Nominative forms for entities where pass 3 and 4 fall short: unknown names, patronymics, transliterated towns. */
import type { Token } from './01-tokens.ts';
import { inflectTo, parsesOf, type AzParse } from './02-morphology.ts';
import type { PlaceMention } from './03-places.ts';
import type { PersonMention } from './04-persons.ts';
import { adjParses, nameStem, spanText } from './06-entities-words.ts';

const C = '[бвгджзклмнпрстфхцчшщ]';
// Case endings of names az does not know, by gender and case: «Паулса» → «Паулс», «Джоанны» → «Джоанна».
const ENDINGS: Record<string, Record<string, [RegExp, string]>> = {
  masc: {
    gent: [new RegExp(`(?<=${C})а$`), ''],
    accs: [new RegExp(`(?<=${C})а$`), ''],
    datv: [new RegExp(`(?<=${C})у$`), ''],
    ablt: [new RegExp(`(?<=${C})ом$`), ''],
    loct: [new RegExp(`(?<=${C})е$`), ''],
  },
  femn: {
    gent: [new RegExp(`(?<=${C})ы$`), 'а'],
    accs: [new RegExp(`(?<=${C})у$`), 'а'],
    ablt: [new RegExp(`(?<=${C})ой$`), 'а'],
  },
};
// Guessed surname readings are trusted only on Russian surname endings («Ямадаева», not «Фелипе»).
const RUSSIAN_SURNAME = /(ов|ев|ёв|ин|ын)(а|у|ым|ом|е|ой|ою|ы)$|(ск|цк)(ого|ому|им|ом|ой|ую)$/u;
const FLEETING = new RegExp(`(${C})ц(а|у|ом|ем|е)$`);
// Patronymics inflect regularly, and az's patronymic lexemes lead back to the father's name.
const PATRONYMIC: [RegExp, string][] = [
  [/(?<=(ович|евич|ич))(а|у|ем|ом|е)$/u, ''],
  [/(?<=(овн|евн|ичн|иничн))(ы|е|у|ой)$/u, 'а'],
];

function wordNominative(t: Token, caseOf: string, gender: string | undefined): string {
  for (const [re, to] of PATRONYMIC) if (re.test(t.lower)) return t.text.replace(re, to);
  const ps = parsesOf(t).filter(
    (p) => p.tag.CAse === caseOf && (p.tag.POS === 'NOUN' || p.tag.POS === 'ADJF'),
  );
  const fits = (p: AzParse) => !gender || !p.tag.GNdr || p.tag.GNdr === gender || p.tag.GNdr === 'ms-f';
  const known =
    ps.find((p) => fits(p) && p.parser === 'Dictionary' && (p.tag.Name || p.tag.Surn)) ??
    (RUSSIAN_SURNAME.test(t.lower) ? ps.find((p) => fits(p) && p.tag.Surn === true) : undefined) ??
    ps.find((p) => fits(p) && p.tag.POS === 'ADJF' && p.parser === 'Dictionary');
  if (known) {
    const grams: Record<string, string> = { CAse: 'nomn', NMbr: 'sing' };
    if (gender && (known.tag.Surn || known.tag.POS === 'ADJF')) grams.GNdr = gender;
    return inflectTo(t, known, grams);
  }
  // «Грицевца» → «Грицевец»: the vowel that drops out before -ц comes back.
  if (gender === 'masc' && caseOf !== 'nomn' && FLEETING.test(t.text))
    return t.text.replace(FLEETING, '$1ец');
  const rule = gender ? ENDINGS[gender]?.[caseOf] : undefined;
  return rule?.[0].test(t.text) ? t.text.replace(rule[0], rule[1]) : t.text;
}

/** The nominative of a person mention, part by part, initials as written («А. Н. Радищева» → «А. Н. Радищев»). */
export function personNormal(tokens: Token[], p: PersonMention): string {
  if (!p.case || p.case === 'nomn') return p.full;
  return namesNominative(tokens, p.first, p.last, p.case, p.gender);
}

/** The nominative of the name parts over tokens [first, last) in the given case and gender. */
export function namesNominative(
  tokens: Token[],
  first: number,
  last: number,
  caseOf: string,
  gender: string | undefined,
): string {
  const parts: string[] = [];
  for (let k = first; k < last; k++) {
    const t = tokens[k] as Token;
    if (t.kind !== 'word') continue;
    if (t.text.length === 1 && tokens[k + 1]?.text === '.') parts.push(`${t.text}.`);
    else parts.push(caseOf === 'nomn' ? t.text : wordNominative(t, caseOf, gender));
  }
  return parts.join(' ');
}

/**
 * The nominative of a place: the gazetteer's name when it is the same word («Москвы» → «Москва»),
 * else the word's own nominative (the gazetteer may name «Китай» after a village «Широке»).
 */
export function placeNormal(tokens: Token[], p: PlaceMention): string {
  const t = tokens[p.first];
  if (!t || p.last - p.first > 1) return p.name;
  const same = (a: string, b: string) => nameStem(a).slice(0, 4) === nameStem(b).slice(0, 4);
  if (same(p.name, t.text)) return p.name;
  const geo = parsesOf(t).find((q) => q.tag.POS === 'NOUN' && q.tag.Geox === true) ?? parsesOf(t)[0];
  const grams: Record<string, string> = { CAse: 'nomn' };
  if (geo?.tag.NMbr) grams.NMbr = geo.tag.NMbr;
  return geo ? inflectTo(t, geo, grams) : t.text;
}

/**
 * The nominative of a phrase whose head noun is at `head`: adjectives before it agree with it,
 * the genitive tail after it stays as written («Министерства иностранных дел» → «Министерство иностранных дел»).
 */
export function nominativePhrase(
  tokens: Token[],
  first: number,
  head: number,
  last: number,
  hp?: AzParse,
): string {
  const headTok = tokens[head] as Token;
  const p = hp ?? parsesOf(headTok).find((q) => q.tag.POS === 'NOUN');
  if (!p || p.tag.CAse === 'nomn') return spanText(tokens, first, last);
  const number = p.tag.NMbr ?? 'sing';
  const forms: string[] = [];
  for (let k = first; k < last; k++) {
    const t = tokens[k] as Token;
    if (k === head) forms.push(keepCapitals(t.text, inflectTo(t, p, { CAse: 'nomn', NMbr: number })));
    else if (k < head) {
      // «Большим театром»: the qualitative «большой» before the comparative «больший».
      const agreeing = adjParses(t).filter((q) => q.tag.CAse === p.tag.CAse);
      const a = agreeing.find((q) => q.tag.Qual === true) ?? agreeing[0];
      const gender = number === 'sing' && p.tag.GNdr && p.tag.GNdr !== 'GNdr' ? p.tag.GNdr : undefined;
      const grams: Record<string, string> = { CAse: 'nomn', NMbr: number };
      if (gender) grams.GNdr = gender;
      if (a?.tag.POS === 'PRTF') forms.push(participleNominative(t.text, gender, number));
      else forms.push(a ? inflectTo(t, a, grams) : t.text);
    } else forms.push(t.text);
  }
  return spanText(tokens, first, last, forms);
}

/** The head of a name phrase over [first, last): its first word that cannot be an adjective. */
export function phraseHead(tokens: Token[], first: number, last: number): number {
  for (let k = first; k < last; k++) if (!adjParses(tokens[k]).length) return k;
  return last - 1;
}

// az turns passive participles into active ones when it inflects them («объединённого» →
// «объединивший»); participle endings are regular, so they are replaced instead.
function participleNominative(word: string, gender: string | undefined, number: string): string {
  const to = number === 'plur' ? 'ые' : gender === 'femn' ? 'ая' : gender === 'neut' ? 'ое' : 'ый';
  return word.replace(/(ого|ому|ым|ом|ой|ую|ых|ыми|ые|ая|ое|ый)$/u, to);
}

/** Copies the capitals of the written word onto its nominative: «МИДа» → «МИД», not «Мид». */
export function keepCapitals(original: string, form: string): string {
  let out = '';
  for (let i = 0; i < form.length; i++) {
    const o = original.charAt(i);
    out +=
      o && o === o.toUpperCase() && o !== o.toLowerCase() ? form.charAt(i).toUpperCase() : form.charAt(i);
  }
  return out;
}
