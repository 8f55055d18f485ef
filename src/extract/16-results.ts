/** Pass 16: the organizations field, each institution once, and parties completed from it. */
import type { Doc } from './07-document.ts';
import type { OrgMention } from './10-organizations.ts';
import type { Organization, Party } from './extraction.schema.ts';

const words = (name: string) => name.toLowerCase().replace(/[«»"]/g, ' ').split(/\s+/).filter(Boolean);
const numbers = (name: string) => (name.match(/\d+/g) ?? []).join(',');

/** «школа № 10» and «средняя общеобразовательная школа № 10 им. А. С. Пушкина»: the short one is in the long one. */
function sameInstitution(a: string, b: string): boolean {
  if (numbers(a) !== numbers(b)) return false;
  const [short, long] = a.length <= b.length ? [words(a), words(b)] : [words(b), words(a)];
  return short.length > 0 && short.every((w) => long.includes(w)) && (numbers(a) !== '' || short.length >= 2);
}

/** Distinct organizations, places such as districts left out, repeated and shortened names merged. */
export function organizationFacts(doc: Doc, orgs: OrgMention[]): Organization[] {
  const out: Organization[] = [];
  const ends = new Map<Organization, number>();
  for (const o of orgs) {
    if (!o.distinct || o.kind.place) continue;
    // «Центр творчества …, Центр технического творчества …»: two names side by side in a list are
    // two institutions; a shortened name repeats one only further on.
    const listed = (x: Organization) => {
      const end = ends.get(x) ?? -10;
      return o.first > end && o.first - end <= 2 && doc.tokens[end]?.text === ',';
    };
    const same = out.find(
      (x) => sameInstitution(x.name, o.name) && (!x.city || !o.city || x.city === o.city) && !listed(x),
    );
    if (same) {
      same.city ??= o.city ?? null;
      if (o.name.length > same.name.length) same.name = o.name;
      continue;
    }
    const span: [number, number] = [doc.tokens[o.first]?.start ?? 0, doc.tokens[o.last - 1]?.end ?? 0];
    const fact: Organization = { name: o.name, city: o.city ?? null, span, rule: o.rule };
    ends.set(fact, o.last);
    out.push(fact);
  }
  return out;
}

/** Gives a party without a city the city its institution has elsewhere in the text. */
export function completeParties(parties: Party[], organizations: Organization[]): void {
  for (const p of parties) {
    if (p.city) continue;
    const known = organizations.find((o) => o.city && sameInstitution(o.name, p.name));
    if (known) p.city = known.city;
  }
}
