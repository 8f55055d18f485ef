import { Button, Group, Modal, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client.ts';

/** A field the conflict dialog compares: its key in the record, its label, how to show a value. */
export interface ConflictField {
  key: string;
  label: string;
  format?: (value: unknown) => ReactNode;
}

type Values = Record<string, unknown>;

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * A stale edit (409 stale_version): the values stored now beside the user's, for each field that
 * differs; the user picks one side per field (their own by default) and saves the merge against
 * the stored version. Nothing the user typed is lost: cancelling keeps the form as it was.
 */
export function ConflictDialog({
  opened,
  fields,
  mine,
  theirs,
  onResolve,
  onCancel,
  busy,
}: {
  opened: boolean;
  fields: ConflictField[];
  mine: Values;
  /** The record as stored now, with its `version`. */
  theirs: Values & { version: number };
  /** Saves the chosen values with the stored version. */
  onResolve: (merged: Values, version: number) => void;
  onCancel: () => void;
  busy?: boolean;
}) {
  const { t } = useTranslation();
  // Only the fields the user's edit holds: the others are not theirs to choose.
  const differing = fields.filter((field) => field.key in mine && !same(mine[field.key], theirs[field.key]));
  const [choice, setChoice] = useState<Record<string, 'mine' | 'theirs'>>({});
  useEffect(() => {
    if (opened) setChoice({});
  }, [opened]);
  const show = (field: ConflictField, value: unknown) => {
    if (value === null || value === undefined || value === '') {
      return (
        <Text span c="dimmed" fs="italic">
          {t('conflict.empty')}
        </Text>
      );
    }
    return field.format ? field.format(value) : String(value);
  };
  const resolve = () => {
    const merged: Values = { ...mine };
    for (const field of differing) {
      if ((choice[field.key] ?? 'mine') === 'theirs') merged[field.key] = theirs[field.key];
    }
    onResolve(merged, theirs.version);
  };
  return (
    <Modal
      opened={opened}
      onClose={onCancel}
      title={t('conflict.title')}
      size="xl"
      centered
      closeButtonProps={{ 'aria-label': t('actions.close') }}
    >
      <Stack>
        <Text size="sm">{t('conflict.text')}</Text>
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('conflict.field')}</Table.Th>
                <Table.Th>{t('conflict.theirs')}</Table.Th>
                <Table.Th>{t('conflict.mine')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {differing.map((field) => (
                <Table.Tr key={field.key}>
                  <Table.Td fw={500}>{field.label}</Table.Td>
                  <Table.Td>{show(field, theirs[field.key])}</Table.Td>
                  <Table.Td>{show(field, mine[field.key])}</Table.Td>
                  <Table.Td>
                    <SegmentedControl
                      size="xs"
                      aria-label={field.label}
                      value={choice[field.key] ?? 'mine'}
                      onChange={(value) =>
                        setChoice((previous) => ({ ...previous, [field.key]: value as 'mine' | 'theirs' }))
                      }
                      data={[
                        { value: 'theirs', label: t('conflict.keepTheirs') },
                        { value: 'mine', label: t('conflict.keepMine') },
                      ]}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('actions.cancel')}
          </Button>
          <Button onClick={resolve} loading={busy}>
            {t('conflict.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/**
 * Saving a versioned record with the conflict dialog built in: `save(values, version)` PATCHes
 * `path`; on 409 stale_version it loads the stored record and opens the dialog, whose choice is
 * saved again against the stored version. Other errors are thrown to the caller (field errors).
 */
export function useVersionedSave<T extends { version: number }>(
  path: string,
  fields: ConflictField[],
  onSaved: (record: T) => void,
) {
  const [conflict, setConflict] = useState<{ mine: Values; theirs: Values & { version: number } } | null>(
    null,
  );
  const [busy, setBusy] = useState(false);
  const save = async (values: Values, version: number): Promise<T | undefined> => {
    try {
      const saved = await api.patch<T>(path, { ...values, version });
      onSaved(saved);
      return saved;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'stale_version') {
        const theirs = await api.get<Values & { version: number }>(path);
        // Stored as the user wants it already in every field they edit: nothing to choose.
        if (fields.every((field) => !(field.key in values) || same(values[field.key], theirs[field.key]))) {
          return save(values, theirs.version);
        }
        setConflict({ mine: values, theirs });
        return undefined;
      }
      throw error;
    }
  };
  const dialog = (
    <ConflictDialog
      opened={conflict !== null}
      fields={fields}
      mine={conflict?.mine ?? {}}
      theirs={conflict?.theirs ?? { version: 0 }}
      busy={busy}
      onCancel={() => setConflict(null)}
      onResolve={(merged, version) => {
        setBusy(true);
        save(merged, version)
          .then((saved) => {
            if (saved) setConflict(null);
          })
          .finally(() => setBusy(false));
      }}
    />
  );
  return { save, dialog, conflict: conflict !== null };
}
