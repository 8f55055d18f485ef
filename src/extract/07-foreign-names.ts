/**
 * Pass 7, foreign names: names the dictionary does not know, read where a title announces a person.
 * «заместитель мэра Сун Минцзе», «мэр города Бао Линь Чжоу», «с мэром Самсуна Зия Йылмазом».
 */
import type { Token } from './01-tokens.ts';
import { parsesOf } from './02-morphology.ts';
import type { PersonMention } from './04-persons.ts';
import { TITLE_NOUNS } from './05-titles.ts';

/** What the scan of pass 7 found so far. */
interface Found {
  tokens: Token[];
  placeAt: Map<number, unknown>;
  cityAdjAt: Map<number, unknown>;
  personAt: Map<number, PersonMention>;
  persons: PersonMention[];
}

/** How far back a title may stand before the name: «мэр (города Самсуна) Зия Йылмаз». */
const REACH = 6;

const titleWord = (t: Token | undefined) =>
  !!t &&
  t.kind === 'word' &&
  (TITLE_NOUNS.has(t.lower) || TITLE_NOUNS.has(t.lower.replace(/(ом|ем|ой|ей|ым|а|я|у|ю|е)$/, '')));

/** A capitalized word no dictionary reads as a common word, a place or a known name. */
function foreignWord(f: Found, k: number): boolean {
  const t = f.tokens[k];
  if (!t || t.kind !== 'word' || !t.cap || t.upper || t.latin || t.text.length < 2) return false;
  if (f.placeAt.has(k) || f.cityAdjAt.has(k) || f.personAt.has(k)) return false;
  return !parsesOf(t).some(
    (p) =>
      p.parser === 'Dictionary' &&
      p.score >= 0.2 &&
      (p.tag.Geox || p.tag.Orgn || (!p.tag.Name && !p.tag.Surn && !p.tag.Patr)),
  );
}

/** A title word within reach before token k, with no verb, clause or sentence break between. */
function titled(f: Found, k: number): Token | undefined {
  const sent = f.tokens[k]?.sent;
  for (let j = k - 1; j >= 0 && k - j <= REACH; j--) {
    const t = f.tokens[j] as Token;
    if (t.sent !== sent || /^[,;:()–—-]$/.test(t.text)) return undefined;
    if (titleWord(t)) return t;
    if (t.kind === 'word' && parsesOf(t)[0]?.tag.POS === 'VERB') return undefined;
  }
  return undefined;
}

/** «Йылмазом» after «мэром»: a consonant-final foreign surname in the instrumental or genitive. */
function undeclined(word: string, title: Token): string {
  const oblique = parsesOf(title).find((p) => p.tag.POS === 'NOUN')?.tag.CAse;
  // «Йылмазом» → Йылмаз, «Ковачем» → Ковач, «Тунчелем» → Тунчель.
  if (oblique === 'ablt')
    return word
      .replace(/([бвгджзклмнпрстфхцчшщ])ом$/u, '$1')
      .replace(/([жчшщц])ем$/u, '$1')
      .replace(/([бвгдзклмнпрстфх])ем$/u, '$1ь');
  if (oblique === 'gent' || oblique === 'accs') return word.replace(/([бвгджзклмнпрстфхцчшщ])а$/u, '$1');
  return word;
}

/** Adds the foreign names after titles, and a third name part the rules left out. */
export function addForeignNames(f: Found): void {
  const { tokens } = f;
  for (let i = 0; i < tokens.length; i++) {
    const known = f.personAt.get(i);
    if (known && known.first === i) {
      // «Юсуф Зия Йилмаз», «Ли Хэ Донг»: a third unknown part right after a titled two-part name.
      const title = titled(f, i);
      const next = known.last;
      if (title && known.last - known.first === 2 && foreignWord(f, next) && !foreignWord(f, next + 1)) {
        const word = undeclined((tokens[next] as Token).text, title);
        const longer = {
          ...known,
          last: next + 1,
          name: `${known.name} ${word}`,
          full: `${known.full} ${word}`,
          surname: word,
        };
        f.persons[f.persons.indexOf(known)] = longer;
        for (let k = longer.first; k < longer.last; k++) f.personAt.set(k, longer);
      }
      i = f.personAt.get(i)!.last - 1;
      continue;
    }
    if (!foreignWord(f, i) || !foreignWord(f, i + 1) || tokens[i + 1]?.sent !== tokens[i]?.sent) continue;
    const title = titled(f, i);
    if (!title) continue;
    let last = i + 2;
    if (foreignWord(f, last) && tokens[last]?.sent === tokens[i]?.sent) last++;
    if (foreignWord(f, last)) continue;
    const parts = tokens.slice(i, last).map((t) => t.text);
    parts[parts.length - 1] = undeclined(parts[parts.length - 1] as string, title);
    const name = parts.join(' ');
    const m: PersonMention = {
      first: i,
      last,
      name,
      full: name,
      surname: parts[parts.length - 1],
      given: parts[0],
      case: 'nomn',
      gender: undefined,
      rule: 'per.foreign-after-title',
    };
    f.persons.push(m);
    for (let k = i; k < last; k++) f.personAt.set(k, m);
    i = last - 1;
  }
  f.persons.sort((a, b) => a.first - b.first);
}
