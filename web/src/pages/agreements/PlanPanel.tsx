import { Badge, Button, Card, Group, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useVersionedSave, type ConflictField } from '../../components/ConflictDialog.tsx';
import { ConfirmDelete } from '../../components/ConfirmDelete.tsx';
import { errorMessage } from '../../components/errors.ts';
import { useFormat } from '../../i18n/format.ts';
import { today } from '../../components/record-form/days.ts';
import { isOverdue, planProgress, type PlanItem } from './agreement-api.ts';
import { PlanStatusBadge } from './AgreementStatusBadge.tsx';
import { planItemBody, PlanItemForm, planItemValues } from './PlanItemForm.tsx';

/**
 * The plan of joint activities of an agreement: progress (done of planned), the items by
 * deadline with the overdue ones marked, and for those who may edit: add, change, mark done, delete.
 */
export function PlanPanel({
  agreementId,
  items,
  mayEdit,
  onChanged,
}: {
  agreementId: number;
  items: PlanItem[];
  /** Whether the user may edit this item (the agreement's editors, or the responsible organization's). */
  mayEdit: (item: PlanItem | null) => boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation('records');
  const format = useFormat();
  const [adding, setAdding] = useState(false);
  const phone = useMediaQuery('(max-width: 48em)');
  const progress = planProgress(items);
  const percent = progress.planned === 0 ? 0 : Math.round((progress.done / progress.planned) * 100);
  const now = today();
  const overdue = items.filter((item) => isOverdue(item, now)).length;
  return (
    <Card withBorder component="section" aria-labelledby="plan-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="plan-title">
          {t('plan.heading')}
        </Title>
        {overdue > 0 && (
          <Badge color="red" variant="light" c="dark.8" tt="none">
            {t('plan.overdueCount', { count: overdue, formatted: format.number(overdue) })}
          </Badge>
        )}
      </Group>
      <Stack gap={4} mb="md">
        <Text size="sm" id="plan-progress-label" data-testid="plan-progress">
          {t('plan.progress', {
            done: format.number(progress.done),
            planned: format.number(progress.planned),
            percent: format.number(percent),
          })}
        </Text>
        <Progress.Root size="lg">
          <Progress.Section value={percent} color="teal.8" aria-labelledby="plan-progress-label" />
        </Progress.Root>
      </Stack>
      {items.length === 0 ? (
        <Text c="dimmed">{t('plan.empty')}</Text>
      ) : phone ? (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby="plan-title">
          {items.map((item) => (
            <PlanItemEntry
              key={item.id}
              item={item}
              editable={mayEdit(item)}
              onChanged={onChanged}
              layout="card"
            />
          ))}
        </Stack>
      ) : (
        <Table verticalSpacing="xs" aria-labelledby="plan-title">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('plan.title')}</Table.Th>
              <Table.Th>{t('plan.responsible')}</Table.Th>
              <Table.Th>{t('plan.dueOn')}</Table.Th>
              <Table.Th>{t('plan.status')}</Table.Th>
              <Table.Th>{t('plan.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <PlanItemEntry
                key={item.id}
                item={item}
                editable={mayEdit(item)}
                onChanged={onChanged}
                layout="row"
              />
            ))}
          </Table.Tbody>
        </Table>
      )}
      {mayEdit(null) &&
        (adding ? (
          <Card withBorder mt="md" bg="gray.0">
            <PlanItemForm
              item={null}
              submitLabel={t('plan.add')}
              onCancel={() => setAdding(false)}
              onSave={async (values) => {
                await api.post('/plan-items', { agreementId, ...planItemBody(values) });
                notifications.show({ color: 'green', message: t('plan.added') });
                setAdding(false);
                onChanged();
              }}
            />
          </Card>
        ) : (
          <Button variant="default" mt="md" onClick={() => setAdding(true)}>
            {t('plan.addItem')}
          </Button>
        ))}
    </Card>
  );
}

function PlanItemEntry({
  item,
  editable,
  onChanged,
  layout,
}: {
  item: PlanItem;
  editable: boolean;
  onChanged: () => void;
  /** A table row on wide screens, a card of its own on a phone. */
  layout: 'row' | 'card';
}) {
  const { t } = useTranslation('records');
  const { t: tc } = useTranslation();
  const format = useFormat();
  const [editing, setEditing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const overdue = isOverdue(item, today());
  const fields: ConflictField[] = [
    { key: 'title', label: t('plan.title') },
    { key: 'dueOn', label: t('plan.dueOn'), format: (value) => format.date(value as string) },
    { key: 'status', label: t('plan.status'), format: (value) => t(`planStatus.${String(value)}`) },
    { key: 'doneOn', label: t('plan.doneOn'), format: (value) => format.date(value as string) },
    { key: 'responsibleText', label: t('plan.responsible') },
    { key: 'report', label: t('plan.report') },
  ];
  const versioned = useVersionedSave<PlanItem>(`/plan-items/${item.id}`, fields, () => {
    notifications.show({ color: 'green', message: tc('saved') });
    setEditing(false);
    onChanged();
  });
  const markDone = () => {
    setProblem(null);
    versioned.save({ status: 'done', doneOn: today() }, item.version).catch((error: unknown) => {
      setProblem(errorMessage(tc, error));
    });
  };
  const editor = (
    <>
      <PlanItemForm
        item={item}
        submitLabel={tc('actions.save')}
        onCancel={() => setEditing(false)}
        onSave={(values) => {
          const before = planItemBody(planItemValues(item));
          const after = planItemBody(values);
          const changed = Object.fromEntries(
            Object.entries(after).filter(
              ([key, value]) => JSON.stringify(before[key as keyof typeof before]) !== JSON.stringify(value),
            ),
          );
          return versioned.save(changed, item.version);
        }}
      />
      {versioned.dialog}
    </>
  );
  const title = (
    <>
      <Text fw={500}>{keepNumbers(item.title)}</Text>
      {item.report && (
        <Text size="sm" c="dimmed">
          {item.report}
        </Text>
      )}
      {problem && (
        <Text size="sm" c="red.9" role="alert">
          {problem}
        </Text>
      )}
    </>
  );
  const due = (
    <>
      <Text span c={overdue ? 'red.9' : undefined} fw={overdue ? 600 : undefined}>
        {format.shortDate(item.dueOn)}
      </Text>
      {overdue && (
        <Badge color="red.9" variant="filled" ml={6} size="sm" tt="none">
          {t('plan.overdue')}
        </Badge>
      )}
    </>
  );
  const status = (
    <>
      <PlanStatusBadge status={item.status} />
      {item.doneOn && (
        <Text size="xs" c="dimmed">
          {format.shortDate(item.doneOn)}
        </Text>
      )}
    </>
  );
  const actions = editable && (
    <Group gap={6} wrap={layout === 'card' ? 'wrap' : 'nowrap'}>
      {item.status !== 'done' && (
        <Button
          size="xs"
          color="teal.9"
          variant="filled"
          onClick={markDone}
          aria-label={`${t('plan.markDone')}: ${item.title}`}
        >
          {t('plan.markDone')}
        </Button>
      )}
      <Button
        size="xs"
        variant="default"
        onClick={() => setEditing(true)}
        aria-label={`${tc('actions.edit')}: ${item.title}`}
      >
        {tc('actions.edit')}
      </Button>
      <ConfirmDelete
        name={item.title}
        onDelete={() => api.delete(`/plan-items/${item.id}`, { version: item.version })}
        onDeleted={onChanged}
      />
      {versioned.dialog}
    </Group>
  );
  if (layout === 'card') {
    return (
      <Paper
        withBorder
        p="sm"
        bg={overdue && !editing ? 'red.0' : undefined}
        data-overdue={(overdue && !editing) || undefined}
        component="li"
      >
        {editing ? (
          editor
        ) : (
          <Stack gap={6}>
            {title}
            {item.responsibleText && (
              <Text size="sm">
                {t('plan.responsible')}: {keepNumbers(item.responsibleText)}
              </Text>
            )}
            {item.dueOn && (
              <Text size="sm" span>
                {t('plan.dueOn')}: {due}
              </Text>
            )}
            <div>{status}</div>
            {actions}
          </Stack>
        )}
      </Paper>
    );
  }
  if (editing) {
    return (
      <Table.Tr>
        <Table.Td colSpan={5}>{editor}</Table.Td>
      </Table.Tr>
    );
  }
  return (
    <Table.Tr bg={overdue ? 'red.0' : undefined} data-overdue={overdue || undefined}>
      <Table.Td>{title}</Table.Td>
      <Table.Td>{keepNumbers(item.responsibleText ?? '')}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{due}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{status}</Table.Td>
      <Table.Td>{actions}</Table.Td>
    </Table.Tr>
  );
}

/** «№ 1» kept on one line: a number sign never ends a line apart from its number. */
function keepNumbers(text: string): string {
  return text.replace(/№ (?=\d)/g, '№\u00a0');
}
