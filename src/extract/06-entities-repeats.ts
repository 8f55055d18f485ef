/** Repeated mentions: a name found once by a rule is found again elsewhere in the same text. */
import type { Token } from './01-tokens.ts';
import type { Mention } from './06-entities.ts';
import { isCommonWord, nameStem } from './06-entities-words.ts';

interface Known {
  type: Mention['type'];
  normal: string;
}

const TYPE_ORDER: Record<Mention['type'], number> = { PER: 0, ORG: 1, LOC: 2 };

/**
 * New mentions of single words already found as names: «Романо Проди … Проди сказал» finds the
 * second «Проди» as the same person, with the surname's nominative as its normal form.
 */
export function propagate(
  tokens: Token[],
  found: Mention[],
  taken: Uint8Array,
  types: Mention['type'][],
): Mention[] {
  const known = knownNames(tokens, found);
  const out: Mention[] = [];
  for (const t of tokens) {
    if (taken[t.i] || t.kind !== 'word' || !(t.cap || t.upper) || t.text.length < 3) continue;
    const k = known.get(nameStem(t.text));
    if (!k || !types.includes(k.type) || (k.type === 'PER' && isCommonWord(t) && !t.cap)) continue;
    out.push({
      first: t.i,
      last: t.i + 1,
      type: k.type,
      normal: k.normal,
      rule: `repeat.${k.type.toLowerCase()}`,
    });
  }
  return out;
}

// Rules whose single-word finds yield to a surname the text gives in full elsewhere.
const WEAK_RULES = new Set(['loc.place', 'repeat.loc', 'repeat.org', 'org.latin', 'org.known']);

/** «Оливер Кан … Кан отбил мяч»: a lone word a weak rule took for a town is the surname of a person named in full. */
export function relabelSurnames(tokens: Token[], found: Mention[]): Mention[] {
  const known = knownNames(tokens, found);
  for (const m of found) {
    if (m.type === 'PER' || m.last - m.first !== 1 || !WEAK_RULES.has(m.rule)) continue;
    const k = known.get(nameStem((tokens[m.first] as Token).text));
    if (k?.type !== 'PER') continue;
    Object.assign(m, { type: 'PER', normal: k.normal, rule: 'repeat.per' });
  }
  return found;
}

// Single-word names by their stem: surnames of full person names first, then orgs, then places.
function knownNames(tokens: Token[], found: Mention[]): Map<string, Known> {
  const known = new Map<string, Known>();
  const ordered = [...found].sort((a, b) => TYPE_ORDER[a.type] - TYPE_ORDER[b.type]);
  for (const m of ordered) {
    const words = tokens.slice(m.first, m.last).filter((t) => t.kind === 'word');
    if (m.type === 'PER') {
      const last = words[words.length - 1];
      const normalLast = m.normal.split(' ').pop() ?? '';
      // Only full names teach a surname; a lone word may be a misreading.
      if (words.length >= 2 && last && last.text.length > 2) {
        const key = nameStem(last.text);
        if (!known.has(key)) known.set(key, { type: 'PER', normal: normalLast });
      }
    } else if (words.length === 1 && m.last - m.first === 1) {
      const key = nameStem((words[0] as Token).text);
      if (!known.has(key)) known.set(key, { type: m.type, normal: m.normal });
    }
  }
  return known;
}

/**
 * A Latin name in brackets after a mention names the same thing:
 * «Комитет защиты журналистов (Committee to Protect Journalists)», «Ши Тао (Shi Tao)».
 */
export function retypeParentheses(tokens: Token[], found: Mention[]): Mention[] {
  const byFirst = new Map(found.map((m) => [m.first, m]));
  for (const m of found) {
    const open = tokens[m.last];
    const inner = byFirst.get(m.last + 1);
    if (open?.text !== '(' || !inner || !inner.rule.endsWith('latin') || tokens[inner.last]?.text !== ')')
      continue;
    if (m.type === 'PER') inner.type = 'PER';
  }
  return found;
}
