import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { AuditedRecordType } from '../audit/audit.schema.ts';
import { keptPartnerCityIds } from './partners.ts';
import { readFilter, type ReadFilter } from './policy.ts';
import type { Principal } from './principal.ts';
import { readableDocuments, readableRows } from './record-scope.ts';

/** The kinds of record a body may name by id (cities are reference data anyone may read). */
export type ReferencedKind = 'organization' | 'person' | 'visit' | 'agreement' | 'event' | 'document';

/** One id in a write's body that names another record: where it sits in the body and what it names. */
export interface Reference {
  path: string;
  kind: ReferencedKind;
  id: number;
}

type Body = Record<string, unknown>;
type Extractor = (body: Body) => Reference[];

function one(body: Body, field: string, kind: ReferencedKind): Reference[] {
  const id = body[field];
  return typeof id === 'number' ? [{ path: field, kind, id }] : [];
}

function each(body: Body, list: string, field: string, kind: ReferencedKind): Reference[] {
  const items = body[list];
  if (!Array.isArray(items)) return [];
  return items.flatMap((item: unknown, i) =>
    item && typeof item === 'object'
      ? one(item as Body, field, kind).map((ref) => ({ ...ref, path: `${list}.${i}.${field}` }))
      : [],
  );
}

/**
 * Every field of every record kind's body that names another record. A new field that holds an id
 * belongs here, or a writer could name a record they may not read and read it through their own.
 */
const REFERENCES: Partial<Record<AuditedRecordType, Extractor>> = {
  person: (body) => each(body, 'positions', 'organizationId', 'organization'),
  visit: (body) => [...one(body, 'headPersonId', 'person'), ...each(body, 'members', 'personId', 'person')],
  agreement: (body) => [
    ...each(body, 'parties', 'organizationId', 'organization'),
    ...one(body, 'signedAtVisitId', 'visit'),
    ...one(body, 'documentId', 'document'),
  ],
  project: (body) => each(body, 'parties', 'organizationId', 'organization'),
  event: (body) => [
    ...one(body, 'visitId', 'visit'),
    ...each(body, 'participants', 'organizationId', 'organization'),
    ...each(body, 'participants', 'personId', 'person'),
  ],
  plan_item: (body) => [
    ...one(body, 'agreementId', 'agreement'),
    ...one(body, 'responsibleOrganizationId', 'organization'),
    ...one(body, 'responsiblePersonId', 'person'),
  ],
  visit_program_item: (body) => [
    ...one(body, 'visitId', 'visit'),
    ...one(body, 'organizationId', 'organization'),
    ...one(body, 'eventId', 'event'),
    ...one(body, 'agreementId', 'agreement'),
  ],
};

/**
 * The references a write of this kind makes: those of its body, less those the stored record
 * already makes (an edit may keep what someone else linked; it may not add what its writer may not read).
 */
export function referencesOf(recordType: AuditedRecordType, body: Body, stored?: object): Reference[] {
  const extract = REFERENCES[recordType];
  if (!extract) return [];
  const kept = new Set(stored ? extract(stored as Body).map((ref) => `${ref.kind}:${ref.id}`) : []);
  return extract(body).filter((ref) => !kept.has(`${ref.kind}:${ref.id}`));
}

const TABLES: Record<Exclude<ReferencedKind, 'document'>, AuditedRecordType> = {
  organization: 'organization',
  person: 'person',
  visit: 'visit',
  agreement: 'agreement',
  event: 'event',
};

/**
 * Refuses (403, each field named) a write that names a record its writer may not read: a reference
 * is a read. Readable means what a list shows the writer, and also the organizations and people of
 * the partner cities their city keeps (`keptPartnerCityIds`: an established twinning, a partner
 * without editors of its own), whose institutions and people the home city's staff record. An id that names nothing is
 * left to the database, which refuses it as before.
 */
export async function assertReferencesReadable(
  db: Kysely<Database>,
  principal: Principal,
  references: Reference[],
): Promise<void> {
  if (references.length === 0) return;
  const base = readFilter(principal);
  if (base.everything) return;
  const kept = references.some((ref) => ref.kind === 'organization' || ref.kind === 'person')
    ? await keptPartnerCityIds(db, principal)
    : [];
  // The partners' institutions and people, not their visits, agreements or events with others.
  const filterOf = (kind: ReferencedKind): ReadFilter =>
    kind === 'organization' || kind === 'person' ? { ...base, keptCityIds: kept } : base;
  const refused: Reference[] = [];
  for (const kind of new Set(references.map((ref) => ref.kind))) {
    const ids = [...new Set(references.filter((ref) => ref.kind === kind).map((ref) => ref.id))];
    const table = kind === 'document' ? 'document' : TABLES[kind];
    const readable =
      kind === 'document'
        ? (readableDocuments(principal) ?? sql<boolean>`true`)
        : (readableRows(table, filterOf(kind)) ?? sql<boolean>`true`);
    const { rows } = await sql<{ id: number; readable: boolean }>`
      SELECT id, ${readable} AS readable FROM ${sql.table(table)} WHERE id = ANY(${ids}::integer[])
    `.execute(db);
    const unreadable = new Set(rows.filter((row) => !row.readable).map((row) => row.id));
    refused.push(...references.filter((ref) => ref.kind === kind && unreadable.has(ref.id)));
  }
  if (refused.length === 0) return;
  throw new AppError(
    'forbidden',
    `A record may only name records its writer may read: ${refused.map((ref) => ref.path).join(', ')}.`,
    refused.map((ref) => ({
      path: ref.path,
      message: `names a record you may not read (${ref.kind} ${ref.id})`,
    })),
  );
}
