/** Pass 14: ongoing cooperation between institutions, named without a new signature. */
import type { Sentence, Token } from './01-tokens.ts';
import type { Doc } from './07-document.ts';
import type { OrgMention } from './10-organizations.ts';
import { partyGroups } from './13-parties.ts';
import type { Project } from './extraction.schema.ts';

/** A project rule: a word pattern that marks ongoing cooperation. */
interface ProjectRule {
  id: string;
  word: RegExp;
}

/** The first rule whose word occurs in a sentence with two or more institutions records the project. */
const PROJECT_RULES: ProjectRule[] = [
  // Успешно реализуются проекты сотрудничества между школой № 1 и школой № 17.
  { id: 'project.proekty', word: /^проект(ы|ов|ам|ами|ах)?$/ },
  // Гимназия № 5 много лет сотрудничает с лицеем № 21.
  { id: 'project.sotrudnichaet', word: /^сотруднича(ет|ют|ли|л|ла)$/ },
  // Между музеями налажено (установлено, продолжается) партнерство.
  { id: 'project.partnerstvo', word: /^(партнерств|партнерск|дружат|дружба|побратимск)/ },
  // Сотрудничество между библиотеками продолжается не первый год.
  { id: 'project.sotrudnichestvo', word: /^сотрудничеств[оау]$/ },
];

const PLANNED = /^(обсуд|обсужд|планиру|намет|будущ|предлож|возможн|перспектив|договорил)/;

/** Projects of sentences that name institutions in cooperation and sign nothing. */
export function findProjects(doc: Doc, orgs: OrgMention[], signing: (s: Sentence) => boolean): Project[] {
  const out: Project[] = [];
  const orgNames = new Set(orgs.map((o) => o.name));
  for (const s of doc.sentences) {
    const words = doc.tokens.slice(s.first, s.last).map((t: Token) => t.lower);
    const rule = PROJECT_RULES.find((r) => words.some((w) => r.word.test(w)));
    if (!rule || words.some((w) => PLANNED.test(w)) || signing(s)) continue;
    for (const parties of partyGroups(doc, orgs, s.first, s.last)) {
      if (parties.length < 2 || !parties.every((p) => orgNames.has(p.name))) continue;
      out.push({ parties, span: [s.start, s.end], rule: rule.id });
    }
  }
  return out;
}
