/** Parties of agreements and projects: organizations and cities, grouped «между A и B, а также между C и D». */
import type { Sentence, Token } from './01-tokens.ts';
import type { Doc } from './07-document.ts';
import type { OrgMention } from './10-organizations.ts';
import type { Party } from './extraction.schema.ts';

/** A party mention over tokens [first, last). */
export interface PartyMention {
  first: number;
  last: number;
  party: Party;
  org: boolean;
}

/** Organizations and cities of tokens [from, to), in text order; cities only outside organization names. */
export function partiesIn(doc: Doc, orgs: OrgMention[], from: number, to: number): PartyMention[] {
  const out: PartyMention[] = [];
  const inOrg = new Set<number>();
  // Organizations come in text order: start at the first that may reach into the range.
  let lo = 0;
  let hi = orgs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((orgs[mid] as OrgMention).first < from - 40) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < orgs.length; i++) {
    const o = orgs[i] as OrgMention;
    if (o.first >= to) break;
    if (o.last <= from) continue;
    for (let k = o.first; k < o.last; k++) inOrg.add(k);
    out.push({ first: o.first, last: o.last, party: { name: o.name, city: o.city ?? null }, org: true });
  }
  for (let k = from; k < to; k++) {
    const place = doc.placeAt.get(k);
    if (place?.city && !inOrg.has(k) && !CITY_OF_SOMETHING.has(doc.tokens[k - 1]?.lower ?? '')) {
      out.push({ first: k, last: place.last, party: { name: place.name, city: place.name }, org: false });
    }
    const t = doc.tokens[k] as Token;
    if (
      doc.homeCity &&
      /^наш/.test(t.lower) &&
      /^город/.test(doc.tokens[k + 1]?.lower ?? '') &&
      !inOrg.has(k)
    )
      out.push({ first: k, last: k + 2, party: { name: doc.homeCity, city: doc.homeCity }, org: false });
  }
  return out.sort((a, b) => a.first - b.first);
}

// «город Кузнецк» is a party; «г. Кузнецка» after a school names the school's city, handled above.
const CITY_OF_SOMETHING = new Set(['из']);

const SPLITTERS = new Set([';', 'также', 'между']);

/** Groups of parties: split at «а также» and «между»; organizations outrank cities in a group. */
export function partyGroups(doc: Doc, orgs: OrgMention[], from: number, to: number): Party[][] {
  const { tokens } = doc;
  const all = partiesIn(doc, orgs, from, to);
  const between = tokens.slice(from, to).findIndex((t) => t.lower === 'между');
  const groups: PartyMention[][] = [];
  if (between >= 0) {
    let current: PartyMention[] = [];
    let k = from + between + 1;
    for (const p of all.filter((m) => m.first > from + between)) {
      for (; k < p.first; k++)
        if (SPLITTERS.has((tokens[k] as Token).lower) && current.length >= 2) {
          groups.push(current);
          current = [];
        }
      current.push(p);
      k = p.last;
    }
    if (current.length) groups.push(current);
  } else if (all.length) groups.push(all);
  return groups
    .map((g) =>
      g.filter((p) => p.org).length >= 2 ? g.filter((p) => p.org) : g.some((p) => p.org) ? asCities(g) : g,
    )
    .map((g) => dedupe(g.map((p) => p.party)))
    .filter((g) => g.length >= 2);
}

/** «Мэр Кузнецка и председатель Барановичского горисполкома»: one body and one city stand for two towns. */
function asCities(group: PartyMention[]): PartyMention[] {
  return group
    .filter((p) => p.party.city)
    .map((p) => ({ ...p, party: { name: p.party.city as string, city: p.party.city } }));
}

function dedupe(parties: Party[]): Party[] {
  const out: Party[] = [];
  for (const p of parties) if (!out.some((q) => q.name === p.name && q.city === p.city)) out.push(p);
  return out;
}

/** The sentence's token range. */
export const rangeOf = (s: Sentence): [number, number] => [s.first, s.last];
