/**
 * The floor of a city's calendar feed: the bare SQL reading the rows the feed draws on (visits,
 * events and their participants, plan items, the city's twinnings) for one city and window, and
 * the least text a calendar accepts for them: one VEVENT per row, escaped, in the row's local
 * time without a VTIMEZONE, lines unfolded. No permission checks, no Russian cases, no reminders rules.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/db/database.ts';

const escape = (text: string | null) =>
  (text ?? '').replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\n/g, '\\n');
const compact = (date: string, time: string | null) =>
  time === null
    ? `;VALUE=DATE:${date.replaceAll('-', '')}`
    : `:${date.replaceAll('-', '')}T${time.replaceAll(':', '')}`;

function vevent(
  uid: string,
  start: string,
  startTime: string | null,
  summary: string,
  description: string | null,
) {
  return `BEGIN:VEVENT\r\nUID:${uid}@pobratim\r\nDTSTAMP:20261126T000000Z\r\nDTSTART${compact(start, startTime)}\r\nSUMMARY:${escape(summary)}\r\nDESCRIPTION:${escape(description)}\r\nEND:VEVENT\r\n`;
}

/** The rows of the city's feed over the window, written as a minimal calendar. */
export async function baselineFeed(
  db: Kysely<Database>,
  cityId: number,
  window: { from: string; to: string },
): Promise<string> {
  const { from, to } = window;
  const visits = await sql<{
    id: number;
    start_date: string;
    start_time: string | null;
    purpose: string | null;
    from_name: string;
    to_name: string;
    timezone: string | null;
  }>`
    select v.id, v.start_date, v.end_date, v.start_time, v.end_time, v.purpose,
           coalesce(f.name_ru, f.name_en) as from_name, coalesce(t.name_ru, t.name_en) as to_name, t.timezone
    from visit v join city f on f.id = v.from_city_id join city t on t.id = v.to_city_id
    where v.status <> 'cancelled' and (v.from_city_id = ${cityId} or v.to_city_id = ${cityId})
      and v.end_date >= ${from} and v.start_date <= ${to}
    order by v.start_date, v.id`.execute(db);
  const events = await sql<{
    id: number;
    name: string;
    start_date: string;
    start_time: string | null;
    description: string | null;
  }>`
    select e.id, e.name, e.kind, e.city_id, e.start_date, e.end_date, e.start_time, e.end_time,
           e.description, coalesce(c.name_ru, c.name_en) as city_name, c.timezone
    from event e join city c on c.id = e.city_id
    where e.start_date is not null and e.start_date <= ${to} and coalesce(e.end_date, e.start_date) >= ${from}
      and (e.city_id = ${cityId} or exists (
        select 1 from event_participant ep left join organization o on o.id = ep.organization_id
        where ep.event_id = e.id and coalesce(ep.city_id, o.city_id) = ${cityId}))
    order by e.start_date, e.id`.execute(db);
  const eventIds = events.rows.map((row) => row.id);
  await sql`
    select ep.event_id, ep.organization_id, coalesce(ep.city_id, o.city_id) as city_id
    from event_participant ep left join organization o on o.id = ep.organization_id
    where ep.event_id = any(${eventIds}::int[])`.execute(db);
  const planItems = await sql<{ id: number; title: string; due_on: string; agreement_title: string }>`
    select pi.id, pi.title, pi.due_on, pi.agreement_id, pi.responsible_organization_id, a.title as agreement_title
    from plan_item pi join agreement a on a.id = pi.agreement_id
    where pi.status in ('planned', 'in_progress') and a.status <> 'terminated'
      and pi.due_on >= ${from} and pi.due_on <= ${to}
      and exists (select 1 from agreement_party ap left join organization o on o.id = ap.organization_id
                  where ap.agreement_id = a.id and coalesce(ap.city_id, o.city_id) = ${cityId})
    order by pi.due_on, pi.id`.execute(db);
  const partners = await sql<{ id: number; name: string; city_day: string | null }>`
    select t.id, coalesce(c.name_ru, c.name_en) as name, c.city_day, c.founded_year
    from twinning t join city c on c.id = case when t.city_a_id = ${cityId} then t.city_b_id else t.city_a_id end
    where t.status = 'active' and (t.city_a_id = ${cityId} or t.city_b_id = ${cityId})`.execute(db);

  const parts = ['BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Pobratim//Pobratim//RU\r\n'];
  for (const v of visits.rows)
    parts.push(
      vevent(`visit-${v.id}`, v.start_date, v.start_time, `${v.from_name} → ${v.to_name}`, v.purpose),
    );
  for (const e of events.rows)
    parts.push(vevent(`event-${e.id}`, e.start_date, e.start_time, e.name, e.description));
  for (const p of planItems.rows)
    parts.push(vevent(`plan-item-${p.id}`, p.due_on, null, p.title, p.agreement_title));
  for (const p of partners.rows)
    if (p.city_day)
      parts.push(vevent(`city-day-${p.id}`, `${from.slice(0, 4)}${p.city_day.slice(1)}`, null, p.name, null));
  parts.push('END:VCALENDAR\r\n');
  return parts.join('');
}
