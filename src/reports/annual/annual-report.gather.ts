import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { notFound, validationFailed } from '../../errors.ts';
import { countryName } from '../../gazetteer/countries.ts';
import { hasPartyInCity } from '../../modules/agreements/party.repository.ts';
import type {
  AnnualReportData,
  InstitutionPartnership,
  LegalFrame,
  PartnerCity,
  PlanOutcome,
  ReportAgreement,
  ReportEvent,
  ReportParty,
  ReportPlanItem,
  ReportStatistics,
  ReportVisit,
} from './annual-report.data.ts';

/** The years a report may cover: the registry's records start well after 1950. */
export const REPORT_YEARS = { min: 1950, max: 2100 } as const;

const cityName = sql<string>`coalesce(c.name_ru, c.name_en)`;

/**
 * Gathers one city's international links in one year from the registry: one query per table of
 * the report, run in one read-only snapshot so the tables agree with each other.
 */
export async function gatherAnnualReport(
  db: Kysely<Database>,
  cityId: number,
  year: number,
  today = new Date().toISOString().slice(0, 10),
): Promise<AnnualReportData> {
  if (!Number.isInteger(year) || year < REPORT_YEARS.min || year > REPORT_YEARS.max) {
    throw validationFailed(
      `The year must be between ${REPORT_YEARS.min} and ${REPORT_YEARS.max}; got ${year}.`,
    );
  }
  if (!db.isTransaction)
    return db.transaction().execute((trx) => gatherAnnualReport(trx, cityId, year, today));
  const city = await db.selectFrom('city').selectAll().where('id', '=', cityId).executeTakeFirst();
  if (!city) throw notFound('City', cityId);

  const period = { start: `${year}-01-01`, end: `${year}-12-31` };
  // A report on the current year states what is in force today, not on a 31 December still to come.
  const asOf = today < period.end && today >= period.start ? today : period.end;

  const agreements = await selectAgreements(db, cityId);
  const inForce = agreements.filter((a) => isInForce(a, asOf));
  const concluded = agreements.filter((a) => a.signedOn !== null && within(a.signedOn, period));
  // Lapsed comes from what is stored: the path's stage «ended» in the year; an agreement recorded
  // before paths were kept, by its stored status (expired or terminated) with its end date in the
  // year. An end date passed alone, its agreement still stored as in force, is not a lapse.
  const lapsed = agreements.filter((a) =>
    a.hasPath
      ? a.endedOn != null && within(a.endedOn, period)
      : a.validUntil !== null &&
        within(a.validUntil, period) &&
        (a.status === 'expired' || a.status === 'terminated'),
  );
  const partnerCities = await selectPartnerCities(db, cityId, asOf, inForce);
  const visits = await selectVisits(db, cityId, period);
  const events = await selectEvents(db, cityId, period);
  const plan = await selectPlan(db, cityId, period, asOf);
  const institutionPartnerships = await selectInstitutionPartnerships(db, cityId, period, inForce, concluded);

  const visitsOut = visits.filter((v) => v.direction === 'out');
  const visitsIn = visits.filter((v) => v.direction === 'in');
  const data = {
    year,
    generatedOn: today,
    city: {
      id: city.id,
      name: city.name_ru ?? city.name_en,
      nameEn: city.name_en,
      country: city.country,
      countryName: countryName(city.country),
    },
    legalFrame: legalFrameOf(city.country),
    partnerCities,
    agreementsInForce: inForce,
    agreementsConcluded: concluded,
    agreementsLapsed: lapsed,
    visitsOut,
    visitsIn,
    events,
    plan,
    institutionPartnerships,
  };
  return { ...data, statistics: summarize(data) };
}

/** The frame the report answers to, by the city's country. */
export function legalFrameOf(country: string): LegalFrame {
  if (country === 'RU') return 'russia';
  if (country === 'BY') return 'belarus';
  return 'other';
}

function within(date: string, period: { start: string; end: string }): boolean {
  return date >= period.start && date <= period.end;
}

function isInForce(agreement: ReportAgreement, asOf: string): boolean {
  if (agreement.status !== 'in_force') return false;
  if (agreement.signedOn !== null && agreement.signedOn > asOf) return false;
  return agreement.validUntil === null || agreement.validUntil >= asOf || agreement.autoRenew;
}

interface AgreementPartyRow {
  agreement_id: number;
  name: string;
  city_name: string;
  home_city_id: number;
}

/** Every agreement with a party in the city (the city or its institutions), with all parties named. */
async function selectAgreements(db: Kysely<Database>, cityId: number): Promise<ReportAgreement[]> {
  const rows = await db
    .selectFrom('agreement')
    .select([
      'agreement.id',
      'agreement.kind',
      'agreement.title',
      'agreement.status',
      'agreement.valid_until',
      'agreement.auto_renew',
      // The stored signing day (a day decided on import and by migration 0020), as every screen shows it.
      'agreement.signed_on',
      sql<string | null>`(select max(s.entered_on) from agreement_stage s
        where s.agreement_id = agreement.id and s.stage = 'ended')`.as('ended_on'),
      sql<boolean>`agreement.stage is not null`.as('has_path'),
    ])
    .where(hasPartyInCity('agreement_party', 'agreement.id', cityId))
    .orderBy('agreement.signed_on', (ob) => ob.asc().nullsFirst())
    .orderBy('agreement.id')
    .execute();
  if (rows.length === 0) return [];
  const { rows: partyRows } = await sql<AgreementPartyRow>`
    SELECT p.agreement_id, coalesce(o.name, c.name_ru, c.name_en) AS name,
      coalesce(c.name_ru, c.name_en) AS city_name, c.id AS home_city_id
    FROM agreement_party p
    LEFT JOIN organization o ON o.id = p.organization_id
    JOIN city c ON c.id = coalesce(p.city_id, o.city_id)
    WHERE p.agreement_id IN (${sql.join(rows.map((row) => row.id))})
    ORDER BY p.agreement_id, (c.id = ${cityId}) DESC, p.organization_id NULLS FIRST, p.id
  `.execute(db);
  const parties = new Map<number, ReportParty[]>();
  for (const row of partyRows) {
    const list = parties.get(row.agreement_id) ?? [];
    list.push({
      name: row.name,
      cityId: row.home_city_id,
      cityName: row.city_name,
      local: row.home_city_id === cityId,
    });
    parties.set(row.agreement_id, list);
  }
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    title: row.title,
    status: row.status,
    signedOn: row.signed_on,
    validUntil: row.valid_until,
    autoRenew: row.auto_renew,
    endedOn: row.ended_on,
    hasPath: row.has_path,
    parties: parties.get(row.id) ?? [],
  }));
}

/** The city's twinnings established by the date, with the count of agreements in force with each partner. */
async function selectPartnerCities(
  db: Kysely<Database>,
  cityId: number,
  asOf: string,
  inForce: ReportAgreement[],
): Promise<PartnerCity[]> {
  const rows = await db
    .selectFrom('twinning as t')
    .innerJoin('city as c', (join) =>
      join.on(sql<boolean>`c.id = CASE WHEN t.city_a_id = ${cityId} THEN t.city_b_id ELSE t.city_a_id END`),
    )
    .select([
      'c.id as city_id',
      cityName.as('name'),
      'c.country',
      't.tier',
      't.status',
      't.established_on',
      't.established_year',
    ])
    .where((eb) => eb.or([eb('t.city_a_id', '=', cityId), eb('t.city_b_id', '=', cityId)]))
    .where('t.status', 'in', ['active', 'suspended'])
    .where((eb) => eb.or([eb('t.established_on', 'is', null), eb('t.established_on', '<=', asOf)]))
    .orderBy(sql`coalesce(t.established_year, extract(year from t.established_on)::int)`, (ob) =>
      ob.asc().nullsLast(),
    )
    .orderBy('c.sort_key')
    .execute();
  return rows.map((row) => {
    const name = row.name;
    return {
      cityId: row.city_id,
      name,
      countryName: countryName(row.country),
      tier: row.tier,
      status: row.status,
      establishedOn: row.established_on,
      establishedYear:
        row.established_year ?? (row.established_on ? Number(row.established_on.slice(0, 4)) : null),
      agreementsInForce: inForce.filter((a) => a.parties.some((p) => p.cityId === row.city_id)).length,
    };
  });
}

/** Visits out of and into the city that overlap the year; cancelled ones are left out. */
async function selectVisits(
  db: Kysely<Database>,
  cityId: number,
  period: { start: string; end: string },
): Promise<ReportVisit[]> {
  const rows = await db
    .selectFrom('visit as v')
    .innerJoin('city as f', 'f.id', 'v.from_city_id')
    .innerJoin('city as t', 't.id', 'v.to_city_id')
    .leftJoin('person as h', 'h.id', 'v.head_person_id')
    .select([
      'v.id',
      'v.from_city_id',
      'v.start_date',
      'v.end_date',
      'v.kind',
      'v.status',
      'v.head_position',
      'v.purpose',
      'v.outcomes',
      'h.full_name as head_name',
      sql<string>`coalesce(f.name_ru, f.name_en)`.as('from_name'),
      sql<string>`coalesce(t.name_ru, t.name_en)`.as('to_name'),
      sql<number>`(SELECT count(*)::int FROM visit_member m WHERE m.visit_id = v.id)`.as('members'),
      sql<string[]>`coalesce((SELECT array_agg(a.title ORDER BY a.id) FROM agreement a
        WHERE a.signed_at_visit_id = v.id), '{}')`.as('agreements'),
    ])
    .where((eb) => eb.or([eb('v.from_city_id', '=', cityId), eb('v.to_city_id', '=', cityId)]))
    .where('v.status', '!=', 'cancelled')
    .where('v.start_date', '<=', period.end)
    .where('v.end_date', '>=', period.start)
    .orderBy('v.start_date')
    .orderBy('v.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    direction: row.from_city_id === cityId ? 'out' : 'in',
    fromCity: row.from_name,
    toCity: row.to_name,
    startDate: row.start_date,
    endDate: row.end_date,
    kind: row.kind,
    status: row.status,
    headName: row.head_name,
    headPosition: row.head_position,
    purpose: row.purpose,
    outcomes: row.outcomes,
    members: Number(row.members),
    agreementsSigned: row.agreements,
  }));
}

/**
 * Events of the year held in the city, or elsewhere with the city, its institutions, its people or
 * its delegation taking part.
 */
async function selectEvents(
  db: Kysely<Database>,
  cityId: number,
  period: { start: string; end: string },
): Promise<ReportEvent[]> {
  const rows = await db
    .selectFrom('event as e')
    .innerJoin('city as c', 'c.id', 'e.city_id')
    // The stored days: an event a press release names without a day (a city day during a visit) was
    // given the visit's days when it was accepted (or by migration 0020), as the calendar shows them.
    .select([
      'e.id',
      'e.name',
      'e.kind',
      sql<string>`e.start_date`.as('start_date'),
      'e.end_date',
      'e.description',
      cityName.as('city_name'),
      sql<string[]>`coalesce((
        SELECT array_agg(coalesce(pp.full_name, o.name, pc.name_ru, pc.name_en)
          || coalesce(' (' || ep.role || ')', '') ORDER BY ep.id)
        FROM event_participant ep
        LEFT JOIN person pp ON pp.id = ep.person_id
        LEFT JOIN organization o ON o.id = ep.organization_id
        LEFT JOIN city pc ON pc.id = ep.city_id
        WHERE ep.event_id = e.id), '{}')`.as('participants'),
    ])
    .where(sql<boolean>`e.start_date <= ${period.end}`)
    .where(sql<boolean>`coalesce(e.end_date, e.start_date) >= ${period.start}`)
    .where((eb) =>
      eb.or([
        eb('e.city_id', '=', cityId),
        sql<boolean>`EXISTS (
          SELECT 1 FROM event_participant ep
          LEFT JOIN organization o ON o.id = ep.organization_id
          LEFT JOIN person pp ON pp.id = ep.person_id
          WHERE ep.event_id = e.id AND coalesce(ep.city_id, o.city_id, pp.city_id) = ${cityId})`,
        sql<boolean>`EXISTS (SELECT 1 FROM visit v WHERE v.id = e.visit_id
          AND (v.from_city_id = ${cityId} OR v.to_city_id = ${cityId}))`,
      ]),
    )
    .orderBy('e.start_date')
    .orderBy('e.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    kind: row.kind,
    cityName: row.city_name,
    startDate: row.start_date,
    endDate: row.end_date,
    description: row.description,
    participants: row.participants,
  }));
}

/**
 * The plan of joint activities as the year left it: items of the city's agreements due or done in
 * the year, and items due earlier that are still not done (they slipped into this year).
 */
async function selectPlan(
  db: Kysely<Database>,
  cityId: number,
  period: { start: string; end: string },
  asOf: string,
): Promise<ReportPlanItem[]> {
  const rows = await db
    .selectFrom('plan_item as i')
    .innerJoin('agreement as a', 'a.id', 'i.agreement_id')
    .leftJoin('organization as o', 'o.id', 'i.responsible_organization_id')
    .leftJoin('person as p', 'p.id', 'i.responsible_person_id')
    .select([
      'i.id',
      'i.title',
      'i.due_on',
      'i.status',
      'i.done_on',
      'i.report',
      'a.title as agreement_title',
      sql<string | null>`nullif(concat_ws(', ', o.name, p.full_name, i.responsible_text), '')`.as(
        'responsible',
      ),
    ])
    .where(hasPartyInCity('agreement_party', 'a.id', cityId))
    .where((eb) =>
      eb.or([
        eb.between('i.due_on', period.start, period.end),
        eb.between('i.done_on', period.start, period.end),
        eb.and([eb('i.due_on', '<', period.start), eb('i.status', 'in', ['planned', 'in_progress'])]),
      ]),
    )
    .orderBy('a.id')
    .orderBy(sql`i.due_on`, (ob) => ob.asc().nullsLast())
    .orderBy('i.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    agreementTitle: row.agreement_title,
    title: row.title,
    responsible: row.responsible,
    dueOn: row.due_on,
    status: row.status,
    doneOn: row.done_on,
    report: row.report,
    outcome: planOutcome(row.status, row.due_on, row.done_on, asOf),
  }));
}

/** Done on time or late, slipped (due by the date and not done), cancelled, or not yet due. */
export function planOutcome(
  status: ReportPlanItem['status'],
  dueOn: string | null,
  doneOn: string | null,
  asOf: string,
): PlanOutcome {
  if (status === 'cancelled') return 'cancelled';
  if (status === 'done') return dueOn !== null && doneOn !== null && doneOn > dueOn ? 'done_late' : 'done';
  return dueOn !== null && dueOn <= asOf ? 'slipped' : 'pending';
}

interface ProjectPartyRow {
  project_id: number;
  title: string;
  started_on: string | null;
  organization_id: number | null;
  name: string;
  city_name: string;
  home_city_id: number;
  sphere: InstitutionPartnership['sphere'] | null;
}

/**
 * Institution partnerships: pairs of one of the city's organizations and a party elsewhere, under an
 * agreement in force or concluded in the year, or a project running in the year.
 */
async function selectInstitutionPartnerships(
  db: Kysely<Database>,
  cityId: number,
  period: { start: string; end: string },
  inForce: ReportAgreement[],
  concluded: ReportAgreement[],
): Promise<InstitutionPartnership[]> {
  const agreementIds = [...new Set([...inForce, ...concluded].map((a) => a.id))];
  const signedOn = new Map([...inForce, ...concluded].map((a) => [a.id, a.signedOn]));
  const { rows } = await sql<ProjectPartyRow & { basis: 'agreement' | 'project' }>`
    SELECT 'agreement' AS basis, ag.id AS project_id, ag.title, NULL::date AS started_on,
      p.organization_id, coalesce(o.name, c.name_ru, c.name_en) AS name,
      coalesce(c.name_ru, c.name_en) AS city_name, c.id AS home_city_id, o.sphere
    FROM agreement_party p JOIN agreement ag ON ag.id = p.agreement_id
    LEFT JOIN organization o ON o.id = p.organization_id
    JOIN city c ON c.id = coalesce(p.city_id, o.city_id)
    WHERE p.agreement_id = ANY(${agreementIds}::int[])
    UNION ALL
    SELECT 'project', pr.id, pr.title, pr.started_on,
      p.organization_id, coalesce(o.name, c.name_ru, c.name_en),
      coalesce(c.name_ru, c.name_en), c.id, coalesce(o.sphere, pr.sphere)
    FROM project_party p JOIN project pr ON pr.id = p.project_id
    LEFT JOIN organization o ON o.id = p.organization_id
    JOIN city c ON c.id = coalesce(p.city_id, o.city_id)
    WHERE pr.status IN ('active', 'completed')
      AND (pr.started_on IS NULL OR pr.started_on <= ${period.end}::date)
      AND (pr.ended_on IS NULL OR pr.ended_on >= ${period.start}::date)
      AND EXISTS (SELECT 1 FROM project_party q LEFT JOIN organization qo ON qo.id = q.organization_id
        WHERE q.project_id = pr.id AND coalesce(q.city_id, qo.city_id) = ${cityId})
    ORDER BY 1, 2
  `.execute(db);
  const groups = new Map<string, typeof rows>();
  for (const row of rows) {
    const key = `${row.basis}:${row.project_id}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const pairs: InstitutionPartnership[] = [];
  for (const parties of groups.values()) {
    const local = parties.filter((p) => p.home_city_id === cityId && p.organization_id !== null);
    const remote = parties.filter((p) => p.home_city_id !== cityId);
    for (const ours of local) {
      for (const theirs of remote) {
        pairs.push({
          sphere: ours.sphere ?? 'other',
          localOrganization: ours.name,
          partnerOrganization: theirs.name,
          partnerCity: theirs.city_name,
          basis: ours.basis,
          title: ours.title,
          since: ours.basis === 'agreement' ? (signedOn.get(ours.project_id) ?? null) : ours.started_on,
        });
      }
    }
  }
  return pairs.sort(
    (a, b) =>
      a.sphere.localeCompare(b.sphere) ||
      a.localOrganization.localeCompare(b.localOrganization, 'ru') ||
      a.partnerOrganization.localeCompare(b.partnerOrganization, 'ru'),
  );
}

function summarize(data: Omit<AnnualReportData, 'statistics'>): ReportStatistics {
  const bySphere = new Map<InstitutionPartnership['sphere'], number>();
  for (const pair of data.institutionPartnerships)
    bySphere.set(pair.sphere, (bySphere.get(pair.sphere) ?? 0) + 1);
  return {
    partnerCities: data.partnerCities.length,
    countries: new Set(data.partnerCities.map((p) => p.countryName)).size,
    agreementsInForce: data.agreementsInForce.length,
    agreementsConcluded: data.agreementsConcluded.length,
    agreementsLapsed: data.agreementsLapsed.length,
    visitsOut: data.visitsOut.length,
    visitsIn: data.visitsIn.length,
    delegatesOut: data.visitsOut.reduce((sum, v) => sum + v.members, 0),
    delegatesIn: data.visitsIn.reduce((sum, v) => sum + v.members, 0),
    events: data.events.length,
    planItems: data.plan.length,
    planDone: data.plan.filter((i) => i.outcome === 'done' || i.outcome === 'done_late').length,
    planSlipped: data.plan.filter((i) => i.outcome === 'slipped').length,
    institutionPartnerships: data.institutionPartnerships.length,
    bySphere: [...bySphere.entries()]
      .map(([sphere, count]) => ({ sphere, count }))
      .sort((a, b) => b.count - a.count || a.sphere.localeCompare(b.sphere)),
  };
}
