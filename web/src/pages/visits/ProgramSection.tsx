import { ActionIcon, Anchor, Badge, Button, Group, List, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ApiError } from '../../api/client.ts';
import { recordPath } from '../../app/record-paths.ts';
import { ConfirmDelete } from '../../components/ConfirmDelete.tsx';
import { errorMessage } from '../../components/errors.ts';
import { useFormat } from '../../i18n/format.ts';
import { RecordName } from '../events/RecordName.tsx';
import { OrganizationName } from '../organizations/OrganizationName.tsx';
import { nextPosition, programByDay, reorderedProgram } from './program-order.ts';
import { ProgramItemDialog } from './ProgramItemDialog.tsx';
import type { ProgramItem, VisitDetails } from './visit-api.ts';

/**
 * Whether a reorder was refused because the program is not the one the page showed (409): an item
 * moved on to another version, or an item added or deleted meanwhile.
 */
function changedElsewhere(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'stale_version' || error.code === 'conflict');
}

/** The buttons beside a program item: up, down, change, delete. */
function ItemActions({
  item,
  first,
  last,
  busy,
  onMove,
  onEdit,
  onDeleted,
}: {
  item: ProgramItem;
  first: boolean;
  last: boolean;
  busy: boolean;
  onMove: (step: -1 | 1) => void;
  onEdit: () => void;
  onDeleted: () => void;
}) {
  const { t } = useTranslation('visits');
  const { t: tc } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <ActionIcon
        variant="default"
        size={36}
        aria-label={t('program.moveUp', { title: item.title })}
        disabled={first || busy}
        onClick={() => onMove(-1)}
      >
        ↑
      </ActionIcon>
      <ActionIcon
        variant="default"
        size={36}
        aria-label={t('program.moveDown', { title: item.title })}
        disabled={last || busy}
        onClick={() => onMove(1)}
      >
        ↓
      </ActionIcon>
      <Button variant="default" onClick={onEdit} aria-label={t('program.edit', { title: item.title })}>
        {tc('actions.edit')}
      </Button>
      <ConfirmDelete
        name={item.title}
        buttonName={t('program.delete', { title: item.title })}
        onDelete={() => api.delete(`/visit-program-items/${item.id}`, { version: item.version })}
        onDeleted={onDeleted}
      />
    </Group>
  );
}

/**
 * The visit's program by day; an editor adds, changes, deletes and reorders its items (moving
 * one up or down within its day; the day itself is changed in the item's dialog).
 */
export function ProgramSection({
  visit,
  editable,
  onChanged,
  onReordered,
}: {
  visit: VisitDetails;
  editable: boolean;
  /** Reloads the visit after a change. */
  onChanged: () => void;
  /** Shows the program as the API stored it after a reorder, at the items' new versions. */
  onReordered: (program: ProgramItem[]) => void;
}) {
  const { t } = useTranslation('visits');
  const { t: tc } = useTranslation();
  const format = useFormat();
  const [editing, setEditing] = useState<ProgramItem | 'new' | null>(null);
  const [moving, setMoving] = useState(false);
  const move = async (item: ProgramItem, step: -1 | 1) => {
    const items = reorderedProgram(visit.program, item, step);
    if (!items) return;
    setMoving(true);
    try {
      // The whole order in one request: the API applies all of it or, on any problem, nothing.
      const saved = await api.put<{ items: ProgramItem[] }>(`/visits/${visit.id}/program/order`, { items });
      onReordered(saved.items);
    } catch (error) {
      notifications.show({
        color: 'red',
        message: changedElsewhere(error) ? t('program.changedElsewhere') : errorMessage(tc, error),
      });
      // Nothing was stored: show the program as it is now, whoever changed it.
      onChanged();
    } finally {
      setMoving(false);
    }
  };
  return (
    <Stack gap="sm">
      {visit.program.length === 0 ? (
        <Text c="dimmed">{t('page.noProgram')}</Text>
      ) : (
        programByDay(visit.program).map(([day, items]) => (
          <div key={day ?? 'undated'}>
            <Text fw={600}>{day ? format.date(day) : t('page.undated')}</Text>
            <List
              spacing={editable ? 6 : 2}
              styles={editable ? { itemWrapper: { display: 'flex', alignItems: 'stretch' } } : undefined}
            >
              {items.map((item, index) => (
                <List.Item key={item.id}>
                  <Group gap="xs" justify="space-between" wrap="wrap" align="flex-start">
                    <div>
                      {item.startTime !== null && (
                        <Text span fw={500} mr="xs">
                          {item.endTime ? `${item.startTime}–${item.endTime}` : item.startTime}
                        </Text>
                      )}
                      {item.title}
                      {item.kind !== 'other' && (
                        <Badge variant="light" color="gray" ml="xs" size="sm" tt="none">
                          {t(`programKind.${item.kind}`)}
                        </Badge>
                      )}
                      {item.organizationId !== null && (
                        <Text span c="dimmed">
                          {' '}
                          · <OrganizationName id={item.organizationId} />
                        </Text>
                      )}
                      {item.eventId !== null && (
                        <Text span c="dimmed">
                          {' '}
                          ·{' '}
                          <Anchor component={Link} to={recordPath('event', item.eventId)}>
                            <RecordName path={`/events/${item.eventId}`} field="name" />
                          </Anchor>
                        </Text>
                      )}
                      {item.agreementId !== null && (
                        <Text span c="dimmed">
                          {' '}
                          ·{' '}
                          <Anchor component={Link} to={recordPath('agreement', item.agreementId)}>
                            <RecordName path={`/agreements/${item.agreementId}`} field="title" />
                          </Anchor>
                        </Text>
                      )}
                      {item.notes ? (
                        <Text span c="dimmed">
                          {' '}
                          — {item.notes}
                        </Text>
                      ) : null}
                    </div>
                    {editable && (
                      <ItemActions
                        item={item}
                        first={index === 0}
                        last={index === items.length - 1}
                        busy={moving}
                        onMove={(step) => void move(item, step)}
                        onEdit={() => setEditing(item)}
                        onDeleted={onChanged}
                      />
                    )}
                  </Group>
                </List.Item>
              ))}
            </List>
          </div>
        ))
      )}
      {editable && (
        <Button variant="default" w="fit-content" onClick={() => setEditing('new')}>
          {t('program.add')}
        </Button>
      )}
      {editing !== null && (
        <ProgramItemDialog
          visit={visit}
          item={editing === 'new' ? null : editing}
          position={nextPosition(visit.program)}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            onChanged();
          }}
        />
      )}
    </Stack>
  );
}
