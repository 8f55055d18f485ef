import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect.ts';
import type { Database } from '../../db/database.ts';
import { testEngines } from '../../db/test-database.ts';
import { listAuditEntriesOfRecord } from '../audit/audit.repository.ts';
import { SYSTEM_ACTOR } from '../audit/audit.schema.ts';
import { insertTestCity } from '../audit/test-cities.ts';
import { createOrganization } from '../organizations/organization.service.ts';
import { listRecordsOfDocument, listSourcesOfRecord } from './record-source.repository.ts';
import {
  deleteDocument,
  linkRecordSource,
  listDocuments,
  storeDocument,
  updateDocument,
} from './document.service.ts';

const TEXT =
  'С 18 по 21 сентября официальная делегация из города Барановичи совершила рабочий визит в Кузнецк.';

describe.each(testEngines())('documents on $engine', ({ open }) => {
  let handle: DatabaseHandle;
  let db: Kysely<Database>;

  beforeAll(async () => {
    handle = await open();
    db = handle.db;
  });
  afterAll(() => handle.close());

  it('stores a press release once: the same text again is recognized, not duplicated', async () => {
    const first = await storeDocument(db, SYSTEM_ACTOR, { title: 'Рабочий визит в Кузнецк', body: TEXT });
    expect(first.duplicate).toBe(false);
    const again = await storeDocument(db, SYSTEM_ACTOR, { title: 'Другой заголовок', body: `${TEXT}\r\n` });
    expect(again).toEqual({ document: first.document, duplicate: true });
    expect(await db.selectFrom('document').select('id').execute()).toHaveLength(1);

    // Two imports of one new text at the same moment: one stores it, the other is told it is a duplicate.
    const racing = await Promise.all([
      storeDocument(db, SYSTEM_ACTOR, { title: 'Гонка', body: 'Один и тот же текст.' }),
      storeDocument(db, SYSTEM_ACTOR, { title: 'Гонка', body: 'Один и тот же текст.' }),
    ]);
    expect(racing.map((result) => result.duplicate).sort()).toEqual([false, true]);
    expect(racing[0].document.id).toBe(racing[1].document.id);

    const found = await listDocuments(db, { q: 'официальной делегации' });
    expect(found.items.map((document) => document.title)).toEqual(['Рабочий визит в Кузнецк']);
    expect(found.items[0]).not.toHaveProperty('body');
  });

  it('links records to their evidence, refuses a span past the text, and deleting keeps the record', async () => {
    const { document } = await storeDocument(db, SYSTEM_ACTOR, {
      title: 'Письмо',
      kind: 'letter',
      body: 'Лицей № 21',
    });
    const kuznetsk = await insertTestCity(db, 'Кузнецк', 'Kuznetsk', 'RU');
    const lyceum = await createOrganization(db, SYSTEM_ACTOR, { cityId: kuznetsk, name: 'лицей № 21' });
    const link = await linkRecordSource(db, SYSTEM_ACTOR, {
      documentId: document.id,
      recordType: 'organization',
      recordId: lyceum.id,
      spanStart: 0,
      spanEnd: 10,
      fact: { name: 'лицей № 21' },
    });
    expect(await listSourcesOfRecord(db, 'organization', lyceum.id)).toEqual([link]);
    await expect(
      linkRecordSource(db, SYSTEM_ACTOR, {
        documentId: document.id,
        recordType: 'organization',
        recordId: lyceum.id,
        spanStart: 5,
        spanEnd: 11,
      }),
    ).rejects.toMatchObject({ code: 'validation_failed', details: [{ path: 'spanEnd' }] });

    const titled = await updateDocument(db, SYSTEM_ACTOR, document.id, {
      version: 1,
      publishedOn: '2025-09-22',
    });
    await expect(
      updateDocument(db, SYSTEM_ACTOR, document.id, { version: 1, title: 'x' }),
    ).rejects.toMatchObject({
      code: 'stale_version',
    });
    await deleteDocument(db, SYSTEM_ACTOR, document.id, titled.version);
    expect(await listRecordsOfDocument(db, document.id)).toEqual([]);
    const history = await listAuditEntriesOfRecord(db, 'document', document.id);
    expect(history.map((entry) => entry.action)).toEqual(['create', 'update', 'delete']);
  });
});
