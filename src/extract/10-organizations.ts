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

/** Spheres whose institutions a locating adjective names well enough: «в городском музее». */
const LOCAL = new Set(['culture', 'education', 'sport', 'health']);
const LOCATING = /^(городск|районн|областн|краеведческ)/;

const VILLAGE = new Set(['п', 'пос', 'д', 'дер', 'аг', 'с', 'пгт']);

/** «Бресте», «г. Бресте» after «в» (any place when `anyPlace`); «п. Корнево» always: a village school. */
function seatEnd(
  doc: Doc,
  k: number,
  anyPlace: boolean,
): { city: string | undefined; end: number } | undefined {
  const { tokens } = doc;
  const t = tokens[k];
  const name = tokens[k + 2];
  if (t && VILLAGE.has(t.lower) && tokens[k + 1]?.text === '.' && name?.cap && name.kind === 'word') {
    const place = doc.placeAt.get(k + 2);
    return place ? { city: place.name, end: place.last } : { city: name.text, end: k + 3 };
  }
  if (!anyPlace) return undefined;
  const tail = cityTail(doc, k);
  if (tail) return tail;
  const place = doc.placeAt.get(k);
  return place ? { city: place.city ? place.name : undefined, end: place.last } : undefined;
}

const isAdjective = (t: Token) => t.kind === 'word' && parsesOf(t).some((p) => p.tag.POS === 'ADJF');

/** «Мингорисполком», «Гомельоблисполком»: a body of power written as one word with its city's stem. */
export function compoundBodyAt(doc: Doc, h: number): OrgMention | undefined {
  const t = doc.tokens[h] as Token;
  const m = /^(\p{Lu}\p{Ll}{2,}?)(гор|обл|рай)исполком(а|у|ом|е)?$/u.exec(t.text);
  const kind = ORG_KINDS.get('исполком');
  if (!m || !kind) return undefined;
  const stem = m[1] as string;
  const hit = [stem, `${stem}ск`].map((n) => doc.cities.lookup(n)).find((x) => x);
  const name = t.text.slice(0, t.text.length - (m[3]?.length ?? 0));
  return { first: h, last: h + 1, name, city: hit?.name, kind, distinct: !!hit, rule: 'org.compound-body' };
}

/** District names found in many towns: after people, dates, directions, the town's centre. */
const URBAN_DISTRICT =
  /^(ленинск|октябрьск|советск|первомайск|центральн|кировск|заводск|фрунзенск|московск|партизанск|пролетарск|железнодорожн|калининск|куйбышевск|дзержинск|красноармейск|индустриальн|северн|южн|восточн|западн)/;

const placeNames = new WeakMap<Doc, Set<string>>();

/** True when a place of that name is mentioned in the text. */
function namesTown(doc: Doc, name: string): boolean {
  let names = placeNames.get(doc);
  if (!names) {
    names = new Set([...doc.placeAt.values()].map((p) => p.name));
    placeNames.set(doc, names);
  }
  return names.has(name);
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
    // «Ленинским районом», «Октябрьским районом»: districts of many towns named after people, dates
    // and directions name their town only when the text names it too (no Ленинск, no Октябрьск).
    const shared = !!cityAdj && kind.place && URBAN_DISTRICT.test(t.lower) && !namesTown(doc, cityAdj.name);
    if (cityAdj && !shared) city ??= cityAdj.name;
    const isFirstWord = doc.sentences[t.sent]?.first === a;
    if (cityAdj && !t.cap) words.unshift('');
    else words.unshift(nominativeAdjective(t, adj, hp.tag.GNdr, isFirstWord && !cityAdj));
    if (cityAdj && t.cap) proper = true;
    first = a;
  }
  if (kind.needs && !words.some((w) => kind.needs?.test(w.toLowerCase()))) return undefined;
  // «в Центре олимпийского резерва» (a capital inside the sentence), «в городском музее».
  const capital = !kind.power && head.cap && !head.nlBefore && doc.sentences[head.sent]?.first !== h;
  const locating =
    LOCAL.has(kind.sphere) && hk[0] !== 'центр' && words.some((w) => LOCATING.test(w.toLowerCase()));
  const headWord = inflectTo(head, hp, { CAse: 'nomn', NMbr: 'sing' });
  words.push(first === h && doc.sentences[head.sent]?.first === h ? headWord.toLowerCase() : headWord);
  let k = h + 1;
  if (kind.tail) {
    const start = k;
    while (k < limit && k - start < 6) {
      const t = tokens[k] as Token;
      if (t.kind !== 'word' || t.sent !== head.sent || ORG_TAIL_STOP.has(t.lower) || doc.personAt.has(k))
        break;
      if (doc.placeAt.has(k) || doc.cityAdjAt.has(k)) break;
      // «управления администрации» starts a second body; «центрального округа» is one phrase.
      if (headKind(t) && !isAdjective(tokens[k - 1] as Token)) break;
      // «Центр творчества детей и молодежи»: «и» joins two genitives of one tail.
      if (t.lower === 'и' && k > start && genitiveTailWord(doc, k + 1) && !doc.placeAt.has(k + 1)) {
        k++;
        continue;
      }
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
    if (place && place.case === 'gent' && !kind.body && words.length > 1) {
      // «музей истории Иркутска»: the city is named, «Посольство России»: the country stays in the name.
      if (place.city) city ??= place.name;
      else words.push(phraseText(tokens, k, place.last));
      k = place.last;
      continue;
    }
    // «Центр творчества детей и молодежи Солигорского района»: the district of a town names its town.
    const districtOf = doc.cityAdjAt.get(k);
    if (
      districtOf &&
      !kind.place &&
      /^(района|округа)$/.test(tokens[k + 1]?.lower ?? '') &&
      words.length > 1
    ) {
      city ??= districtOf.name;
      words.push(phraseText(tokens, k, k + 2));
      k += 2;
      continue;
    }
    const seat = /^(в|во)$/.test(t.lower) ? seatEnd(doc, k + 1, !!kind.seat) : undefined;
    if (seat) {
      // «Генеральное консульство России в Бресте»
      city ??= seat.city;
      words.push(phraseText(tokens, k, seat.end));
      k = seat.end;
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
  // A capital or a locating adjective names it, if more than the bare head is written.
  if ((capital || locating) && words.length > 1) distinct = true;
  // A name of its own is kept as written: the capital of «Гимназия № 1 г. Барановичи» opening a
  // sentence is the name's, not only the sentence's; a bare «Школа» there is lowered as any noun.
  const opens = doc.sentences[(tokens[first] as Token).sent]?.first === first;
  const joined = words.filter(Boolean).join(' ');
  const name = opens && distinct && (tokens[first] as Token).cap ? upperFirst(joined) : joined;
  return { first, last: k, name, city, kind, distinct, rule: `org.${hk[0]}` };
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
