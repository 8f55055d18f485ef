import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import { ConfirmDelete } from '../ConfirmDelete.tsx';

/**
 * A record page's «Изменить» and «Удалить» (asking first, then back to the list), for those who may
 * write it. `path` is the record list's address, the same in the application and under /api
 * («/projects»): the record's edit page is `path/id/edit`, its deletion `DELETE /api/path/id`.
 */
export function RecordActions({
  path,
  record,
  name,
}: {
  path: string;
  record: { id: number; version: number };
  /** The record's name in the delete question. */
  name: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <Button component={Link} to={`${path}/${record.id}/edit`}>
        {t('actions.edit')}
      </Button>
      <ConfirmDelete
        name={name}
        onDelete={() => api.delete(`${path}/${record.id}`, { version: record.version })}
        onDeleted={() => void navigate(path)}
      />
    </>
  );
}
