import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { ESTABLISHED_TWINNING_STATUSES } from './policy.ts';
import type { Principal } from './principal.ts';

/** Whether a city has editors of its own (an enabled account with a city editor's role there). */
export async function hasOwnEditors(db: Kysely<Database>, cityId: number): Promise<boolean> {
  const row = await db
    .selectFrom('user_role')
    .innerJoin('app_user', 'app_user.id', 'user_role.user_id')
    .select('user_role.id')
    .where('user_role.role', '=', 'city_editor')
    .where('user_role.city_id', '=', cityId)
    .where('app_user.disabled', '=', false)
    .executeTakeFirst();
  return row !== undefined;
}

/** The established statuses as an SQL array, for the queries below. */
const ESTABLISHED = sql`array[${sql.join([...ESTABLISHED_TWINNING_STATUSES])}]::text[]`;

/**
 * The partner cities an asker's city keeps: twinned with it through an established twinning and
 * without editors of their own (a regional installation's partners abroad). Their institutions and
 * people are recorded by the home city's staff, who may therefore name them in their own records
 * and find them in their lists. `roles` says whose cities count: the writers' (city editors, and an
 * organization editor's organization's city), for naming a record in a write; or the city roles'
 * (editors and viewers), whose grants the policy extends to the kept partners' institutions and
 * people (`keeperCityIds`).
 */
export async function keptPartnerCityIds(
  db: Kysely<Database>,
  principal: Principal,
  roles: 'writers' | 'city roles' = 'writers',
): Promise<number[]> {
  if (principal.kind !== 'user') return [];
  const homeCityIds: number[] = [];
  const organizationIds: number[] = [];
  for (const grant of principal.roles) {
    if (grant.role === 'city_editor') homeCityIds.push(grant.cityId);
    if (grant.role === 'city_viewer' && roles === 'city roles') homeCityIds.push(grant.cityId);
    if (grant.role === 'org_editor' && roles === 'writers') organizationIds.push(grant.organizationId);
  }
  if (homeCityIds.length === 0 && organizationIds.length === 0) return [];
  const home = sql`(array[${sql.join([0, ...homeCityIds])}]::integer[]
    || array(select o.city_id from organization o where o.id = any(array[${sql.join([0, ...organizationIds])}]::integer[])))`;
  const { rows } = await sql<{ partner: number }>`
    SELECT DISTINCT CASE WHEN t.city_a_id = any(${home}) THEN t.city_b_id ELSE t.city_a_id END AS partner
    FROM twinning t
    WHERE t.status = any(${ESTABLISHED})
      AND (t.city_a_id = any(${home}) OR t.city_b_id = any(${home}))
      AND NOT EXISTS (
        SELECT 1 FROM user_role r JOIN app_user u ON u.id = r.user_id
        WHERE r.role = 'city_editor' AND NOT u.disabled
          AND r.city_id = CASE WHEN t.city_a_id = any(${home}) THEN t.city_b_id ELSE t.city_a_id END
      )
  `.execute(db);
  return rows.map((row) => row.partner);
}

/**
 * The cities whose staff keep a partner's institution or person in these cities: each of them is
 * the keeper itself or a partner it keeps (`keptPartnerCityIds` seen from the other side). A record
 * that also concerns a third city nobody keeps through the keeper stays that city's.
 */
export async function keeperCityIds(db: Kysely<Database>, cityIds: number[]): Promise<number[]> {
  const cities = [...new Set(cityIds)];
  if (cities.length === 0) return [];
  const { rows } = await sql<{ city: number; keeper: number }>`
    SELECT c.id AS city, CASE WHEN t.city_a_id = c.id THEN t.city_b_id ELSE t.city_a_id END AS keeper
    FROM unnest(array[${sql.join(cities)}]::integer[]) AS c(id)
    JOIN twinning t ON (t.city_a_id = c.id OR t.city_b_id = c.id) AND t.status = any(${ESTABLISHED})
    WHERE NOT EXISTS (
      SELECT 1 FROM user_role r JOIN app_user u ON u.id = r.user_id
      WHERE r.role = 'city_editor' AND NOT u.disabled AND r.city_id = c.id
    )
  `.execute(db);
  const keeps = (keeper: number, city: number) =>
    city === keeper || rows.some((row) => row.city === city && row.keeper === keeper);
  return [...new Set(rows.map((row) => row.keeper))].filter((keeper) =>
    cities.every((city) => keeps(keeper, city)),
  );
}
