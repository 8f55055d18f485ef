/** Pass 15: event phrases (city days, anniversaries, festivals, concerts) with their city and day. */
import type { Token } from './01-tokens.ts';
import { inflectTo, lemmas, parsesOf } from './02-morphology.ts';
import { phraseText, type Doc } from './07-document.ts';
import { nominativeAdjective, quotedEnd } from './10-org-parts.ts';
import { ANNIVERSARY, EVENT_RULES, PARTNERSHIP, type EventRule } from './15-event-rules.ts';

/** An event phrase over tokens [first, last), its name in the nominative and its city. */
export interface Phrase {
  first: number;
  last: number;
  text: string;
  city: string | undefined;
  rule: EventRule;
}

const isFunctionWord = (t: Token) =>
  t.lower.length < 3 || parsesOf(t).some((p) => /^(CONJ|PREP|PRCL|NPRO)$/.test(p.tag.POS ?? ''));

const isGenitiveAdjective = (t: Token | undefined) =>
  !!t && t.kind === 'word' && parsesOf(t).some((p) => p.tag.POS === 'ADJF' && p.tag.CAse === 'gent');

/** The head's reading: the case of the adjective before it, else singular unless the rule allows plural. */
function headParse(doc: Doc, h: number, rule: EventRule) {
  const nouns = parsesOf(doc.tokens[h] as Token).filter(
    (p) => p.tag.POS === 'NOUN' && (!rule.pluralOnly || p.tag.NMbr === 'plur'),
  );
  const before = doc.tokens[h - 1];
  const cases = new Set(
    (before ? parsesOf(before) : []).filter((p) => p.tag.POS === 'ADJF').map((p) => p.tag.CAse),
  );
  return (
    nouns.find((p) => cases.has(p.tag.CAse) && (rule.plural || p.tag.NMbr === 'sing')) ??
    nouns.find((p) => rule.plural || p.tag.NMbr === 'sing') ??
    nouns[0]
  );
}

/** «25- летию»: a number and a dash written apart from «летию». */
const splitAnniversary = (doc: Doc, h: number) =>
  /^лети/.test(doc.tokens[h]?.lower ?? '') &&
  /^[-‐–]$/.test(doc.tokens[h - 1]?.text ?? '') &&
  doc.tokens[h - 2]?.kind === 'num';

function ruleAt(doc: Doc, h: number): EventRule | undefined {
  const t = doc.tokens[h] as Token;
  if (t.kind !== 'word') return undefined;
  if (/^лети/.test(t.lower) && !splitAnniversary(doc, h)) return undefined;
  const ls = lemmas(t);
  // «торжественное открытие праздника города»: the holiday is the event, not its opening.
  if (ls.includes('открытие') && doc.tokens[h + 1]?.kind === 'word' && ruleAt(doc, h + 1)) return undefined;
  const before = doc.tokens[h - 1]?.lower ?? '';
  const next = doc.tokens[h + 1]?.lower ?? '';
  const placeNext = doc.placeAt.has(h + 1) || doc.cityAdjAt.has(h + 1);
  const capital = t.cap && doc.sentences[t.sent]?.first !== h && !t.nlBefore;
  // «выставка-дегустация», «выставку-продажу»: a compound is read by its first part.
  const part = t.lower.includes('-')
    ? lemmas({
        ...t,
        text: t.lower.split('-')[0] as string,
        lower: t.lower.split('-')[0] as string,
        cap: false,
      })
    : [];
  return EVENT_RULES.find(
    (r) =>
      (r.nouns.some((n) => ls.includes(n) || part.includes(n)) || !!r.word?.test(t.lower)) &&
      (!r.adjective || r.adjective.test(before)) &&
      (!r.next || r.next.test(next)) &&
      (!r.nextPlace || placeNext) &&
      (!r.nextRegion ||
        (!!doc.tokens[h + 1]?.cap &&
          /^(област|кра[яюе]|район|республик)/.test(doc.tokens[h + 2]?.lower ?? ''))) &&
      (!r.capital || capital) &&
      (!r.sentenceFirst || doc.sentences[t.sent]?.first === h) &&
      (!r.clause || r.clause.test(doc.tokens[h + 3]?.lower ?? '')) &&
      (r.plural ||
        !!r.word?.test(t.lower) ||
        parsesOf(t).some((p) => p.tag.POS === 'NOUN' && p.tag.NMbr === 'sing')),
  );
}

/** The event phrase headed by token h: adjectives, the head in the nominative, a genitive tail. */
export function phraseAt(doc: Doc, h: number): Phrase | undefined {
  const rule = ruleAt(doc, h);
  if (!rule) return undefined;
  const { tokens } = doc;
  const head = tokens[h] as Token;
  const hp = headParse(doc, h, rule);
  const words: string[] = [];
  let first = h;
  for (let a = h - 1; a >= 0 && h - a <= 3; a--) {
    const t = tokens[a] as Token;
    // «78-ую годовщину»: a numeric ordinal in the nominative of the head's gender.
    const num = /^(\d+)-\p{L}{1,3}$/u.exec(t.text);
    if (num && t.sent === head.sent) {
      const ending = hp?.tag.GNdr === 'masc' ? 'й' : hp?.tag.GNdr === 'neut' ? 'е' : 'я';
      words.unshift(`${num[1]}-${ending}`);
      first = a;
      break;
    }
    const adj = parsesOf(t).find(
      (p) => (p.tag.POS === 'ADJF' || p.tag.POS === 'PRTF') && p.tag.CAse === hp?.tag.CAse,
    );
    if (
      !adj ||
      t.sent !== head.sent ||
      /^(эт|наш|ваш|свой|сво|котор|наиболее|весь|вс|одн|один|друг|кажд|люб|так|как|ещ|посвящ|приуроч)/.test(
        t.lower,
      )
    )
      break;
    const sentenceFirst = doc.sentences[t.sent]?.first === a && !doc.cityAdjAt.has(a);
    words.unshift(nominativeAdjective(t, adj, hp?.tag.GNdr, sentenceFirst));
    first = a;
  }
  // «75-ю годовщину»: a numeric ordinal belongs to the name, in the nominative.
  const ordinal = /^(\d+)-(я|ю|й|ая|ой|ую)$/.exec(tokens[first - 1]?.text ?? '');
  if (ordinal && first > 0 && rule.id === 'event.anniversary') {
    words.unshift(`${ordinal[1]}-я`);
    first--;
  }
  // «XV Международный форум»: a Roman ordinal belongs to the name.
  if (first > 0 && /^[IVXLC]+$/.test(tokens[first - 1]?.text ?? ''))
    words.unshift((tokens[--first] as Token).text);
  const nomn: Record<string, string> = { CAse: 'nomn' };
  if (hp?.tag.NMbr) nomn.NMbr = hp.tag.NMbr;
  // az does not know every «80-летию»: the ending alone gives the nominative.
  let headWord = ANNIVERSARY.test(head.lower)
    ? head.text.replace(/лети(е|я|ю|ем|и)$/u, 'летие')
    : inflectTo(head, hp, nomn);
  if (first === h && splitAnniversary(doc, h)) {
    headWord = `${(tokens[h - 2] as Token).text}-${headWord}`;
    first = h - 2;
  }
  const sentenceStart = doc.sentences[head.sent]?.first === h;
  words.push(first === h && sentenceStart ? headWord.toLowerCase() : headWord);
  // «Кашгарская торговая ярмарка»: the event's own city adjective places it.
  let city: string | undefined;
  // Only a capitalized one: «первомайская демонстрация» names a holiday, not Первомайск.
  for (let a = first; a < h && !city; a++) if (tokens[a]?.cap) city = doc.cityAdjAt.get(a)?.name;
  const reception = receptionAt(doc, h, rule);
  if (reception)
    return { first, last: reception.last, text: `${words.join(' ')} ${reception.text}`, city, rule };
  let k = h + 1;
  while (k < tokens.length && k - h <= 4) {
    const t = tokens[k] as Token;
    if (t.sent !== head.sent) break;
    const place = doc.placeAt.get(k);
    const person = doc.personAt.get(k);
    if (
      rule.tail?.includes(t.lower) &&
      tokens[k + 1]?.kind === 'word' &&
      !isFunctionWord(tokens[k + 1] as Token)
    ) {
      // «турнир по мини-футболу», «конференция по обмену опытом между городами-побратимами»
      k += 2;
      continue;
    }
    // «30-летие побратимских отношений с Пензой»: the partner belongs to the anniversary's name.
    const partner = doc.placeAt.get(k + 1);
    if (
      rule.id === 'event.anniversary' &&
      /^(с|со)$/.test(t.lower) &&
      PARTNERSHIP.test(tokens[k - 1]?.lower ?? '') &&
      partner?.first === k + 1
    ) {
      k = partner.last;
      break;
    }
    if (rule.tailNotWhere) {
      // «выставка продукции Пензы» shows what Пенза makes; it is held elsewhere.
    } else if (place?.city) city ??= place.name;
    else if (doc.cityAdjAt.has(k)) city ??= doc.cityAdjAt.get(k)?.name;
    if (/^[–—-]$/.test(t.text) && doc.personAt.get(k + 1)) {
      // «выступление нашей землячки – Дианы Лугиной»: the name replaces the description.
      const p = doc.personAt.get(k + 1)!;
      k = p.last;
      return {
        first,
        last: k,
        text: `${words.join(' ')} ${phraseText(tokens, p.first, p.last)}`,
        city,
        rule,
      };
    }
    // «форум болгарских и российских городов»: «и» between two genitive adjectives.
    if (
      t.lower === 'и' &&
      k > h + 1 &&
      isGenitiveAdjective(tokens[k - 1]) &&
      isGenitiveAdjective(tokens[k + 1])
    ) {
      k++;
      continue;
    }
    // «годовщина освобождения от захватчиков»: a deverbal noun keeps what it is freed from.
    if (
      t.lower === 'от' &&
      /(ени|ани)я$/.test(tokens[k - 1]?.lower ?? '') &&
      tokens[k + 1]?.kind === 'word' &&
      parsesOf(tokens[k + 1] as Token).some((p) => p.tag.CAse === 'gent')
    ) {
      k++;
      continue;
    }
    if (
      t.kind !== 'word' ||
      isFunctionWord(t) ||
      // «форум стали …»: a verb is no genitive tail.
      parsesOf(t)[0]?.tag.POS === 'VERB' ||
      !parsesOf(t).some((p) => p.tag.CAse === 'gent') ||
      /^(визит|делегац|год|гост)/.test(t.lower)
    ) {
      if (!person) break;
    }
    k = person ? person.last : place ? place.last : k + 1;
  }
  const q = quotedEnd(doc, k);
  if (q) k = q;
  const tail = phraseText(tokens, h + 1, k);
  return { first, last: k, text: [...words, tail].filter(Boolean).join(' '), city, rule };
}

/**
 * «Приём, на котором главы городов обсудили …»: a reception that opens its sentence is named by
 * those it gathered, the clause's subject in the genitive («приём глав городов»).
 */
function receptionAt(doc: Doc, h: number, rule: EventRule): { last: number; text: string } | undefined {
  const { tokens } = doc;
  if (rule.id !== 'event.reception-at') return undefined;
  const subject = tokens[h + 4];
  if (!subject || subject.sent !== tokens[h]?.sent) return undefined;
  const p = parsesOf(subject).find((x) => x.tag.POS === 'NOUN' && x.tag.CAse === 'nomn');
  if (!p) return undefined;
  const words = [inflectTo(subject, p, { CAse: 'gent', NMbr: p.tag.NMbr ?? 'plur' })];
  let k = h + 5;
  while (
    tokens[k]?.kind === 'word' &&
    tokens[k]?.sent === subject.sent &&
    !isFunctionWord(tokens[k] as Token) &&
    parsesOf(tokens[k] as Token)[0]?.tag.POS !== 'VERB' &&
    parsesOf(tokens[k] as Token).some((x) => x.tag.CAse === 'gent')
  )
    words.push((tokens[k++] as Token).text);
  return { last: h + 1, text: words.join(' ') };
}
