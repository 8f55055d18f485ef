/** Organization mentions for the entity pass: abbreviations and quoted names after a kind word. */
import type { Token } from './01-tokens.ts';
import { parsesOf } from './02-morphology.ts';
import type { EntityInput, Mention } from './06-entities.ts';

/** Capitalized abbreviations the dictionary marks as organizations (МВД, ООН). */
function abbreviation(t: Token): boolean {
  if (!t.upper || t.latin || t.text.length < 2) return false;
  return parsesOf(t).some((p) => p.tag.Orgn === true || p.tag.Abbr === true) || t.text.length <= 5;
}

/** Organizations: abbreviations in capitals for now. */
export function findOrganizations(input: EntityInput, taken: Uint8Array): Mention[] {
  const { tokens } = input;
  const out: Mention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (taken[i] || !abbreviation(t)) continue;
    out.push({ first: i, last: i + 1, type: 'ORG', normal: t.text, rule: 'org.abbr' });
  }
  return out;
}
