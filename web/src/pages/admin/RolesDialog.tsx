import { Alert, Button, Divider, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '../../api/client.ts';
import { useMe, type RoleGrant } from '../../app/auth.tsx';
import { errorMessage } from '../../components/errors.ts';
import { RoleLabel } from '../../components/history/RoleLabel.tsx';
import { ConfirmAction } from './ConfirmAction.tsx';
import { EMPTY_ROLE, grantOf, RoleFields, type RoleDraft } from './RoleFields.tsx';

/** An account as GET /api/users lists it, with its roles. */
export interface UserRow {
  id: number;
  email: string;
  displayName: string;
  locale: string;
  disabled: boolean;
  roles: RoleGrant[];
  updatedAt: string;
}

function sameGrant(a: RoleGrant, b: RoleGrant): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A user's roles: each with «Отозвать» (asked first), and a form to grant one more. */
export function RolesDialog({
  user,
  onClose,
  onChanged,
}: {
  user: UserRow | null;
  onClose: () => void;
  onChanged: (user: UserRow) => void;
}) {
  const { t } = useTranslation(['admin', 'common']);
  const me = useMe();
  const [draft, setDraft] = useState<RoleDraft>(EMPTY_ROLE);
  const [scopeError, setScopeError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [revoking, setRevoking] = useState<RoleGrant | null>(null);

  const close = () => {
    setDraft(EMPTY_ROLE);
    setScopeError(null);
    setError(null);
    onClose();
  };

  const grant = async () => {
    if (!user) return;
    const chosen = grantOf(draft);
    if (!chosen) {
      setScopeError(t('validation.required', { ns: 'common' }));
      return;
    }
    if (user.roles.some((held) => sameGrant(held, chosen))) {
      setDraft(EMPTY_ROLE);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const updated = await request<UserRow>('POST', `/users/${user.id}/roles`, { body: chosen });
      setDraft(EMPTY_ROLE);
      notifications.show({
        closeButtonProps: { 'aria-label': t('actions.close', { ns: 'common' }) },
        color: 'green',
        message: t('grant.granted'),
      });
      onChanged(updated);
    } catch (caught) {
      setError(errorMessage(t, caught));
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (held: RoleGrant) => {
    if (!user) return;
    const updated = await request<UserRow>('DELETE', `/users/${user.id}/roles`, { body: held });
    notifications.show({
      closeButtonProps: { 'aria-label': t('actions.close', { ns: 'common' }) },
      color: 'green',
      message: t('grant.revoked'),
    });
    onChanged(updated);
  };

  return (
    <>
      <Modal
        opened={user !== null && revoking === null}
        onClose={close}
        title={user ? t('grant.title', { name: user.displayName }) : ''}
        centered
        size="lg"
        closeButtonProps={{ 'aria-label': t('actions.close', { ns: 'common' }) }}
      >
        {user && (
          <Stack gap="md">
            <Title order={2} size="h5">
              {t('grant.current')}
            </Title>
            {user.roles.length === 0 ? (
              <Text c="gray.7" size="sm">
                {t('roles.none')}
              </Text>
            ) : (
              <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {user.roles.map((held) => {
                  const self = held.role === 'admin' && user.id === me.id;
                  return (
                    <Group
                      key={JSON.stringify(held)}
                      component="li"
                      justify="space-between"
                      wrap="nowrap"
                      gap="sm"
                    >
                      <Text size="sm" fw={500}>
                        <RoleLabel grant={held} />
                      </Text>
                      {self ? (
                        <Text size="xs" c="gray.7" maw={240} ta="right">
                          {t('grant.self')}
                        </Text>
                      ) : (
                        <Button
                          size="xs"
                          variant="outline"
                          color="red.9"
                          aria-label={t('grant.revokeLabel', { role: t(`roles.${held.role}`) })}
                          onClick={() => setRevoking(held)}
                        >
                          {t('grant.revoke')}
                        </Button>
                      )}
                    </Group>
                  );
                })}
              </Stack>
            )}
            <Divider />
            <Title order={2} size="h5">
              {t('grant.add')}
            </Title>
            <RoleFields
              value={draft}
              onChange={(next) => {
                setDraft(next);
                setScopeError(null);
              }}
              scopeError={scopeError}
            />
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('actions.close', { ns: 'common' })}
              </Button>
              <Button onClick={() => void grant()} loading={busy} disabled={!draft.role}>
                {t('grant.submit')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
      <ConfirmAction
        opened={revoking !== null}
        onClose={() => setRevoking(null)}
        title={t('grant.revokeTitle')}
        confirmLabel={t('grant.revoke')}
        color="red.9"
        onConfirm={() => (revoking ? revoke(revoking) : Promise.resolve())}
      >
        {user && revoking && (
          <>
            <Text fw={600} mb="xs">
              <RoleLabel grant={revoking} />
            </Text>
            {t('grant.revokeText', { name: user.displayName })}
          </>
        )}
      </ConfirmAction>
    </>
  );
}
