/** Pass 15, facts: event phrases become events, the dedicated one joined to its occasion. */
import { parsesOf } from './02-morphology.ts';
import { phraseText, type Doc } from './07-document.ts';
import { dateIn, isoDay, type DateMention } from './08-dates.ts';
import { phraseAt } from './15-events.ts';
import { celebrationOf, distinctEvents } from './15-event-occasions.ts';
import { ANAPHORIC, DEDICATED, INCLUDED, NAMED_BY, PROGRAM, PROPOSED, TO_HOLD } from './15-event-rules.ts';
import type { EventFact } from './extraction.schema.ts';

/** Events of the text; an event without a city of its own takes the visited city. */
export function findEvents(doc: Doc, dates: DateMention[], visited: string | undefined): EventFact[] {
  const out: EventFact[] = [];
  for (let i = 0; i < doc.tokens.length; i++) {
    const p = phraseAt(doc, i);
    if (!p) continue;
    if (!ofTheStory(doc, p.first, out.length > 0)) {
      i = p.last - 1;
      continue;
    }
    // «с единым праздником – Днем города»: the generic word gives way to the event it names.
    if (/^[–—-]$/.test(doc.tokens[p.last]?.text ?? '') && phraseAt(doc, p.last + 1)) continue;
    const celebration = celebrationOf(doc, p);
    // «соглашение о праздновании юбилея»: the topic of a document, not an event of the story.
    if (celebration && /^(о|об)$/.test(doc.tokens[celebration.first - 1]?.lower ?? '')) {
      i = p.last - 1;
      continue;
    }
    let text = celebration?.text ?? p.text;
    let city = p.city;
    let last = p.last;
    const c = doc.tokens[last];
    const dedicated = c?.text === ',' && DEDICATED.test(doc.tokens[last + 1]?.lower ?? '');
    const honour = c?.lower === 'в' && doc.tokens[last + 1]?.lower === 'честь';
    if (honour) {
      // «торжественная церемония в честь 40-летия дружбы»: the occasion stays as written.
      const inner = phraseAt(doc, last + 2);
      if (inner?.first === last + 2) {
        text = `${text} в честь ${phraseText(doc.tokens, inner.first, inner.last)}`;
        city = inner.city ?? city;
        last = inner.last;
      }
    } else if (dedicated) {
      for (let j = last + 2; j < last + 6; j++) {
        const inner = phraseAt(doc, j);
        if (!inner) continue;
        text = `${text}, ${inner.text}`;
        city = inner.city ?? city;
        last = inner.last;
        break;
      }
    }
    const sent = doc.tokens[i]?.sent ?? 0;
    const date = dateIn(dates, sent);
    // A bare «форум» after «Международный форум городов-побратимов» is the same event again.
    const bare = !text.includes(' ') && out.some((e) => e.rule === p.rule.id);
    city ??= cityWhere(doc, sent);
    if (!bare && !out.some((e) => e.name === text))
      out.push({
        name: text,
        city: city ?? visited ?? doc.homeCity ?? null,
        date: date ? isoDay(date.from) : null,
        span: [doc.tokens[celebration?.first ?? p.first]?.start ?? 0, doc.tokens[last - 1]?.end ?? 0],
        rule: p.rule.id,
      });
    i = last - 1;
  }
  return distinctEvents(out);
}

/**
 * Whether the event phrase starting at token first is an event of the story: not a word that names
 * a monument, a venue or a title («памятник Тысячелетия»), not an event only proposed, not a part of
 * another event's program, not a second mention («наш праздник») once an event is known.
 */
function ofTheStory(doc: Doc, first: number, known: boolean): boolean {
  const { tokens } = doc;
  const before = tokens[first - 1];
  if (before && NAMED_BY.test(before.lower)) return false;
  if (known && before && ANAPHORIC.test(before.lower)) return false;
  const s = doc.sentences[tokens[first]?.sent ?? -1];
  if (!s) return true;
  let proposed = false;
  let program = false;
  for (let k = s.first; k < first; k++) {
    const w = tokens[k]?.lower ?? '';
    if (PROPOSED.test(w)) proposed = true;
    else if (proposed && TO_HOLD.test(w)) return false;
    if (PROGRAM.test(w)) program = true;
    else if (program && INCLUDED.test(w)) return false;
  }
  return true;
}

/** Institutions an event is held in. */
const VENUE =
  /^(музе|театр|библиотек|администраци|мэри|ратуш|дворц|доме|центре|школ|гимнази|лице|университет|филармони)/;

/** «… состоится в Пензе»: the city the sentence places its event in. */
function cityWhere(doc: Doc, sent: number): string | undefined {
  const s = doc.sentences[sent];
  if (!s) return undefined;
  // «Пинск отметил 30-летие дружбы с Пензой»: the town that opens the sentence and celebrates.
  const subject = doc.placeAt.get(s.first);
  const verb = doc.tokens[subject?.last ?? -1];
  if (subject?.city && verb && parsesOf(verb).some((p) => p.tag.POS === 'VERB')) return subject.name;
  for (let k = s.first + 1; k < s.last; k++) {
    const place = doc.placeAt.get(k);
    if (place?.city && /^(в|во)$/.test(doc.tokens[k - 1]?.lower ?? '')) return place.name;
  }
  // «в музее истории Пинска», «в администрации Пензы»: the town of the institution it is held in.
  for (let k = s.first + 1; k < s.last; k++) {
    if (!/^(в|во)$/.test(doc.tokens[k - 1]?.lower ?? '') || !VENUE.test(doc.tokens[k]?.lower ?? '')) continue;
    for (let j = k + 1; j <= k + 2 && j < s.last; j++) {
      const place = doc.placeAt.get(j);
      if (place?.city) return place.name;
    }
  }
  // «наш город отметил 155-летие»
  for (let k = s.first; k < s.last; k++)
    if (/^наш/.test(doc.tokens[k]?.lower ?? '') && /^город/.test(doc.tokens[k + 1]?.lower ?? ''))
      return doc.homeCity;
  return undefined;
}
