import { Alert, Button, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, type Page } from '../../api/client.ts';
import { errorMessage } from '../../components/errors.ts';
import { RoleLabel } from '../../components/history/RoleLabel.tsx';
import { CreateUserDialog } from '../admin/CreateUserDialog.tsx';
import type { UserRow } from '../admin/RolesDialog.tsx';

/** The accounts and their roles, and «Пригласить коллегу»: a new account with a role, its password shown once. */
export function ColleaguesEditor() {
  const { t } = useTranslation('setup');
  const { t: tc } = useTranslation();
  const users = useApi<Page<UserRow>>('/users', { limit: 100, sort: 'displayName' });
  const [inviting, setInviting] = useState(false);
  return (
    <Stack gap="md">
      {users.error && (
        <Alert color="red" role="alert">
          {errorMessage(tc, users.error)}
        </Alert>
      )}
      {users.loading && !users.data && <Skeleton h={64} />}
      {users.data && (
        <Stack component="ul" gap="xs" p={0} m={0} aria-label={t('colleagues.list')}>
          {users.data.items.map((user) => (
            <Paper key={user.id} component="li" withBorder p="sm" style={{ listStyle: 'none' }}>
              <Group justify="space-between" gap="xs" wrap="wrap">
                <div>
                  <Text fw={600}>{user.displayName}</Text>
                  <Text size="sm" c="gray.7" style={{ overflowWrap: 'anywhere' }}>
                    {user.email}
                  </Text>
                </div>
                <Stack gap={2} align="flex-end">
                  {user.roles.length === 0 ? (
                    <Text size="sm" c="gray.7">
                      {t('colleagues.noRole')}
                    </Text>
                  ) : (
                    user.roles.map((grant) => (
                      <Text size="sm" key={JSON.stringify(grant)}>
                        <RoleLabel grant={grant} />
                      </Text>
                    ))
                  )}
                </Stack>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      <Group>
        <Button onClick={() => setInviting(true)}>{t('colleagues.invite')}</Button>
      </Group>
      <CreateUserDialog opened={inviting} onClose={() => setInviting(false)} onCreated={users.reload} />
    </Stack>
  );
}
