/** Pass 6: named-entity mentions (persons, places, organizations) with offsets and nominative forms. */
import type { Sentence, Token } from './01-tokens.ts';
import type { Entity } from './extraction.schema.ts';
import type { CityLookup } from './03-places.ts';
import { findPersons } from './06-entities-persons.ts';
import { findPlaces } from './06-entities-places.ts';
import { findOrganizations } from './06-entities-orgs.ts';

/** What the entity pass reads: the text, its tokens and sentences, and the city gazetteer. */
export interface EntityInput {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  cities: CityLookup;
}

/** A mention over tokens [first, last) before it becomes an Entity. */
export interface Mention {
  first: number;
  last: number;
  type: Entity['type'];
  normal: string;
  rule: string;
}

/** Every person, place and organization mention in the text, in text order, without overlaps. */
export function findEntities(input: EntityInput): Entity[] {
  const { text, tokens } = input;
  const taken = new Uint8Array(tokens.length);
  const out: Mention[] = [];
  // Organizations first: their names swallow places and persons («Министерство … России»).
  for (const finder of [findOrganizations, findPersons, findPlaces]) {
    for (const m of finder(input, taken)) {
      let free = true;
      for (let k = m.first; k < m.last; k++) if (taken[k]) free = false;
      if (!free || m.last <= m.first) continue;
      for (let k = m.first; k < m.last; k++) taken[k] = 1;
      out.push(m);
    }
  }
  out.sort((a, b) => a.first - b.first);
  return out.map((m) => {
    const start = (tokens[m.first] as Token).start;
    const end = (tokens[m.last - 1] as Token).end;
    return { start, end, type: m.type, text: text.slice(start, end), normal: m.normal };
  });
}
