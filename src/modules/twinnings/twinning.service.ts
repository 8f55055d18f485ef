import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { conflict } from '../../errors.ts';
import { insertAuditEntry } from '../audit/audit.repository.ts';
import type { Actor } from '../audit/audit.schema.ts';
import { inTransaction, parseInput, updateVersioned } from '../audit/audited-write.ts';
import { findCityByIdOrThrow } from '../cities/city.repository.ts';
import {
  findTwinningByCities,
  findTwinningById,
  findTwinningByIdOrThrow,
  insertTwinning,
  selectTwinningsOfCity,
  updateTwinningRow,
} from './twinning.repository.ts';
import { twinningCreateSchema, twinningUpdateSchema, type Twinning } from './twinning.schema.ts';

/** The twinning with this id; `not_found` when there is none. */
export async function getTwinning(db: Kysely<Database>, id: number): Promise<Twinning> {
  return findTwinningByIdOrThrow(db, id);
}

/** The twinnings of a city; `not_found` when the city does not exist. */
export async function listTwinningsOfCity(db: Kysely<Database>, cityId: number): Promise<Twinning[]> {
  await findCityByIdOrThrow(db, cityId);
  return selectTwinningsOfCity(db, cityId);
}

/**
 * Records a twinning of two existing cities, given in either order, audited. A pair already twinned
 * is a `conflict` that names the existing record, so the caller can open it instead.
 */
export async function createTwinning(db: Kysely<Database>, actor: Actor, input: unknown): Promise<Twinning> {
  const values = parseInput(twinningCreateSchema, input);
  return inTransaction(db, async (trx) => {
    const [one, other] = values.cityIds;
    await findCityByIdOrThrow(trx, one);
    await findCityByIdOrThrow(trx, other);
    const existing = await findTwinningByCities(trx, one, other);
    if (existing) throw conflict(`Cities ${one} and ${other} are already twinned (twinning ${existing.id}).`);
    const id = await insertTwinning(trx, values);
    const created = await findTwinningByIdOrThrow(trx, id);
    await insertAuditEntry(trx, {
      actor,
      action: 'create',
      recordType: 'twinning',
      recordId: id,
      after: created,
    });
    return created;
  });
}

/** Changes a twinning's tier, status, dates or notes if the editor saw the current version. */
export async function updateTwinning(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  input: unknown,
): Promise<Twinning> {
  const change = parseInput(twinningUpdateSchema, input);
  return inTransaction(db, async (trx) => {
    const { before, after } = await updateVersioned({
      what: 'Twinning',
      id,
      expectedVersion: change.version,
      load: () => findTwinningById(trx, id),
      update: () => updateTwinningRow(trx, id, change),
    });
    await insertAuditEntry(trx, {
      actor,
      action: 'update',
      recordType: 'twinning',
      recordId: id,
      before,
      after,
    });
    return after;
  });
}
