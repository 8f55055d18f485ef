/** Pass 13: agreements signed (or announced as signed), with their parties, kind and day. */
import type { Sentence, Token } from './01-tokens.ts';
import { lemmas, parsesOf } from './02-morphology.ts';
import type { Doc } from './07-document.ts';
import { dateIn, isoDay, type DateMention } from './08-dates.ts';
import type { OrgMention } from './10-organizations.ts';
import {
  AGREEMENT_RULES,
  COUNTED_PARTNERS,
  FUTURE,
  GENERIC_PARTY,
  NOT_SIGNED,
  SIGNATURES,
  SIGNING,
  STATE_LEVEL,
  VISITED,
  type AgreementRule,
} from './13-agreement-rules.ts';
import { partyGroups } from './13-parties.ts';
import type { Agreement, Party, Visit } from './extraction.schema.ts';

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
    // «планы по реализации соглашений»: a document named inside another is not one more.
    const prev = out[out.length - 1];
    const inside =
      prev &&
      k - prev.at <= 4 &&
      !doc.tokens.slice(prev.at + 1, k).some((w) => w.lower === 'и' || w.text === ',');
    if (rule && !inside) out.push({ at: k, rule });
  }
  return out;
}

/** True when the sentence says a document was signed, concluded or approved. */
export function isSigning(doc: Doc, s: Sentence): boolean {
  let signed = false;
  for (let k = s.first; k < s.last; k++) {
    const w = (doc.tokens[k] as Token).lower;
    if (NOT_SIGNED.test(w)) return false;
    // «Соглашение будет подписано в октябре»; «стане падпісанне».
    if (FUTURE.test(w) && /^(подпис|падпіс|заключ)/.test(doc.tokens[k + 1]?.lower ?? '')) return false;
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
    const words = doc.text.slice(s.start, s.end);
    // «соглашения, подписанные с 15 учреждениями»: the partners are counted, not named.
    if (STATE_LEVEL.test(words) || COUNTED_PARTNERS.test(words)) continue;
    const sentence = new Set<Agreement>();
    const date = dateIn(dates, s.index, (d) => !d.monthOnly && !d.to);
    let inherited: Party[][] = [];
    nouns.forEach((n, idx) => {
      const from = idx === 0 ? s.first : n.at;
      const to = nouns[idx + 1]?.at ?? s.last;
      // «Документы подписями скрепили …»: after a named document, «документ» speaks of it again.
      if (n.rule.id === 'agr.documents' && out.length) return;
      let groups = named(partyGroups(doc, orgs, from, to));
      const bare = !groups.length && !/^(о|об|между|с|на)$/.test(doc.tokens[n.at + 1]?.lower ?? '');
      // «Подписанное соглашение предусматривает …»: a bare noun names an agreement already recorded.
      if (bare && out.length) return;
      // «Подписание протокола позволит …»: a document of a kind already recorded, without parties of its own.
      if (!groups.length && out.some((a) => a.kind === n.rule.kind && !sentence.has(a))) return;
      if (!groups.length) groups = inherited;
      // «Соответствующие документы подписали»: documents of no kind point back to the sentence before.
      if (!groups.length && n.rule.id === 'agr.documents') groups = before(doc, orgs, s);
      if (!groups.length && n.rule.id !== 'agr.documents') groups = elsewhere(doc, orgs, s, fallback);
      inherited = groups;
      if (plural(doc.tokens[n.at] as Token)) groups = groups.flatMap(pairsOfFirst);
      for (const parties of groups) {
        // One signing, one agreement: the same parties in a later sentence speak of it again.
        const again = out.find(
          (a) => sameParties(a.parties, parties) && (a.kind === n.rule.kind || !sentence.has(a)),
        );
        if (again) {
          again.signed_on ??= date ? isoDay(date.from) : null;
          continue;
        }
        const a: Agreement = {
          parties,
          kind: n.rule.kind,
          signed_on: date ? isoDay(date.from) : null,
          span: [s.start, s.end],
          rule: n.rule.id,
        };
        sentence.add(a);
        out.push(a);
      }
    });
  }
  return withoutHeadline(doc, out);
}

/** «планы», «документы»: a noun that can only be plural names several documents. */
function plural(t: Token): boolean {
  const ps = parsesOf(t);
  return ps.length > 0 && ps.every((p) => p.tag.NMbr === 'plur');
}

/**
 * «подписал планы … с Октябрьским районом и с городом Могилевом»: several documents and three
 * parties are one document of the first party with each of the others.
 */
function pairsOfFirst(parties: Party[]): Party[][] {
  const [first, ...rest] = parties;
  return first && parties.length === 3 ? rest.map((p) => [first, p]) : [parties];
}

/** A headline restates the story: its agreement gives way to one of the same kind the body tells. */
function withoutHeadline(doc: Doc, agreements: Agreement[]): Agreement[] {
  const [first] = agreements;
  const head = doc.sentences[0];
  if (!first || !head || first.span?.[0] !== head.start || head.last - head.first > 16) return agreements;
  if (/[.!?]/.test(doc.tokens[head.last - 1]?.text ?? '')) return agreements;
  const body = agreements.filter((a) => a !== first && a.span?.[0] !== head.start);
  return body.some((a) => a.kind === first.kind) ? agreements.slice(1) : agreements;
}

/** Parties named in another sentence: the one before, the one after, the headline; else the visit's cities. */
function elsewhere(doc: Doc, orgs: OrgMention[], s: Sentence, fallback: Party[]): Party[][] {
  for (const other of [doc.sentences[s.index - 1], doc.sentences[s.index + 1], doc.sentences[0]]) {
    if (!other || other === s) continue;
    // «Гости посетили школу и мэрию»: places visited are no signatories.
    if (doc.tokens.slice(other.first, other.last).some((t) => VISITED.test(t.lower))) continue;
    const groups = named(partyGroups(doc, orgs, other.first, other.last));
    if (groups.length) return groups;
  }
  return fallback.length >= 2 ? [fallback] : [];
}

/** Parties of the sentence before, unless an agreement of the text already has them. */
function before(doc: Doc, orgs: OrgMention[], s: Sentence): Party[][] {
  const prev = doc.sentences[s.index - 1];
  return prev ? named(partyGroups(doc, orgs, prev.first, prev.last)) : [];
}

/** Groups without the parties that name nobody («исполком», «администрация»), two parties or more. */
function named(groups: Party[][]): Party[][] {
  return groups.map((g) => g.filter((p) => !GENERIC_PARTY.test(p.name))).filter((g) => g.length >= 2);
}

const partyKey = (parties: Party[]) =>
  parties
    .map((p) => p.name.toLowerCase())
    .sort()
    .join('|');

function sameParties(a: Party[], b: Party[]): boolean {
  return partyKey(a) === partyKey(b);
}

/** An agreement signed during a visit of one dated day takes that day unless the text dates it. */
export function datedByVisit(agreements: Agreement[], visits: Visit[]): void {
  const days = visits.filter((v) => v.start && v.start === v.end);
  const day = days.length === 1 && visits.every((v) => !v.start || v === days[0]) ? days[0]?.start : null;
  if (!day) return;
  for (const a of agreements) a.signed_on ??= day;
}
