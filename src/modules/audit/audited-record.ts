import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { insertAuditEntry } from './audit.repository.ts';
import type { Actor, AuditedRecordType } from './audit.schema.ts';
import { staleVersion } from '../../errors.ts';
import { assertVersion, inTransaction, updateVersioned } from './audited-write.ts';
import { findOrThrow, type FindById } from './record-readers.ts';

/** What the audited writes need to know of a kind of record: its name in errors, its audit type, its reader. */
export interface AuditedRecord<T> {
  what: string;
  recordType: AuditedRecordType;
  findById: FindById<T>;
}

/**
 * Creates a record from checked values in one transaction: `insert` writes it (its children too)
 * and returns its id, then the stored record is read back, audited and returned.
 */
export async function createAudited<T, V>(
  db: Kysely<Database>,
  actor: Actor,
  record: AuditedRecord<T>,
  values: V,
  insert: (trx: Kysely<Database>, values: V) => Promise<number>,
): Promise<T> {
  return inTransaction(db, async (trx) => {
    const id = await insert(trx, values);
    const created = await findOrThrow(record.findById, record.what)(trx, id);
    await insertAuditEntry(trx, {
      actor,
      action: 'create',
      recordType: record.recordType,
      recordId: id,
      after: created,
    });
    return created;
  });
}

/**
 * Applies a checked change if the editor saw the current version (`updateVersioned`), audited.
 * `update` returns false when the stored version moved on; `audited` picks what the trail keeps.
 */
export async function updateAudited<T extends { version: number }, C extends { version: number }>(
  db: Kysely<Database>,
  actor: Actor,
  record: AuditedRecord<T>,
  id: number,
  change: C,
  update: (trx: Kysely<Database>, id: number, change: C) => Promise<boolean>,
  audited: (value: T) => unknown = (value) => value,
): Promise<T> {
  return inTransaction(db, async (trx) => {
    const { before, after } = await updateVersioned({
      what: record.what,
      id,
      expectedVersion: change.version,
      load: () => record.findById(trx, id),
      update: () => update(trx, id, change),
    });
    await insertAuditEntry(trx, {
      actor,
      action: 'update',
      recordType: record.recordType,
      recordId: id,
      before: audited(before),
      after: audited(after),
    });
    return after;
  });
}

/**
 * Deletes a record if the editor saw the current version; the audit trail keeps what it was.
 * `remove` deletes only that version (`deleteRowIfVersion`) and says whether it did, so an edit
 * committed after the first check makes the delete stale instead of being lost with the record.
 */
export async function deleteAudited<T extends { version: number }>(
  db: Kysely<Database>,
  actor: Actor,
  record: AuditedRecord<T>,
  id: number,
  version: number,
  remove: (trx: Kysely<Database>, id: number, version: number) => Promise<boolean>,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const before = await record.findById(trx, id);
    assertVersion(record.what, id, before, version);
    if (!(await remove(trx, id, version))) {
      assertVersion(record.what, id, await record.findById(trx, id), version);
      // Not reached while versions only count up; refused rather than reported as done.
      throw staleVersion(record.what, id, version);
    }
    await insertAuditEntry(trx, {
      actor,
      action: 'delete',
      recordType: record.recordType,
      recordId: id,
      before,
    });
  });
}
