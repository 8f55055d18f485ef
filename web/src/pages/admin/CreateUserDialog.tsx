import { Alert, Button, Code, CopyButton, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.ts';
import { applyFieldErrors, errorMessage } from '../../components/errors.ts';
import { forgetUserNames } from '../../components/history/names.ts';
import { EMPTY_ROLE, grantOf, RoleFields, type RoleDraft } from './RoleFields.tsx';

interface Created {
  user: { id: number; email: string; displayName: string };
  password: string | null;
}

/**
 * «Новый пользователь»: name, e-mail, language and a first role; the API generates the password,
 * shown here once, large, with a copy button, until the administrator closes the dialog.
 */
export function CreateUserDialog({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: () => void;
}) {
  const { t, i18n } = useTranslation(['admin', 'common']);
  const [role, setRole] = useState<RoleDraft>(EMPTY_ROLE);
  const [roleError, setRoleError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<Created | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { displayName: '', email: '', locale: 'ru' },
    validateInputOnChange: true,
    validate: {
      displayName: (value) => (value.trim() ? null : t('validation.required', { ns: 'common' })),
      email: (value) =>
        !value.trim()
          ? t('validation.required', { ns: 'common' })
          : /^[^@\s]+@[^@\s]+$/.test(value.trim())
            ? null
            : t('validation.email', { ns: 'common' }),
    },
  });

  const reset = () => {
    form.reset();
    setRole(EMPTY_ROLE);
    setRoleError(null);
    setError(null);
    setCreated(null);
  };
  const close = () => {
    if (busy) return;
    reset();
    onClose();
  };

  const submit = form.onSubmit(async (values) => {
    const grant = grantOf(role);
    if (role.role && !grant) {
      setRoleError(t('validation.required', { ns: 'common' }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const answer = await api.post<Created>('/users', {
        displayName: values.displayName.trim(),
        email: values.email.trim(),
        locale: values.locale,
        roles: grant ? [grant] : [],
      });
      forgetUserNames();
      setCreated(answer);
      onCreated();
    } catch (caught) {
      applyFieldErrors(form, caught, t, i18n.language, ['displayName', 'email', 'locale']);
      // A taken e-mail is the API's conflict: said on the field, where the administrator fixes it.
      if (caught instanceof ApiError && caught.code === 'conflict')
        form.setFieldError('email', t('users.emailTaken'));
      setError(errorMessage(t, caught));
    } finally {
      setBusy(false);
    }
  });

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={created ? t('users.created_title') : t('users.createTitle')}
      centered
      size="lg"
      closeOnClickOutside={!created}
      closeButtonProps={{ 'aria-label': t('actions.close', { ns: 'common' }) }}
    >
      {created ? (
        <Stack gap="md">
          <Text>{t('users.passwordIntro', { email: created.user.email })}</Text>
          <Group gap="sm" wrap="wrap">
            <Code
              fz="xl"
              fw={700}
              px="md"
              py="xs"
              data-testid="one-time-password"
              style={{ userSelect: 'all', letterSpacing: '0.04em', overflowWrap: 'anywhere' }}
            >
              {created.password}
            </Code>
            <CopyButton value={created.password ?? ''}>
              {({ copied, copy }) => (
                <Button
                  variant={copied ? 'light' : 'filled'}
                  color={copied ? 'teal.9' : 'blue.8'}
                  onClick={copy}
                >
                  {copied ? t('users.copied') : t('users.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Alert color="orange" variant="light">
            {t('users.passwordOnce')}
          </Alert>
          <Group justify="flex-end">
            <Button onClick={close} data-autofocus>
              {t('users.done')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <TextInput
              label={t('users.displayName')}
              description={t('users.displayNameHint')}
              required
              autoComplete="off"
              data-autofocus
              {...form.getInputProps('displayName')}
            />
            <TextInput
              label={t('users.email')}
              type="email"
              required
              autoComplete="off"
              {...form.getInputProps('email')}
            />
            <Select
              label={t('users.locale')}
              data={['ru', 'be', 'en'].map((language) => ({
                value: language,
                label: t(`language.${language}`, { ns: 'common' }),
              }))}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('locale')}
            />
            <RoleFields
              value={role}
              onChange={(draft) => {
                setRole(draft);
                setRoleError(null);
              }}
              roleLabel={t('users.firstRole')}
              allowNone
              scopeError={roleError}
            />
            <Text size="xs" c="gray.7">
              {t('users.firstRoleHint')}
            </Text>
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close} disabled={busy}>
                {t('actions.cancel', { ns: 'common' })}
              </Button>
              <Button type="submit" loading={busy}>
                {t('users.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
