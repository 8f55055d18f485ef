import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { conflict } from '../../errors.ts';
import type { Actor } from '../audit/audit.schema.ts';
import { createAudited, updateAudited, type AuditedRecord } from '../audit/audited-record.ts';
import { parseInput } from '../audit/audited-write.ts';
import { findCityByIdOrThrow } from '../cities/city.repository.ts';
import {
  findTwinningByCities,
  findTwinningById,
  findTwinningByIdOrThrow,
  insertTwinning,
  selectTwinningsOfCity,
  updateTwinningRow,
} from './twinning.repository.ts';
import {
  twinningCreateSchema,
  twinningListQuerySchema,
  twinningUpdateSchema,
  type Twinning,
} from './twinning.schema.ts';

const TWINNING: AuditedRecord<Twinning> = {
  what: 'Twinning',
  recordType: 'twinning',
  findById: findTwinningById,
};

/** The twinning with this id; `not_found` when there is none. */
export async function getTwinning(db: Kysely<Database>, id: number): Promise<Twinning> {
  return findTwinningByIdOrThrow(db, id);
}

/** The twinnings of a city, sorted as the query asks; `not_found` when the city does not exist. */
export async function listTwinningsOfCity(
  db: Kysely<Database>,
  cityId: number,
  query: unknown = {},
): Promise<Twinning[]> {
  const sorting = parseInput(twinningListQuerySchema, query);
  await findCityByIdOrThrow(db, cityId);
  return selectTwinningsOfCity(db, cityId, sorting);
}

/**
 * Records a twinning of two existing cities, given in either order, audited. A pair already twinned
 * is a `conflict` that names the existing record, so the caller can open it instead.
 */
export async function createTwinning(
  db: Kysely<Database>,
  actor: Actor,
  input: unknown,
  source?: { kind: 'user' | 'import' | 'document'; ref: string | null },
): Promise<Twinning> {
  const values = parseInput(twinningCreateSchema, input);
  return createAudited(db, actor, TWINNING, values, async (trx) => {
    const [one, other] = values.cityIds;
    await findCityByIdOrThrow(trx, one);
    await findCityByIdOrThrow(trx, other);
    const existing = await findTwinningByCities(trx, one, other);
    if (existing) throw conflict(`Cities ${one} and ${other} are already twinned (twinning ${existing.id}).`);
    return insertTwinning(trx, values, source);
  });
}

/** Changes a twinning's tier, status, dates or notes if the editor saw the current version. */
export async function updateTwinning(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  input: unknown,
): Promise<Twinning> {
  return updateAudited(db, actor, TWINNING, id, parseInput(twinningUpdateSchema, input), updateTwinningRow);
}
