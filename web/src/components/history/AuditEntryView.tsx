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
const HIDDEN_FIELDS = new Set(['id', 'version', 'updatedAt', 'createdAt', 'searchText']);

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
  agreement: { kind: 'records:agreementKind', status: 'records:agreementStatus' },
  plan_item: { status: 'records:planStatus' },
  document: { kind: 'records:documentKind' },
  visit: { kind: 'visits:kind', status: 'visits:status' },
  event: { kind: 'events:kind' },
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
}: {
  field: string;
  value: unknown;
  /** The kind of record, for the words of its codes. */
  recordType?: string;
}) {
  const { t, i18n } = useTranslation(['admin', 'common']);
  const format = useFormat();
  const enumKey = recordType ? ENUM_KEYS[recordType]?.[field] : undefined;
  if (enumKey && typeof value === 'string' && i18n.exists(`${enumKey}.${value}`))
    return <>{t(`${enumKey}.${value}`)}</>;
  if (isEmpty(value))
    return (
      <Text span c="gray.7" inherit>
        {t('entry.empty')}
      </Text>
    );
  if (field === 'passwordChanged') return <>{value === true ? t('entry.passwordChanged') : '—'}</>;
  if (typeof value === 'boolean') return <>{value ? t('entry.yes') : t('entry.no')}</>;
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
            <span key={index}>{typeof item === 'object' ? JSON.stringify(item) : String(item)}</span>
          ),
        )}
      </Stack>
    );
  }
  return <code style={{ overflowWrap: 'anywhere' }}>{JSON.stringify(value)}</code>;
}

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
                  <FieldValue field={change.field} value={change.before} recordType={entry.recordType} />
                </Table.Td>
                <Table.Td bg="green.0">
                  <FieldValue field={change.field} value={change.after} recordType={entry.recordType} />
                </Table.Td>
              </>
            ) : (
              <Table.Td>
                <FieldValue
                  recordType={entry.recordType}
                  field={change.field}
                  value={entry.action === 'delete' ? change.before : change.after}
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
