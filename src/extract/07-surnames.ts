/** Nominative of surnames the dictionary does not know: «Коржом» → «Корж», «Сериковой» → «Серикова». */
import type { Token } from './01-tokens.ts';
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
