import { Anchor, Badge, Group, Paper, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { recordPath, type RecordKind } from '../../app/record-paths.ts';
import { useFormat } from '../../i18n/format.ts';
import { useRecordName, type NamedKind, type UserSummary } from './names.ts';
import { isRoleGrant, RoleLabel } from './RoleLabel.tsx';

/** One entry of the audit trail, as GET /api/audit and /api/<records>/:id/history answer. */
export interface AuditEntry {
  id: number;
  at: string;
  userId: number | null;
  action: 'create' | 'update' | 'delete';
  recordType: string;
  recordId: number;
  before: unknown;
  after: unknown;
}

/** Bookkeeping fields every record has; a diff does not show them. */
const HIDDEN_FIELDS = new Set([
  'id',
  'version',
  'updatedAt',
  'createdAt',
  'searchText',
  'contentHash',
  // What the extractor read in a document: its page shows it; the trail shows the document's own fields.
  'extraction',
]);

/** Keys of a stored part (a delegation member, a party, a fact) that are bookkeeping, not words. */
const HIDDEN_PART_KEYS = new Set([
  'id',
  'ref',
  'span',
  'include',
  'version',
  'match',
  'matches',
  'matchedId',
  'candidates',
  'confidence',
  'position',
  'sortOrder',
  'chosenId',
]);

/** A part's key that points into the import's draft («cityRef», «partyRefs»): bookkeeping too. */
const isDraftReference = (key: string) => /Refs?$/.test(key);

const NAMED_KINDS = new Set(['city', 'organization', 'person', 'document']);

/** Fields that hold another record's id, shown by the record's name. */
const REFERENCE_FIELDS: Record<string, NamedKind> = {
  cityId: 'city',
  cityAId: 'city',
  cityBId: 'city',
  fromCityId: 'city',
  toCityId: 'city',
  homeCityId: 'city',
  organizationId: 'organization',
  responsibleOrganizationId: 'organization',
  personId: 'person',
  headPersonId: 'person',
  responsiblePersonId: 'person',
  existingId: 'city',
  documentId: 'document',
};

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

function isEmpty(value: unknown): boolean {
  return (
    value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
  );
}

function same(a: unknown, b: unknown): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}

function asObject(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/**
 * The fields an entry changed: for an update those whose value differs; for a creation the
 * filled-in fields; for a deletion the fields the record had.
 */
export function fieldChanges(entry: Pick<AuditEntry, 'before' | 'after'>): FieldChange[] {
  const before = asObject(entry.before);
  const after = asObject(entry.after);
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields
    .filter((field) => !HIDDEN_FIELDS.has(field))
    .filter((field) => !same(before[field], after[field]))
    .map((field) => ({ field, before: before[field], after: after[field] }));
}

/** A record's own name as its stored state shows it («Средняя школа № 1», «Анна Админова»). */
export function labelOfSnapshot(snapshot: unknown): string | null {
  const value = asObject(snapshot);
  for (const key of ['name', 'title', 'displayName', 'fullName', 'nameRu', 'nameEn', 'purpose', 'fileName']) {
    const text = value[key];
    if (typeof text === 'string' && text.trim() !== '') return text;
  }
  const person = [value.lastName, value.firstName].filter((part) => typeof part === 'string' && part !== '');
  if (person.length > 0) return person.join(' ');
  if (typeof value.email === 'string') return value.email;
  // A source is named by the fact it holds («праздник города…»).
  if (value.fact && typeof value.fact === 'object') return labelOfSnapshot(value.fact);
  return null;
}

/** The page an entry's record is on, when it has one (a plan item is shown on its agreement). */
export function pathOfEntry(entry: AuditEntry): string | null {
  if (entry.action === 'delete') return null;
  const pages: Record<string, RecordKind> = {
    city: 'city',
    organization: 'organization',
    person: 'person',
    visit: 'visit',
    agreement: 'agreement',
    project: 'project',
    event: 'event',
    document: 'document',
  };
  const kind = pages[entry.recordType];
  if (kind) return recordPath(kind, entry.recordId);
  const after = asObject(entry.after);
  if (entry.recordType === 'plan_item' && typeof after.agreementId === 'number')
    return recordPath('agreement', after.agreementId);
  if (entry.recordType === 'visit_program_item' && typeof after.visitId === 'number')
    return recordPath('visit', after.visitId);
  if (entry.recordType === 'user') return `/admin/users?q=${encodeURIComponent(String(after.email ?? ''))}`;
  return null;
}

/**
 * Where the record pages keep the words of a stored code («gymnasium» → «Гимназия»), by kind of
 * record and field; a code no namespace knows shows as stored.
 */
const ENUM_KEYS: Record<string, Record<string, string>> = {
  organization: { kind: 'records:organizationKind', sphere: 'records:sphere' },
  agreement: {
    kind: 'records:agreementKind',
    status: 'records:agreementStatus',
    stage: 'records:stage.name',
    endReason: 'records:stage.endReason',
  },
  plan_item: { status: 'records:planStatus' },
  document: { kind: 'records:documentKind' },
  visit: { kind: 'visits:kind', status: 'visits:status' },
  visit_program_item: { kind: 'visits:programKind' },
  event: { kind: 'events:kind' },
  project: { status: 'projects:status', sphere: 'records:sphere' },
  twinning: { tier: 'cities:tier', status: 'cities:status' },
  record_source: { recordType: 'admin:kinds' },
};

/**
 * Where else a code of a field may be found, for the parts of a record (a party's kind, a fact's
 * kind): the first namespace that knows the code names it.
 */
const ENUM_FALLBACKS: Record<string, string[]> = {
  kind: [
    'events:kind',
    'visits:kind',
    'visits:programKind',
    'records:agreementKind',
    'records:organizationKind',
    'records:documentKind',
  ],
  status: [
    'records:agreementStatus',
    'visits:status',
    'projects:status',
    'records:planStatus',
    'cities:status',
  ],
  sphere: ['records:sphere'],
  tier: ['cities:tier'],
  recordType: ['admin:kinds'],
  stage: ['records:stage.name'],
  endReason: ['records:stage.endReason'],
};

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function ReferenceValue({ kind, id }: { kind: NamedKind; id: number }) {
  const { t, i18n } = useTranslation(['admin', 'common']);
  const name = useRecordName(kind, id, i18n.language);
  return <>{name ?? t('entry.recordN', { id })}</>;
}

/** One stored value in words: dates formatted, yes/no, roles by name, references by the record's name. */
export function FieldValue({
  field,
  value,
  recordType,
  referenceKind,
}: {
  field: string;
  value: unknown;
  /** The kind of record, for the words of its codes. */
  recordType?: string;
  /** The kind of record a `recordId` refers to (a source's record), when its name can be shown. */
  referenceKind?: NamedKind;
}) {
  const { t, i18n } = useTranslation(['admin', 'common']);
  const format = useFormat();
  const code = typeof value === 'string' ? codeKey(recordType, field, value, i18n.exists) : null;
  if (code) return <>{t(code)}</>;
  if (isEmpty(value))
    return (
      <Text span c="gray.7" inherit>
        {t('entry.empty')}
      </Text>
    );
  if (field === 'passwordChanged') return <>{value === true ? t('entry.passwordChanged') : '—'}</>;
  if (typeof value === 'boolean') return <>{value ? t('entry.yes') : t('entry.no')}</>;
  if (field === 'recordId' && typeof value === 'number')
    return referenceKind ? (
      <ReferenceValue kind={referenceKind} id={value} />
    ) : (
      <>{t('entry.recordN', { id: value })}</>
    );
  if (typeof value === 'number' && REFERENCE_FIELDS[field])
    return <ReferenceValue kind={REFERENCE_FIELDS[field]} id={value} />;
  if (typeof value === 'number') return <>{format.number(value)}</>;
  if (typeof value === 'string') {
    if (DATE_ONLY.test(value)) return <>{format.date(value)}</>;
    if (TIMESTAMP.test(value)) return <>{format.dateTime(value)}</>;
    if (field === 'locale' || field === 'language') {
      const key = `language.${value}`;
      const text = t(key, { ns: 'common' });
      return <>{text === key ? value : text}</>;
    }
    return <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{value}</span>;
  }
  if (Array.isArray(value)) {
    return (
      <Stack gap={2}>
        {value.map((item, index) =>
          isRoleGrant(item) ? (
            <span key={index}>
              <RoleLabel grant={item} />
            </span>
          ) : (
            <span key={index}>
              <FieldValue field={field} value={item} recordType={recordType} />
            </span>
          ),
        )}
      </Stack>
    );
  }
  if (typeof value === 'object' && value !== null) return <PartValue value={value} recordType={recordType} />;
  return <>{String(value)}</>;
}

/** The translation key of a stored code («twin» → «cities:tier.twin»), or null when none names it. */
function codeKey(
  recordType: string | undefined,
  field: string,
  value: string,
  exists: (key: string) => boolean,
): string | null {
  const own = recordType ? ENUM_KEYS[recordType]?.[field] : undefined;
  for (const namespace of [...(own ? [own] : []), ...(ENUM_FALLBACKS[field] ?? [])]) {
    if (exists(`${namespace}.${value}`)) return `${namespace}.${value}`;
  }
  return null;
}

/**
 * A part of a record in words (a delegation member, an agreement's party, a position, the fact a
 * source holds): its name first, then its other filled-in fields as «Field: value», never JSON.
 */
function PartValue({ value, recordType }: { value: object; recordType?: string }) {
  const label = useFieldLabel();
  const entries = Object.entries(value as Record<string, unknown>).filter(
    ([key, item]) =>
      !HIDDEN_PART_KEYS.has(key) && !isDraftReference(key) && !isEmpty(item) && typeof item !== 'object',
  );
  const name = entries.find(([key]) => NAME_KEYS.includes(key));
  // Without a name of its own, a part is led by the record it refers to (a member by the person).
  const lead = name ? undefined : entries.find(([key]) => REFERENCE_FIELDS[key] !== undefined);
  const rest = entries.filter((entry) => entry !== name && entry !== lead);
  return (
    <span>
      {name && <>«{String(name[1])}»</>}
      {lead && <FieldValue field={lead[0]} value={lead[1]} recordType={recordType} />}
      {rest.map(([key, item], index) => (
        <span key={key}>
          {name || lead || index > 0 ? '; ' : ''}
          {label(key).toLocaleLowerCase()}: <FieldValue field={key} value={item} recordType={recordType} />
        </span>
      ))}
    </span>
  );
}

/** The keys that name a part: shown first, in quotes. */
const NAME_KEYS = ['name', 'title', 'fullName', 'label'];

/** A field's name in the interface language (its key split into words when unknown). */
export function useFieldLabel(): (field: string) => string {
  const { t } = useTranslation(['admin', 'common']);
  return (field) => {
    const key = `fields.${field}`;
    const text = t(key);
    if (text !== key) return text;
    const words = field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
    return words.charAt(0).toUpperCase() + words.slice(1);
  };
}

/** The table of an entry's changed fields: «Поле · Было · Стало» (or «Значение» for a creation or deletion). */
export function ChangeTable({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation(['admin', 'common']);
  const label = useFieldLabel();
  const changes = fieldChanges(entry);
  if (changes.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('entry.noChanges')}
      </Text>
    );
  const both = entry.action === 'update';
  // A source names the record it is the source of: a city, an organization, a person by name.
  const sourced = asObject(entry.after ?? entry.before).recordType;
  const referenceKind =
    entry.recordType === 'record_source' && typeof sourced === 'string' && NAMED_KINDS.has(sourced)
      ? (sourced as NamedKind)
      : undefined;
  return (
    // A fixed layout that wraps long values, rather than a scrolled box (keyboard users could not scroll it).
    <Table
      withTableBorder
      withColumnBorders
      verticalSpacing={4}
      fz="sm"
      layout="fixed"
      style={{ overflowWrap: 'break-word' }}
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={both ? '30%' : '38%'}>{t('entry.field')}</Table.Th>
          {both ? (
            <>
              <Table.Th>{t('entry.before')}</Table.Th>
              <Table.Th>{t('entry.after')}</Table.Th>
            </>
          ) : (
            <Table.Th>{t('entry.value')}</Table.Th>
          )}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {changes.map((change) => (
          <Table.Tr key={change.field}>
            <Table.Td fw={500}>{label(change.field)}</Table.Td>
            {both ? (
              <>
                <Table.Td bg="red.0">
                  <FieldValue
                    field={change.field}
                    value={change.before}
                    recordType={entry.recordType}
                    referenceKind={referenceKind}
                  />
                </Table.Td>
                <Table.Td bg="green.0">
                  <FieldValue
                    field={change.field}
                    value={change.after}
                    recordType={entry.recordType}
                    referenceKind={referenceKind}
                  />
                </Table.Td>
              </>
            ) : (
              <Table.Td>
                <FieldValue
                  recordType={entry.recordType}
                  field={change.field}
                  value={entry.action === 'delete' ? change.before : change.after}
                  referenceKind={referenceKind}
                />
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

const ACTION_COLOR = { create: 'teal.9', update: 'blue.9', delete: 'red.9' } as const;

/** Who made a change, in words: the user's name, «Вы», «Система», or «Пользователь № 5». */
export function actorName(
  t: (key: string, options?: Record<string, unknown>) => string,
  userId: number | null,
  users: Map<number, UserSummary>,
  meId: number,
): string {
  if (userId === null) return t('entry.system');
  if (userId === meId) return users.get(userId)?.displayName ?? t('entry.you');
  return users.get(userId)?.displayName ?? t('entry.userN', { id: userId });
}

/**
 * One change readable in the user's language: what (the kind of record and its name, linking to
 * its page), the action, who and when, and the fields before and after.
 */
export function AuditEntryView({
  entry,
  users,
  meId,
  showRecord = true,
  extra,
}: {
  entry: AuditEntry;
  users: Map<number, UserSummary>;
  meId: number;
  /** Whether to name the record (the audit trail); a record's own history leaves it out. */
  showRecord?: boolean;
  extra?: ReactNode;
}) {
  const { t } = useTranslation(['admin', 'common']);
  const format = useFormat();
  const name = labelOfSnapshot(entry.after) ?? labelOfSnapshot(entry.before);
  const path = pathOfEntry(entry);
  const kindKey = `kinds.${entry.recordType}`;
  const kind = t(kindKey) === kindKey ? entry.recordType : t(kindKey);
  const title = name
    ? t('entry.titled', { kind, name })
    : `${kind} ${t('entry.recordN', { id: entry.recordId })}`;
  return (
    <Paper
      withBorder
      p="sm"
      radius="sm"
      component="article"
      aria-label={`${t(`entry.action_${entry.action}`)}: ${title}`}
    >
      <Group justify="space-between" align="flex-start" gap="xs" mb="xs" wrap="wrap">
        <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
          <Group gap="xs" wrap="wrap">
            <Badge color={ACTION_COLOR[entry.action]} variant="filled" radius="sm">
              {t(`entry.action_${entry.action}`)}
            </Badge>
            {showRecord && (
              <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                {path ? (
                  <Anchor component={Link} to={path} inherit>
                    {title}
                  </Anchor>
                ) : (
                  title
                )}
              </Text>
            )}
          </Group>
          <Text size="sm" c="gray.7">
            {actorName(t, entry.userId, users, meId)} ·{' '}
            <time dateTime={entry.at}>{format.dateTime(entry.at)}</time>
          </Text>
        </Stack>
        {extra}
      </Group>
      <ChangeTable entry={entry} />
    </Paper>
  );
}
