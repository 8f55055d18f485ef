/** Nominative of surnames the dictionary does not know: «Коржом» → «Корж», «Сериковой» → «Серикова». */
import type { Token } from './01-tokens.ts';
import { inflectTo, parsesOf } from './02-morphology.ts';
import type { PersonMention } from './04-persons.ts';

// [ending, replacement] by gender and case; the first that fits wins.
const MASC: Record<string, [RegExp, string][]> = {
  ablt: [
    [/(ов|ев|ин|ын)ым$/, '$1'],
    [/ским$/, 'ский'],
    [/([^аеиоуыэюя])ом$/, '$1'],
    [/([жшчщц])ем$/, '$1'],
  ],
  gent: [
    [/(ов|ев|ин|ын)а$/, '$1'],
    [/ского$/, 'ский'],
    [/([^аеиоуыэюя])а$/, '$1'],
  ],
  datv: [
    [/(ов|ев|ин|ын)у$/, '$1'],
    [/скому$/, 'ский'],
    [/([^аеиоуыэюя])у$/, '$1'],
  ],
  loct: [
    [/(ов|ев|ин|ын)е$/, '$1'],
    [/([^аеиоуыэюя])е$/, '$1'],
  ],
};
MASC.accs = MASC.gent as [RegExp, string][];
const FEMN: Record<string, [RegExp, string][]> = {
  ablt: [
    [/(ов|ев|ин|ын)ой$/, '$1а'],
    [/ской$/, 'ская'],
  ],
  accs: [
    [/(ов|ев|ин|ын)у$/, '$1а'],
    [/скую$/, 'ская'],
  ],
};
FEMN.gent = FEMN.ablt as [RegExp, string][];
FEMN.datv = FEMN.ablt as [RegExp, string][];
FEMN.loct = FEMN.ablt as [RegExp, string][];

/** Puts an unknown surname left in its case by the name rules into the nominative. */
export function fixSurname(m: PersonMention, tokens: Token[]): PersonMention {
  if (!m.surname) return m;
  const t = tokens.slice(m.first, m.last).find((x) => x.text === m.surname);
  if (!t) return m;
  // Without an oblique case and a gender from the first name, only unmistakable endings are read.
  const rules =
    m.case && m.case !== 'nomn' && m.gender
      ? ((m.gender === 'femn' ? FEMN : MASC)[m.case] ?? [])
      : [...(FEMN.ablt as [RegExp, string][]), [/(ов|ев|ин|ын)ым$/, '$1'] as [RegExp, string]];
  const rule = rules.find(([re]) => re.test(t.text));
  if (!rule) return m;
  const fixed = t.text.replace(rule[0], rule[1]);
  const swap = (s: string) =>
    s
      .split(' ')
      .map((w) => (w === t.text ? fixed : w))
      .join(' ');
  return { ...m, surname: fixed, name: swap(m.name), full: swap(m.full) };
}

// Prepositions that take the genitive: «у Александра Белова», «от Дмитрия Медведева».
const GENITIVE_PREPOSITIONS = new Set([
  'у',
  'для',
  'от',
  'из',
  'без',
  'до',
  'около',
  'против',
  'среди',
  'возле',
]);

function genitiveBefore(tokens: Token[], first: number): boolean {
  // «президента РФ Дмитрия Медведева»: an abbreviation between the title and the name is skipped.
  let at = first - 1;
  while (at > 0 && tokens[at]?.upper && first - at < 3) at--;
  const prev = tokens[at];
  if (!prev || prev.kind !== 'word') return false;
  if (GENITIVE_PREPOSITIONS.has(prev.lower)) return true;
  const ps = parsesOf(prev).filter((p) => p.tag.POS === 'NOUN' || p.tag.POS === 'ADJF');
  return ps.length > 0 && ps.every((p) => p.tag.CAse === 'gent' || p.tag.CAse === 'accs');
}

/** «президента Дмитрия Медведева» read as a woman in the nominative: after a genitive, the man it is. */
export function fixGenitiveMan(m: PersonMention, tokens: Token[]): PersonMention {
  if (m.case !== 'nomn' || m.gender !== 'femn' || !genitiveBefore(tokens, m.first)) return m;
  const parts: Partial<Record<'Name' | 'Patr' | 'Surn', string>> = {};
  for (let k = m.first; k < m.last; k++) {
    const t = tokens[k] as Token;
    if (t.kind !== 'word') return m;
    const p = parsesOf(t).find(
      (q) => q.tag.GNdr === 'masc' && q.tag.CAse === 'gent' && (q.tag.Name || q.tag.Patr || q.tag.Surn),
    );
    const flag = p && (p.tag.Name ? 'Name' : p.tag.Patr ? 'Patr' : 'Surn');
    if (!p || !flag || parts[flag]) return m;
    parts[flag] = inflectTo(t, p, { CAse: 'nomn' });
  }
  const name = [parts.Name, parts.Surn ?? (parts.Name ? parts.Patr : undefined)].filter(Boolean).join(' ');
  const full = [parts.Name, parts.Patr, parts.Surn].filter(Boolean).join(' ');
  return { ...m, name, full, surname: parts.Surn, given: parts.Name, case: 'gent', gender: 'masc' };
}
