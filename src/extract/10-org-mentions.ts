/** Pass 10, scan: every organization mention of the text, legal forms with quoted names included. */
import type { Token } from './01-tokens.ts';
import { phraseText, type Doc } from './07-document.ts';
import { COMPANY_FORMS, LEGAL_FORMS, ORG_KINDS, type OrgKind } from './10-org-kinds.ts';
import { cityTail, quotedEnd } from './10-org-parts.ts';
import { compoundBodyAt, orgAt, type OrgMention } from './10-organizations.ts';
import { aside } from './10-org-roles.ts';

/** Every organization mention, left to right, without overlaps; bodies named only in passing are no records. */
export function findOrganizations(doc: Doc): OrgMention[] {
  const out: OrgMention[] = [];
  for (let i = 0; i < doc.tokens.length; i++) {
    const m = legalFormAt(doc, i) ?? compoundBodyAt(doc, i) ?? orgAt(doc, i);
    if (!m) continue;
    const prev = out[out.length - 1];
    if (prev && m.first < prev.last) continue;
    out.push(aside(doc, m) ? { ...m, distinct: false } : m);
    i = m.last - 1;
  }
  return out;
}

/** «ГУО «Средняя школа № 3 г. Барановичи»»: the quoted name read as an organization of its own. */
function legalFormAt(doc: Doc, i: number): OrgMention | undefined {
  const t = doc.tokens[i] as Token;
  if (!t.upper || !LEGAL_FORMS.has(t.text)) return undefined;
  // «…ИНОСТРАННЫМ АГЕНТОМ ООО "…"»: a notice in capitals is page furniture, not the story.
  const before = doc.tokens[i - 1];
  if (before?.upper && before.text.length > 3) return undefined;
  const end = quotedEnd(doc, i + 1);
  if (!end) return undefined;
  // «МАОУ «Гимназия № 53» г. Пензы»: the city may follow the closing quote.
  const after = cityTail(doc, end);
  const last = after?.end ?? end;
  for (let j = i + 2; j < end - 1; j++) {
    const inner = orgAt(doc, j, end - 1);
    if (!inner) continue;
    const city = inner.city ?? after?.city;
    // A company keeps its legal form and quoted name; a school or museum is known by its own name.
    if (COMPANY_FORMS.has(t.text)) {
      const name = `${t.text} ${phraseText(doc.tokens, i + 1, end)}`;
      return { ...inner, name, city, first: i, last, distinct: true, rule: 'org.legal-company' };
    }
    return { ...inner, city, first: i, last, distinct: true, rule: `org.legal.${inner.rule}` };
  }
  const name = `${t.text} ${phraseText(doc.tokens, i + 1, end)}`;
  const kind = ORG_KINDS.get('предприятие') as OrgKind;
  return { first: i, last, name, city: after?.city, kind, distinct: true, rule: 'org.legal' };
}
