import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect.ts';
import type { Database } from '../../db/database.ts';
import { testEngines } from '../../db/test-database.ts';
import { parseInput } from './audited-write.ts';
import { insertAuditEntry, listAuditEntriesOfRecord, selectAuditPage } from './audit.repository.ts';
import { auditListQuerySchema } from './audit.schema.ts';

describe.each(testEngines())('audit trail on $engine', ({ open }) => {
  let handle: DatabaseHandle;
  let db: Kysely<Database>;

  beforeAll(async () => {
    handle = await open();
    db = handle.db;
  });
  afterAll(() => handle.close());

  it('keeps who did what, before and after, and pages through it newest first', async () => {
    const actor = { userId: null };
    await insertAuditEntry(db, {
      actor,
      action: 'create',
      recordType: 'visit',
      recordId: 7,
      after: { a: 1 },
    });
    await insertAuditEntry(db, {
      actor,
      action: 'update',
      recordType: 'visit',
      recordId: 7,
      before: { a: 1 },
      after: { a: 2 },
    });
    await insertAuditEntry(db, {
      actor,
      action: 'create',
      recordType: 'event',
      recordId: 3,
      after: { b: 1 },
    });
    await insertAuditEntry(db, {
      actor,
      action: 'delete',
      recordType: 'visit',
      recordId: 7,
      before: { a: 2 },
    });

    const history = await listAuditEntriesOfRecord(db, 'visit', 7);
    expect(history.map((entry) => [entry.action, entry.before, entry.after])).toEqual([
      ['create', null, { a: 1 }],
      ['update', { a: 1 }, { a: 2 }],
      ['delete', { a: 2 }, null],
    ]);

    const query = (input: unknown) => selectAuditPage(db, parseInput(auditListQuerySchema, input));
    const first = await query({ recordType: 'visit', limit: 2 });
    expect(first.items.map((entry) => entry.action)).toEqual(['delete', 'update']);
    const second = await query({ recordType: 'visit', limit: 2, cursor: first.nextCursor });
    expect(second.items.map((entry) => entry.action)).toEqual(['create']);
    expect(second.nextCursor).toBeNull();
    expect((await query({ action: 'create' })).items.map((entry) => entry.recordType)).toEqual([
      'event',
      'visit',
    ]);
  });
});
