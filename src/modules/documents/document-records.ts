import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { recordSourceSchema } from './document.schema.ts';
import { listRecordsOfDocument } from './record-source.repository.ts';

/** A record a document produced or confirmed, with a name to show and the agreement of a plan item. */
export const documentRecordSchema = recordSourceSchema.extend({
  label: z.string().nullable(),
  /** For a plan item: the agreement whose plan holds it (the item has no page of its own). */
  agreementId: z.number().int().nullable(),
});
export type DocumentRecord = z.infer<typeof documentRecordSchema>;

type Labels = Map<number, { label: string; agreementId?: number }>;

async function labelsOf(db: Kysely<Database>, type: string, ids: number[]): Promise<Labels> {
  const labels: Labels = new Map();
  if (ids.length === 0) return labels;
  const put = (rows: { id: number; label: string | null; agreement_id?: number }[]) => {
    for (const row of rows) {
      labels.set(row.id, {
        label: row.label ?? '',
        ...(row.agreement_id === undefined ? {} : { agreementId: row.agreement_id }),
      });
    }
  };
  switch (type) {
    case 'city':
      put(
        await db
          .selectFrom('city')
          .select((eb) => ['id', eb.fn.coalesce('name_ru', 'name_en').as('label')])
          .where('id', 'in', ids)
          .execute(),
      );
      break;
    case 'organization':
      put(
        await db.selectFrom('organization').select(['id', 'name as label']).where('id', 'in', ids).execute(),
      );
      break;
    case 'person':
      put(
        await db.selectFrom('person').select(['id', 'full_name as label']).where('id', 'in', ids).execute(),
      );
      break;
    case 'agreement':
      put(await db.selectFrom('agreement').select(['id', 'title as label']).where('id', 'in', ids).execute());
      break;
    case 'plan_item':
      put(
        await db
          .selectFrom('plan_item')
          .select(['id', 'title as label', 'agreement_id'])
          .where('id', 'in', ids)
          .execute(),
      );
      break;
    case 'project':
      put(await db.selectFrom('project').select(['id', 'title as label']).where('id', 'in', ids).execute());
      break;
    case 'event':
      put(await db.selectFrom('event').select(['id', 'name as label']).where('id', 'in', ids).execute());
      break;
    case 'visit': {
      const rows = await db
        .selectFrom('visit')
        .innerJoin('city as from_city', 'from_city.id', 'visit.from_city_id')
        .innerJoin('city as to_city', 'to_city.id', 'visit.to_city_id')
        .select((eb) => [
          'visit.id',
          eb.fn.coalesce('from_city.name_ru', 'from_city.name_en').as('from_name'),
          eb.fn.coalesce('to_city.name_ru', 'to_city.name_en').as('to_name'),
        ])
        .where('visit.id', 'in', ids)
        .execute();
      put(rows.map((row) => ({ id: row.id, label: `${row.from_name} → ${row.to_name}` })));
      break;
    }
    default:
      // Twinnings are named by their two cities on the cities' pages; no label of their own here.
      break;
  }
  return labels;
}

/**
 * What a document is the source of, in the order of its evidence in the text, each record with
 * its name (a record deleted since keeps its link, with no label).
 */
export async function listLabelledRecordsOfDocument(
  db: Kysely<Database>,
  documentId: number,
): Promise<DocumentRecord[]> {
  const sources = await listRecordsOfDocument(db, documentId);
  const byType = new Map<string, number[]>();
  for (const source of sources)
    byType.set(source.recordType, [...(byType.get(source.recordType) ?? []), source.recordId]);
  const labels = new Map<string, Labels>();
  for (const [type, ids] of byType) labels.set(type, await labelsOf(db, type, [...new Set(ids)]));
  return sources.map((source) => {
    const found = labels.get(source.recordType)?.get(source.recordId);
    return { ...source, label: found?.label ?? null, agreementId: found?.agreementId ?? null };
  });
}
