/** Pass 16: the organizations field: named institutions, each once, with the city they belong to. */
import type { Doc } from './07-document.ts';
import type { OrgMention } from './10-organizations.ts';
import type { Organization } from './extraction.schema.ts';

/** Distinct organizations, places such as districts left out, repeated names merged. */
export function organizationFacts(doc: Doc, orgs: OrgMention[]): Organization[] {
  const out: Organization[] = [];
  for (const o of orgs) {
    if (!o.distinct || o.kind.place) continue;
    const key = o.name.toLowerCase();
    const same = out.find((x) => x.name.toLowerCase() === key && (!x.city || !o.city || x.city === o.city));
    if (same) {
      same.city ??= o.city ?? null;
      continue;
    }
    const span: [number, number] = [doc.tokens[o.first]?.start ?? 0, doc.tokens[o.last - 1]?.end ?? 0];
    out.push({ name: o.name, city: o.city ?? null, span, rule: o.rule });
  }
  return out;
}
