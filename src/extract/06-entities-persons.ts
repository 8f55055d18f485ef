/** Person mentions for the entity pass, built on the name rules of pass 4. */
import type { Token } from './01-tokens.ts';
import { parsesOf } from './02-morphology.ts';
import { personAt } from './04-persons.ts';
import type { EntityInput, Mention } from './06-entities.ts';

// A surname alone counts when the dictionary says Surn and nothing common outranks it.
function surnameAlone(t: Token): boolean {
  const ps = parsesOf(t);
  const first = ps[0];
  return !!first && (first.tag.Surn === true || first.tag.Name === true) && first.tag.Geox !== true;
}

/** Persons by the rules of pass 4; single names only when the dictionary reads them first as names. */
export function findPersons(input: EntityInput, taken: Uint8Array): Mention[] {
  const { tokens } = input;
  const out: Mention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (taken[i]) continue;
    const p = personAt(tokens, i, (_id, t) => surnameAlone(t));
    if (!p) continue;
    out.push({ first: p.first, last: p.last, type: 'PER', normal: p.full, rule: p.rule });
    i = p.last - 1;
  }
  return out;
}
