import { Alert, Button, Group, Modal, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from './errors.ts';

/**
 * A delete button that asks first: a dialog names the record, «Удалить» runs `onDelete`; its
 * error (a record others depend on: 409) is shown in the dialog and nothing is lost.
 */
export function ConfirmDelete({
  name,
  onDelete,
  onDeleted,
  label,
  title,
  text,
  confirmLabel,
  doneMessage,
  buttonName,
  disabled,
}: {
  /** The record's name, shown in the question. */
  name: string;
  onDelete: () => Promise<unknown>;
  onDeleted?: () => void;
  /** The button's text («Удалить» unless told). */
  label?: string;
  title?: string;
  text?: string;
  /** The dialog's red button («Удалить» unless told: «Отозвать» for a token). */
  confirmLabel?: string;
  /** The notice once done («Запись удалена» unless told). */
  doneMessage?: string;
  /** The button's accessible name where several stand in one list («Удалить: Встреча с мэром»). */
  buttonName?: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    if (busy) return;
    setOpened(false);
    setError(null);
  };
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onDelete();
      setOpened(false);
      notifications.show({ color: 'green', message: doneMessage ?? t('confirm.deleted') });
      onDeleted?.();
    } catch (caught) {
      setError(errorMessage(t, caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        color="red.9"
        variant="outline"
        onClick={() => setOpened(true)}
        disabled={disabled}
        aria-label={buttonName}
      >
        {label ?? t('actions.delete')}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={title ?? t('confirm.deleteTitle')}
        centered
        closeButtonProps={{ 'aria-label': t('actions.close') }}
      >
        <Text mb="md">{text ?? t('confirm.deleteText', { name })}</Text>
        {error && (
          <Alert color="red" role="alert" mb="md">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close} disabled={busy}>
            {t('actions.cancel')}
          </Button>
          <Button color="red.9" onClick={() => void confirm()} loading={busy} data-autofocus>
            {confirmLabel ?? t('confirm.deleteButton')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
