/** Pass 10: organization names, in the nominative, with the city they belong to. */
import type { Token } from './01-tokens.ts';
import { inflectTo, lemmas, parsesOf, type AzParse } from './02-morphology.ts';
import { phraseText, type Doc } from './07-document.ts';
import { ORG_KINDS, ORG_TAIL_STOP, type OrgKind } from './10-org-kinds.ts';
import { cityTail, genitiveTailWord, namesakeEnd, nominativeAdjective, quotedEnd } from './10-org-parts.ts';

/** An organization mention over tokens [first, last). */
export interface OrgMention {
  first: number;
  last: number;
  name: string;
  city: string | undefined;
  kind: OrgKind;
  /** Named well enough to be a record: a number, a namesake, a quoted name or a city. */
  distinct: boolean;
  rule: string;
}

function headParse(t: Token): AzParse | undefined {
  const nouns = parsesOf(t).filter((p) => p.tag.POS === 'NOUN' && p.tag.NMbr === 'sing');
  return nouns.find((p) => ORG_KINDS.has(lemmaOf(p))) ?? nouns[0];
}

function lemmaOf(p: AzParse): string {
  const n = p.normalize();
  return n ? String(n).toLowerCase().replace(/ё/g, 'е') : '';
}

function headKind(t: Token): [string, OrgKind] | undefined {
  if (t.kind !== 'word' || t.upper) return undefined;
  const lemma = lemmas(t).find((l) => ORG_KINDS.has(l));
  const kind = lemma && ORG_KINDS.get(lemma);
  return lemma && kind ? [lemma, kind] : undefined;
}

/** The organization headed by token h, or undefined. */
export function orgAt(doc: Doc, h: number, limit = doc.tokens.length): OrgMention | undefined {
  const { tokens } = doc;
  const head = tokens[h] as Token;
  const hk = headKind(head);
  const hp = headParse(head);
  if (!hk || !hp) return undefined;
  const [, kind] = hk;
  const words: string[] = [];
  let city: string | undefined;
  let proper = false;
  let first = h;
  // Adjectives to the left that agree with the head: «Кузнецкой центральной городской библиотекой».
  for (let a = h - 1; a >= 0 && h - a <= 4; a--) {
    const t = tokens[a] as Token;
    if (t.kind !== 'word' || t.sent !== head.sent) break;
    const adj = parsesOf(t).find(
      (p) => p.tag.POS === 'ADJF' && p.tag.CAse === hp.tag.CAse && p.tag.NMbr !== 'plur',
    );
    if (!adj) break;
    const cityAdj = doc.cityAdjAt.get(a);
    if (cityAdj) city ??= cityAdj.name;
    const isFirstWord = doc.sentences[t.sent]?.first === a;
    if (cityAdj && !t.cap) words.unshift('');
    else words.unshift(nominativeAdjective(t, adj, hp.tag.GNdr, isFirstWord && !cityAdj));
    if (cityAdj && t.cap) proper = true;
    first = a;
  }
  if (kind.needs && !words.some((w) => kind.needs?.test(w.toLowerCase()))) return undefined;
  const headWord = inflectTo(head, hp, { CAse: 'nomn', NMbr: 'sing' });
  words.push(first === h && doc.sentences[head.sent]?.first === h ? headWord.toLowerCase() : headWord);
  let k = h + 1;
  if (kind.tail) {
    const start = k;
    while (k < limit && k - start < 4) {
      const t = tokens[k] as Token;
      if (t.kind !== 'word' || t.sent !== head.sent || ORG_TAIL_STOP.has(t.lower) || doc.personAt.has(k))
        break;
      if (doc.placeAt.has(k) || doc.cityAdjAt.has(k) || headKind(t)) break;
      if (!genitiveTailWord(doc, k)) break;
      k++;
    }
    if (k > start) words.push(phraseText(tokens, start, k));
  }
  let distinct = proper;
  for (let guard = 0; guard < 4 && k < limit; guard++) {
    const t = tokens[k] as Token;
    if (t.text === '№' && tokens[k + 1]?.kind === 'num') {
      words.push(`№ ${(tokens[k + 1] as Token).text}`);
      distinct = true;
      k += 2;
      continue;
    }
    const place = doc.placeAt.get(k);
    if (kind.body && place?.city && place.case === 'gent') {
      // «администрация Кузнецка»: a city's own body names the city right after it.
      city ??= place.name;
      words.push(phraseText(tokens, k, place.last));
      k = place.last;
      continue;
    }
    const c = cityTail(doc, k);
    if (c) {
      city ??= c.city;
      if (kind.body) words.push(phraseText(tokens, k, c.end));
      k = c.end;
      continue;
    }
    const n = namesakeEnd(doc, k) ?? quotedEnd(doc, k);
    if (n) {
      words.push(phraseText(tokens, k, n));
      distinct = true;
      k = n;
      continue;
    }
    break;
  }
  if (city) distinct = true;
  const name = words.filter(Boolean).join(' ');
  return { first, last: k, name, city, kind, distinct, rule: `org.${hk[0]}` };
}
