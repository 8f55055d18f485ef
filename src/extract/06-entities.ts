/** Pass 6: named-entity mentions (persons, places, organizations) with offsets and nominative forms. */
import type { Sentence, Token } from './01-tokens.ts';
import type { CityLookup } from './03-places.ts';
import type { Entity } from './extraction.schema.ts';
import { ORG_RULES } from './06-entities-orgs.ts';
import { PERSON_RULES_06 } from './06-entities-persons.ts';
import { STRONG_PLACE_RULES, WEAK_PLACE_RULES } from './06-entities-places.ts';
import { propagate, relabelSurnames, retypeParentheses } from './06-entities-repeats.ts';
import type { Rule, RuleContext } from './06-entities-words.ts';

/** What the entity pass reads: the text, its tokens and sentences, and the city gazetteer. */
export interface EntityInput {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  cities: CityLookup;
}

/** A mention over tokens [first, last) with the id of the rule that found it. */
export interface Mention {
  first: number;
  last: number;
  type: Entity['type'];
  normal: string;
  rule: string;
}

// Groups run one after another over the whole text; earlier groups claim tokens first.
// Quoted names after «газета», «компания» come first: «Вечерний Кузнецк» is a newspaper, not a place.
// After persons, their surnames repeat before places claim them: «Александр Брод … Брод сказал».
const GROUPS: { rules: Rule[]; repeat?: Mention['type'][] }[] = [
  { rules: ORG_RULES.filter((r) => r.id === 'org.quoted') },
  { rules: STRONG_PLACE_RULES },
  { rules: ORG_RULES.filter((r) => r.id !== 'org.quoted') },
  { rules: PERSON_RULES_06, repeat: ['PER'] },
  { rules: WEAK_PLACE_RULES, repeat: ['PER', 'ORG', 'LOC'] },
];

/** Every mention with the rule that found it, in text order, without overlaps. */
export function findMentions(input: EntityInput): Mention[] {
  const { tokens } = input;
  const ctx: RuleContext = { cities: input.cities, taken: new Uint8Array(tokens.length), lastOrgEnd: -10 };
  const out: Mention[] = [];
  const claim = (m: Mention) => {
    for (let k = m.first; k < m.last; k++) if (ctx.taken[k]) return false;
    for (let k = m.first; k < m.last; k++) ctx.taken[k] = 1;
    out.push(m);
    return true;
  };
  for (const { rules, repeat } of GROUPS) {
    ctx.lastOrgEnd = -10;
    for (let i = 0; i < tokens.length; i++) {
      if (ctx.taken[i]) continue;
      for (const rule of rules) {
        const m = rule.at(tokens, i, ctx);
        if (!m || m.last <= m.first || !claim({ ...m, type: rule.type, rule: rule.id })) continue;
        if (rule.type === 'ORG') ctx.lastOrgEnd = m.last;
        i = m.last - 1;
        break;
      }
    }
    if (repeat) for (const m of propagate(tokens, out, ctx.taken, repeat)) claim(m);
  }
  return retypeParentheses(tokens, relabelSurnames(tokens, out)).sort((a, b) => a.first - b.first);
}

/** Every person, place and organization mention in the text, in text order, without overlaps. */
export function findEntities(input: EntityInput): Entity[] {
  const { text, tokens } = input;
  return findMentions(input).map((m) => {
    const start = (tokens[m.first] as Token).start;
    const end = (tokens[m.last - 1] as Token).end;
    return { start, end, type: m.type, text: text.slice(start, end), normal: m.normal };
  });
}
