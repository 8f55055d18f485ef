/** Pass 13: agreements signed (or announced as signed), with their parties, kind and day. */
import type { Sentence, Token } from './01-tokens.ts';
import { lemmas } from './02-morphology.ts';
import type { Doc } from './07-document.ts';
import { dateIn, isoDay, type DateMention } from './08-dates.ts';
import type { OrgMention } from './10-organizations.ts';
import {
  AGREEMENT_RULES,
  NOT_SIGNED,
  SIGNATURES,
  SIGNING,
  type AgreementRule,
} from './13-agreement-rules.ts';
import { partyGroups } from './13-parties.ts';
import type { Agreement, Party } from './extraction.schema.ts';

interface NounHit {
  at: number;
  rule: AgreementRule;
}

function nounsOf(doc: Doc, s: Sentence): NounHit[] {
  const out: NounHit[] = [];
  for (let k = s.first; k < s.last; k++) {
    const t = doc.tokens[k] as Token;
    if (t.kind !== 'word') continue;
    const ls = lemmas(t);
    const after = doc.tokens
      .slice(k + 1, Math.min(k + 5, s.last))
      .map((w) => w.lower)
      .join(' ');
    const before = doc.tokens[k - 1]?.lower ?? '';
    const rule = AGREEMENT_RULES.find(
      (r) =>
        r.nouns.some((n) => ls.includes(n)) &&
        (!r.after || r.after.test(after)) &&
        (!r.before || r.before.test(before)),
    );
    if (rule) out.push({ at: k, rule });
  }
  return out;
}

/** True when the sentence says a document was signed, concluded or approved. */
export function isSigning(doc: Doc, s: Sentence): boolean {
  let signed = false;
  for (let k = s.first; k < s.last; k++) {
    const w = (doc.tokens[k] as Token).lower;
    if (NOT_SIGNED.test(w)) return false;
    if (SIGNING.test(w) || SIGNATURES.test(w)) signed = true;
  }
  return signed;
}

/** Agreements of the text; parties named in an earlier sentence or by the visit when the sentence has none. */
export function findAgreements(
  doc: Doc,
  orgs: OrgMention[],
  dates: DateMention[],
  fallback: Party[],
): Agreement[] {
  const out: Agreement[] = [];
  for (const s of doc.sentences) {
    const nouns = nounsOf(doc, s);
    if (!nouns.length || !isSigning(doc, s)) continue;
    const date = dateIn(dates, s.index, (d) => !d.monthOnly && !d.to);
    let inherited: Party[][] = [];
    nouns.forEach((n, idx) => {
      const from = idx === 0 ? s.first : n.at;
      const to = nouns[idx + 1]?.at ?? s.last;
      let groups = partyGroups(doc, orgs, from, to);
      const bare = !groups.length && !/^(о|об|между|с|на)$/.test(doc.tokens[n.at + 1]?.lower ?? '');
      // «Подписанное соглашение предусматривает …»: a bare noun names an agreement already recorded.
      if (bare && out.length) return;
      if (!groups.length) groups = inherited;
      if (!groups.length) groups = earlier(doc, orgs, s, fallback);
      inherited = groups;
      for (const parties of groups.length ? groups : [[]]) {
        if (out.some((a) => a.kind === n.rule.kind && sameParties(a.parties, parties))) continue;
        out.push({
          parties,
          kind: n.rule.kind,
          signed_on: date ? isoDay(date.from) : null,
          span: [s.start, s.end],
          rule: n.rule.id,
        });
      }
    });
  }
  return out;
}

function earlier(doc: Doc, orgs: OrgMention[], s: Sentence, fallback: Party[]): Party[][] {
  const prev = doc.sentences[s.index - 1];
  const groups = prev ? partyGroups(doc, orgs, prev.first, prev.last) : [];
  if (groups.length) return groups;
  return fallback.length >= 2 ? [fallback] : [];
}

const partyKey = (parties: Party[]) =>
  parties
    .map((p) => p.name.toLowerCase())
    .sort()
    .join('|');

function sameParties(a: Party[], b: Party[]): boolean {
  return !b.length || partyKey(a) === partyKey(b);
}
