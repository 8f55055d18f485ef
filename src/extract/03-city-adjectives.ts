/** City adjectives: «кузнецкий» → Кузнецк, «Барановичский» → Барановичи, «гомельский» → Гомель. */
import type { Token } from './01-tokens.ts';
import { lemmas, parsesOf } from './02-morphology.ts';
import type { CityLookup, PlaceHit } from './03-places.ts';

/** Adjectives whose city does not follow from the stem. */
const IRREGULAR: Record<string, string> = {
  московский: 'Москва',
  петербургский: 'Санкт-Петербург',
  орловский: 'Орёл',
  великолукский: 'Великие Луки',
  нижегородский: 'Нижний Новгород',
  новгородский: 'Великий Новгород',
  тверской: 'Тверь',
  псковский: 'Псков',
  архангельский: 'Архангельск',
  ростовский: 'Ростов-на-Дону',
  минский: 'Минск',
  бишкекский: 'Бишкек',
  алматинский: 'Алматы',
  ташкентский: 'Ташкент',
};

/** Words that end like city adjectives but name no city. */
const NOT_CITY = new Set(
  'городской районный областной сельский поселковый детский женский мужской человеческий дружеский братский творческий исторический практический политический экономический научно-практический общеобразовательный спортивный английский немецкий французский китайский российский белорусский советский международный европейский азиатский славянский первомайский'.split(
    ' ',
  ),
);

const caches = new WeakMap<CityLookup, Map<string, PlaceHit | null>>();

function stemCandidates(lemma: string): string[] {
  const m = /^(.+?)(ск|цк)(?:ий|ой)$/.exec(lemma);
  if (!m) return [];
  const base = m[1] ?? '';
  const sk = m[2] === 'цк' ? (base.endsWith('е') ? 'цк' : 'тск') : 'ск';
  const whole = base + (m[2] === 'цк' ? 'цк' : 'ск');
  const out = [whole, base, base + 'и', base + 'ь', base + 'а', base + 'о', base + 'ы', base + sk];
  if (base.endsWith('ен')) out.push(base.slice(0, -2) + 'а', base.slice(0, -2) + 'о');
  if (base.endsWith('ин')) out.push(base.slice(0, -2) + 'а');
  if (base.endsWith('ов') || base.endsWith('ев')) out.push(base);
  return out;
}

/** The city named by an adjective, or undefined; candidates are checked against the gazetteer. */
export function cityFromAdjective(t: Token, lookup: CityLookup): PlaceHit | undefined {
  if (!parsesOf(t).some((p) => p.tag.POS === 'ADJF')) return undefined;
  const key = t.lower;
  let cache = caches.get(lookup);
  if (!cache) caches.set(lookup, (cache = new Map()));
  const cached = cache.get(key);
  if (cached !== undefined) return cached ?? undefined;
  let found: PlaceHit | undefined;
  for (const lemma of lemmas(t)) {
    if (NOT_CITY.has(lemma) || !/(ск|цк)(ий|ой)$/.test(lemma)) continue;
    const irregular = IRREGULAR[lemma];
    const names = irregular ? [irregular] : stemCandidates(lemma);
    for (const n of names) {
      const hit = lookup.lookup(n.charAt(0).toUpperCase() + n.slice(1));
      if (hit && (hit.population >= 5000 || irregular)) {
        found = hit;
        break;
      }
    }
    if (found) break;
  }
  if (cache.size > 50_000) cache.clear();
  cache.set(key, found ?? null);
  return found;
}
