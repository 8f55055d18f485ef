import { sql, type Kysely } from 'kysely';
import type { AgreementEndReason, AgreementKind, Database } from '../../db/database.ts';
import { notFound } from '../../errors.ts';
import { countryName } from '../../gazetteer/countries.ts';

/** One agreement in the annual list. */
export interface ListedAgreement {
  id: number;
  title: string;
  kind: AgreementKind;
  /** The other parties: «Кузнецк (Россия)», «Школа № 5, Кузнецк (Россия)». */
  partners: string[];
  signedOn: string | null;
  registration: { number: string; on: string; body: string } | null;
  validUntil: string | null;
  endedOn: string | null;
  endReason: AgreementEndReason | null;
}

/** The annual list a region asks for: the agreements a city concluded and those that ended in a year. */
export interface AgreementListData {
  city: { id: number; name: string; nameEn: string };
  year: number;
  concluded: ListedAgreement[];
  ended: ListedAgreement[];
}

interface Row {
  id: number;
  title: string;
  kind: AgreementKind;
  signed_on: string | null;
  valid_until: string | null;
  status: string;
  registration_number: string | null;
  registration_body: string | null;
  registered_on: string | null;
  ended_on: string | null;
  end_reason: AgreementEndReason | null;
}

/**
 * The agreements with a party in the city (the city or its institutions) concluded in the year (the
 * day of their stage «signed», else their signing day) or ended in it. An agreement ended when its
 * path's stored stage «ended» says so; one recorded before stages were kept counts as ended only when
 * its stored status says expired or terminated, dated by its end date: never by the end date alone.
 */
export async function gatherAgreementList(
  db: Kysely<Database>,
  cityId: number,
  year: number,
): Promise<AgreementListData> {
  const city = await db
    .selectFrom('city')
    .select(['id', 'name_ru', 'name_en'])
    .where('id', '=', cityId)
    .executeTakeFirst();
  if (!city) throw notFound('City', cityId);
  const start = `${String(year).padStart(4, '0')}-01-01`;
  const end = `${String(year).padStart(4, '0')}-12-31`;
  const { rows } = await sql<Row>`
    WITH party_city AS (
      SELECT p.agreement_id, coalesce(p.city_id, o.city_id) AS city_id
      FROM agreement_party p LEFT JOIN organization o ON o.id = p.organization_id
    ), listed AS (
      SELECT a.id, a.title, a.kind, a.valid_until, a.status, a.stage,
        coalesce((SELECT max(s.entered_on) FROM agreement_stage s WHERE s.agreement_id = a.id AND s.stage = 'signed'),
                 a.signed_on) AS signed_on,
        r.registration_number, r.registration_body, r.entered_on AS registered_on,
        e.entered_on AS stage_ended_on, e.end_reason AS stage_end_reason,
        EXISTS (SELECT 1 FROM agreement_stage s WHERE s.agreement_id = a.id) AS has_path
      FROM agreement a
      LEFT JOIN LATERAL (
        SELECT * FROM agreement_stage s WHERE s.agreement_id = a.id AND s.stage = 'registered'
        ORDER BY s.entered_on DESC, s.id DESC LIMIT 1) r ON true
      LEFT JOIN LATERAL (
        SELECT * FROM agreement_stage s WHERE s.agreement_id = a.id AND s.stage = 'ended'
        ORDER BY s.entered_on DESC, s.id DESC LIMIT 1) e ON true
      WHERE a.id IN (SELECT agreement_id FROM party_city WHERE city_id = ${cityId})
    )
    SELECT id, title, kind, signed_on, valid_until, status, registration_number, registration_body,
      registered_on,
      CASE WHEN has_path THEN stage_ended_on
           WHEN status IN ('expired', 'terminated') THEN valid_until END AS ended_on,
      CASE WHEN has_path THEN stage_end_reason
           WHEN status IN ('expired', 'terminated') THEN status END AS end_reason
    FROM listed
    ORDER BY signed_on NULLS FIRST, id
  `.execute(db);
  const inYear = (date: string | null) => date !== null && date >= start && date <= end;
  const picked = rows.filter((row) => inYear(row.signed_on) || inYear(row.ended_on));
  const partners = await selectPartners(
    db,
    picked.map((row) => row.id),
    cityId,
  );
  const listed = (row: Row): ListedAgreement => ({
    id: row.id,
    title: row.title,
    kind: row.kind,
    partners: partners.get(row.id) ?? [],
    signedOn: row.signed_on,
    registration:
      row.registration_number && row.registration_body && row.registered_on
        ? { number: row.registration_number, on: row.registered_on, body: row.registration_body }
        : null,
    validUntil: row.valid_until,
    endedOn: row.ended_on,
    endReason: row.end_reason,
  });
  return {
    city: { id: city.id, name: city.name_ru ?? city.name_en, nameEn: city.name_en },
    year,
    concluded: picked.filter((row) => inYear(row.signed_on)).map(listed),
    ended: picked
      .filter((row) => inYear(row.ended_on))
      .sort((a, b) => (a.ended_on as string).localeCompare(b.ended_on as string) || a.id - b.id)
      .map(listed),
  };
}

/** Each agreement's parties outside the city: the other side, by name, city and country. */
async function selectPartners(
  db: Kysely<Database>,
  agreementIds: number[],
  cityId: number,
): Promise<Map<number, string[]>> {
  const partners = new Map<number, string[]>();
  if (agreementIds.length === 0) return partners;
  const { rows } = await sql<{
    agreement_id: number;
    organization: string | null;
    city: string;
    country: string;
    city_id: number;
  }>`
    SELECT p.agreement_id, o.name AS organization, coalesce(c.name_ru, c.name_en) AS city, c.country,
      c.id AS city_id
    FROM agreement_party p
    LEFT JOIN organization o ON o.id = p.organization_id
    JOIN city c ON c.id = coalesce(p.city_id, o.city_id)
    WHERE p.agreement_id IN (${sql.join(agreementIds)})
    ORDER BY p.agreement_id, p.id
  `.execute(db);
  for (const row of rows) {
    if (row.city_id === cityId) continue;
    const place = `${row.city} (${countryName(row.country)})`;
    const list = partners.get(row.agreement_id) ?? [];
    list.push(row.organization ? `${row.organization}, ${place}` : place);
    partners.set(row.agreement_id, list);
  }
  return partners;
}
