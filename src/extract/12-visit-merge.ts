/** Visit drafts merged into visits: sentences about the same trip become one fact. */
import type { Doc } from './07-document.ts';
import { isoDay, type DateMention } from './08-dates.ts';
import { endInLaterSentence, type VisitDraft } from './12-visits.ts';
import { HOME_AS_GUEST, HOME_AS_HOST, HOME_MENTION } from './12-visit-rules.ts';
import type { Side } from './12-visit-cities.ts';
import type { Visit } from './extraction.schema.ts';

const cityOf = (side: Side | undefined, home: string | undefined): string | undefined =>
  side === undefined ? undefined : 'city' in side ? side.city : home;

function compatible(a: VisitDraft, b: VisitDraft, home: string | undefined): boolean {
  // Guests of one country are one visit; a draft that names no country may not join them.
  if (a.abroad !== b.abroad) return false;
  const same = (x: Side | undefined, y: Side | undefined) => {
    const cx = cityOf(x, home);
    const cy = cityOf(y, home);
    return !cx || !cy || cx === cy;
  };
  return same(a.from, b.from) && same(a.to, b.to);
}

/** Drafts that agree on their cities join the first; a draft naming other cities opens a new visit. */
export function mergeVisits(drafts: VisitDraft[], home: string | undefined): VisitDraft[] {
  const out: VisitDraft[] = [];
  for (const d of drafts) {
    // The city in the head's title («мэр Кузнецка») names the visitors only when nothing else does.
    if (!d.from && d.head?.title?.city && !out.length)
      d.from = { city: d.head.title.city, rule: 'from.head-title' };
    const known = out.find((v) => compatible(v, d, home));
    if (!known) {
      if (d.from || d.to || d.abroad || out.length === 0) out.push({ ...d });
      continue;
    }
    known.from ??= d.from;
    known.to ??= d.to;
    known.kind ??= d.kind;
    known.head ??= d.head;
    if (!known.start && d.start) {
      known.start = d.start;
      known.end = d.end;
      known.openEnd = d.openEnd;
    }
  }
  return out;
}

/**
 * The home city: given; else the side a «наш город» phrase puts it on («в наш город» the host,
 * «наша делегация» the guests, a mention that says no side the host); else the city named most.
 */
export function guessHome(doc: Doc, drafts: VisitDraft[]): string | undefined {
  if (doc.homeCity) return doc.homeCity;
  const first = drafts.find((d) => (d.from && 'city' in d.from) || (d.to && 'city' in d.to));
  const from = cityOf(first?.from, undefined);
  const to = cityOf(first?.to, undefined);
  const host = HOME_AS_HOST.test(doc.text);
  const guest = HOME_AS_GUEST.test(doc.text);
  const mention = HOME_MENTION.test(doc.text);
  if (from && to) {
    if (guest && !host) return from;
    return host || mention ? to : undefined;
  }
  if (to && host && !guest) return to;
  if (from && guest && !host) return from;
  // The writer's own town goes unnamed as a side of the visit but shows in its institutions.
  if (from || to || mention) return mostNamedCity(doc, from ?? to);
  return undefined;
}

function mostNamedCity(doc: Doc, except: string | undefined): string | undefined {
  const counts = new Map<string, number>();
  const add = (name: string) => name !== except && counts.set(name, (counts.get(name) ?? 0) + 1);
  for (const p of doc.placeAt.values()) if (p.city) add(p.name);
  for (const hit of doc.cityAdjAt.values()) add(hit.name);
  let best: string | undefined;
  for (const [name, n] of counts) if (!best || n > (counts.get(best) ?? 0)) best = name;
  return best;
}

/** The visits field: sides resolved against the home city, dates in ISO, the head as a person. */
export function visitFacts(
  doc: Doc,
  visits: VisitDraft[],
  dates: DateMention[],
  home: string | undefined,
): Visit[] {
  const out: Visit[] = [];
  const hosted = visits.some((v) => cityOf(v.from, home) && home && cityOf(v.to, home) === home);
  for (const v of visits) {
    let from = cityOf(v.from, home);
    let to = cityOf(v.to, home);
    // «Затем гости совершили поездку в Красный Берег»: with guests in the home city, a trip that
    // names no travellers is their excursion, not a visit of the home city.
    if (!from && to && home && to !== home && hosted) continue;
    if (!from && to && home && to !== home && !v.abroad) from = home;
    if (!to && from && home && from !== home) to = home;
    if (!from && !to) {
      doc.warnings.push(`a visit without cities in sentence ${v.sent + 1}`);
      continue;
    }
    // «Иркутск отпраздновал …, в празднике приняли участие мэр Иркутска …»: no town visits itself.
    if (from && from === to) continue;
    let end = v.end;
    if (v.start && !end && v.openEnd) end = endInLaterSentence(doc, dates, v.sent);
    const head = v.head
      ? { name: v.head.person?.name ?? null, position: v.head.title?.text ?? null, rule: v.head.rule }
      : null;
    out.push({
      from_city: from ?? null,
      to_city: to ?? null,
      start: v.start ? isoDay(v.start) : null,
      end: end ? isoDay(end) : null,
      kind: v.kind,
      head,
      span: v.span,
      rule: v.rule,
    });
  }
  return out;
}
