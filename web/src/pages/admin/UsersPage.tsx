import { Badge, Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterBar, SearchFilter, useUrlFilters } from '../../components/FilterBar.tsx';
import { RoleLabel } from '../../components/history/RoleLabel.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RecordTable, type Column } from '../../components/RecordTable.tsx';
import { CreateUserDialog } from './CreateUserDialog.tsx';
import { RolesDialog, type UserRow } from './RolesDialog.tsx';

/** /admin/users: the accounts with their roles; a new account (its password shown once); roles granted and revoked. */
export default function UsersPage() {
  const { t } = useTranslation(['admin', 'common']);
  const filters = useUrlFilters(['q'] as const);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserRow | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const reload = () => setReloadKey((key) => key + 1);

  const columns: Column<UserRow>[] = [
    {
      key: 'name',
      header: t('users.name'),
      sort: 'displayName',
      render: (user) => (
        <Stack gap={0}>
          <Text size="sm" fw={500}>
            {user.displayName}
          </Text>
          {user.disabled && (
            <Badge color="gray.7" variant="outline" size="sm">
              {t('users.disabled')}
            </Badge>
          )}
        </Stack>
      ),
    },
    {
      key: 'email',
      header: t('users.email'),
      sort: 'email',
      render: (user) => (
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {user.email}
        </Text>
      ),
    },
    {
      key: 'roles',
      header: t('users.roles'),
      render: (user) =>
        user.roles.length === 0 ? (
          <Text size="sm" c="gray.7">
            {t('roles.none')}
          </Text>
        ) : (
          <Stack gap={2}>
            {user.roles.map((grant) => (
              <Text size="sm" key={JSON.stringify(grant)}>
                <RoleLabel grant={grant} />
              </Text>
            ))}
          </Stack>
        ),
    },
    {
      key: 'actions',
      header: '',
      align: 'right',
      render: (user) => (
        <Button
          size="xs"
          variant="default"
          onClick={() => setEditing(user)}
          aria-label={t('users.editRolesOf', { name: user.displayName })}
        >
          {t('users.editRoles')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('tabs.users')}
        subtitle={t('users.subtitle')}
        actions={<Button onClick={() => setCreating(true)}>{t('users.create')}</Button>}
      />
      <FilterBar active={filters.active} onReset={filters.reset}>
        <SearchFilter
          label={t('users.search')}
          value={filters.values.q}
          onChange={(value) => filters.set('q', value)}
        />
      </FilterBar>
      <RecordTable<UserRow>
        path="/users"
        query={{ q: filters.values.q }}
        columns={columns}
        defaultSort="email"
        caption={t('tabs.users')}
        filtered={filters.active}
        reloadKey={reloadKey}
      />
      <CreateUserDialog opened={creating} onClose={() => setCreating(false)} onCreated={reload} />
      <RolesDialog
        user={editing}
        onClose={() => setEditing(null)}
        onChanged={(user) => {
          setEditing(user);
          reload();
        }}
      />
    </>
  );
}
