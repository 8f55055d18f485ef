/** Pass 4: personal names, matched by rules whose parts agree in case and gender. */
import type { Token } from './01-tokens.ts';
import { inflectTo, parsesOf, type AzParse } from './02-morphology.ts';
import { PERSON_RULES, type NamePart } from './04-person-rules.ts';

/** A person mention over tokens [first, last). */
export interface PersonMention {
  first: number;
  last: number;
  /** "First Last", or initials and surname as written. */
  name: string;
  /** Every part in the nominative, patronymic included (the NER normal form). */
  full: string;
  surname: string | undefined;
  given: string | undefined;
  case: string | undefined;
  gender: string | undefined;
  rule: string;
}

interface Reading {
  case: string | undefined;
  gender: string | undefined;
  parse: AzParse | undefined;
  end: number;
}

const ANY: Omit<Reading, 'end'> = { case: undefined, gender: undefined, parse: undefined };
const GENDERS = new Set(['masc', 'femn']);
const gender = (p: AzParse) => (GENDERS.has(p.tag.GNdr ?? '') ? p.tag.GNdr : undefined);
const reading = (p: AzParse, end: number): Reading => ({
  case: p.tag.CAse,
  gender: gender(p),
  parse: p,
  end,
});
const properWord = (t: Token | undefined): t is Token =>
  !!t && t.kind === 'word' && t.cap && !t.upper && !t.latin && t.text.length > 1;

function isCommonWord(ps: AzParse[]): boolean {
  return ps.some(
    (p) =>
      p.parser === 'Dictionary' &&
      p.score >= 0.3 &&
      !p.tag.Name &&
      !p.tag.Surn &&
      !p.tag.Patr &&
      p.tag.POS !== 'ADJF',
  );
}

/**
 * «мэр Пензы Олег Панов», «столицы Армении Тарона»: a word whose dictionary reading as a place
 * outweighs any reading as a name is the place, not a first name or surname beside a name.
 */
function placeWord(ps: AzParse[]): boolean {
  const dict = ps.filter((p) => p.parser === 'Dictionary');
  const geo = Math.max(0, ...dict.filter((p) => p.tag.Geox).map((p) => p.score));
  const named = Math.max(
    0,
    ...dict.filter((p) => p.tag.Name || p.tag.Surn || p.tag.Patr).map((p) => p.score),
  );
  return geo >= 0.5 && geo > named;
}

function readings(tokens: Token[], i: number, part: NamePart, alone: boolean, opens = false): Reading[] {
  const t = tokens[i];
  if (part === 'init') {
    const dot = tokens[i + 1];
    const ok =
      t && t.kind === 'word' && t.cap && t.text.length === 1 && dot?.text === '.' && dot.start === t.end;
    return ok ? [{ ...ANY, end: i + 2 }] : [];
  }
  // «Ричмонд Пять»: a numeral is no part of a name.
  if (!properWord(t) || parsesOf(t).some((p) => p.tag.POS === 'NUMR' && p.parser === 'Dictionary')) return [];
  // A surname after a first name may be a place word in the dictionary (Ливанов); before one, it is the place.
  if ((part === 'name' || opens) && placeWord(parsesOf(t))) return [];
  const ps = parsesOf(t).filter((p) => p.tag.POS === 'NOUN' || (part === 'surn' && p.tag.POS === 'ADJF'));
  const flag = part === 'name' ? 'Name' : part === 'patr' ? 'Patr' : 'Surn';
  const own = ps.filter((p) => p.tag[flag] === true && p.tag.Abbr !== true);
  const out = own.map((p) => reading(p, i + 1));
  if (part !== 'surn' || alone) return out;
  // An unknown surname next to a first name or initials: any noun reading, or none at all.
  if (!own.length && !ps.some((p) => p.tag.Name || p.tag.Patr || p.tag.Geox) && !isCommonWord(parsesOf(t))) {
    out.push(...ps.filter((p) => p.tag.POS === 'NOUN' && p.tag.anim !== false).map((p) => reading(p, i + 1)));
  }
  out.push({ ...ANY, end: i + 1 });
  return out;
}

const agrees = (a: string | undefined, b: string | undefined) => !a || !b || a === b;

function matchRule(tokens: Token[], i: number, parts: NamePart[]): Reading[] | undefined {
  const alone = parts.length === 1;
  const walk = (
    k: number,
    at: number,
    c: string | undefined,
    g: string | undefined,
    acc: Reading[],
  ): Reading[] | undefined => {
    if (k === parts.length) return acc;
    const prev = tokens[at - 1];
    const t = tokens[at];
    if (k > 0 && (!t || !prev || t.sent !== prev.sent)) return undefined;
    for (const r of readings(tokens, at, parts[k] as NamePart, alone, k === 0 && parts.length > 1)) {
      if (!agrees(c, r.case) || !agrees(g, r.gender)) continue;
      const found = walk(k + 1, r.end, c ?? r.case, g ?? r.gender, [...acc, r]);
      if (found) return found;
    }
    return undefined;
  };
  return walk(0, i, undefined, undefined, []);
}

function nominative(t: Token, r: Reading, g: string | undefined): string {
  if (!r.parse || r.case === 'nomn') return t.text;
  const grams: Record<string, string> = { CAse: 'nomn' };
  if (r.parse.tag.Surn || r.parse.tag.POS === 'ADJF') {
    grams.NMbr = 'sing';
    if (g) grams.GNdr = g;
  }
  const out = inflectTo(t, r.parse, grams);
  return out === t.text && grams.GNdr ? inflectTo(t, r.parse, { CAse: 'nomn' }) : out;
}

const CONSONANT_END = /[бвгджзклмнпрстфхцчшщ]$/;

/**
 * «Мирьяна Петрович»: a first name read as a man's genitive beside a consonant-final surname that did
 * not decline with it. A man's surname would (Петровича), so a woman is named, in a form az lacks.
 */
function undeclinedWoman(
  tokens: Token[],
  i: number,
  parts: NamePart[],
  rs: Reading[],
  c: string | undefined,
  g: string | undefined,
): boolean {
  if (g !== 'masc' || (c !== 'gent' && c !== 'accs') || parts[0] !== 'name') return false;
  const at = parts.indexOf('surn');
  const surname = at > 0 ? tokens[rs[at - 1]?.end ?? -1] : undefined;
  const given = tokens[i];
  if (!surname || !given || !/[ая]$/.test(given.lower) || !CONSONANT_END.test(surname.lower)) return false;
  return !parsesOf(surname).some((p) => p.tag.CAse === 'gent' || p.tag.CAse === 'accs');
}

/** The person whose name starts at token i, by the first rule that matches. */
export function personAt(
  tokens: Token[],
  i: number,
  allowAlone: (id: string, t: Token) => boolean,
): PersonMention | undefined {
  for (const rule of PERSON_RULES) {
    if (rule.parts.length === 1 && !allowAlone(rule.id, tokens[i] as Token)) continue;
    const rs = matchRule(tokens, i, rule.parts);
    if (!rs) continue;
    let g = rs.find((r) => r.gender)?.gender;
    let c = rs.find((r) => r.case)?.case;
    if (undeclinedWoman(tokens, i, rule.parts, rs, c, g)) {
      // The name stays as written: «Мирьяна Петрович» is no «Мирьян».
      rs.forEach((r) => (r.parse = undefined));
      g = 'femn';
      c = undefined;
    }
    const forms: Partial<Record<NamePart, string>> = {};
    let at = i;
    const inits: string[] = [];
    rs.forEach((r, k) => {
      const part = rule.parts[k] as NamePart;
      const t = tokens[at] as Token;
      if (part === 'init') inits.push(`${t.text}.`);
      else forms[part] = nominative(t, r, g);
      at = r.end;
    });
    const last = at;
    const initials = inits.join(' ');
    const given = forms.name ?? (initials || undefined);
    const name = [given, forms.surn ?? (forms.name ? forms.patr : undefined)].filter(Boolean).join(' ');
    const full = [forms.name ?? (initials || undefined), forms.patr, forms.surn].filter(Boolean).join(' ');
    return {
      first: i,
      last,
      name,
      full,
      surname: forms.surn,
      given: forms.name,
      case: c,
      gender: g,
      rule: rule.id,
    };
  }
  return undefined;
}
