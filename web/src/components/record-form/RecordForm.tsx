import { Alert, Button, Group, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordSave } from './useRecordSave.ts';

/**
 * A record's form: the problem no field shows above the fields, «Создать» or «Сохранить» and
 * «Отмена» below them, and the conflict dialog of a stale save.
 */
export function RecordForm({ save, children }: { save: RecordSave; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <form noValidate onSubmit={save.onSubmit}>
        <Stack gap="md" maw={880}>
          {save.problem && (
            <Alert color="red" role="alert">
              {save.problem}
            </Alert>
          )}
          {children}
          <Group>
            <Button type="submit" loading={save.busy}>
              {save.editing ? t('actions.save') : t('actions.create')}
            </Button>
            <Button variant="default" onClick={save.onCancel} disabled={save.busy}>
              {t('actions.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
      {save.dialog}
    </>
  );
}
