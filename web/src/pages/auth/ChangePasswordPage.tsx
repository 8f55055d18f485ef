import { Alert, Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, ApiError } from '../../api/client.ts';
import { useAuth, useMe } from '../../app/auth.tsx';
import { applyFieldErrors, errorMessage } from '../../components/errors.ts';
import { LanguageSwitcher } from '../../components/LanguageSwitcher.tsx';

/** The shortest password the API accepts (MIN_PASSWORD_LENGTH of the auth module). */
const MIN_LENGTH = 10;

/** Choose a new password: required on the first sign-in with a password someone else chose. */
export default function ChangePasswordPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const { refresh, signInPassword, forgetSignInPassword } = useAuth();
  // Right after signing in with a one-time password, that password is the current one: not asked again.
  const [known, setKnown] = useState(() => (me.mustChangePassword ? signInPassword() : null));
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    mode: 'controlled',
    initialValues: { currentPassword: known ?? '', newPassword: '', repeat: '' },
    validateInputOnChange: ['newPassword', 'repeat'],
    validate: {
      currentPassword: (value) => (value ? null : t('validation.required')),
      newPassword: (value, values) =>
        value.length < MIN_LENGTH
          ? t('validation.minLength', { count: MIN_LENGTH })
          : value === values.currentPassword
            ? t('password.sameAsCurrent')
            : null,
      repeat: (value, values) => (value === values.newPassword ? null : t('password.mismatch')),
    },
  });
  useEffect(() => {
    document.title = `${t('password.title')} — ${t('product')}`;
  }, [t]);

  const submit = form.onSubmit(async ({ currentPassword, newPassword }) => {
    setBusy(true);
    setError(null);
    try {
      await api.post('/auth/password', { currentPassword, newPassword });
      forgetSignInPassword();
      await refresh();
      notifications.show({ color: 'green', message: t('password.changed') });
      navigate('/', { replace: true });
    } catch (caught) {
      const rest = applyFieldErrors(form, caught, t, i18n.language, ['currentPassword', 'newPassword']);
      // The two refusals of this route in words of their own.
      if (caught instanceof ApiError) {
        for (const issue of caught.issues) {
          if (issue.path === 'currentPassword') {
            setKnown(null);
            form.setFieldError('currentPassword', t('password.wrongCurrent'));
          }
          if (/differ/.test(issue.message)) form.setFieldError('newPassword', t('password.sameAsCurrent'));
        }
      }
      if (rest.length > 0 || !(caught instanceof ApiError) || caught.issues.length === 0) {
        setError(errorMessage(t, caught));
      }
    } finally {
      setBusy(false);
    }
  });

  return (
    <Box bg="gray.0" mih="100vh">
      <Group justify="flex-end" p="md">
        <LanguageSwitcher />
      </Group>
      <Center px="md" pb="xl">
        <Paper component="main" withBorder shadow="xs" p="xl" radius="md" w="100%" maw={460}>
          <Stack gap="md">
            <Text fw={700} size="xl" c="blue.8">
              {t('product')}
            </Text>
            <Title order={1} size="h3">
              {me.mustChangePassword ? t('password.firstTitle') : t('password.title')}
            </Title>
            {me.mustChangePassword && <Text size="sm">{t('password.firstText')}</Text>}
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <form onSubmit={submit} noValidate>
              <Stack gap="sm">
                {known === null && (
                  <PasswordInput
                    label={t('password.current')}
                    autoComplete="current-password"
                    required
                    {...form.getInputProps('currentPassword')}
                  />
                )}
                <PasswordInput
                  label={t('password.new')}
                  description={t('validation.minLength', { count: MIN_LENGTH })}
                  autoComplete="new-password"
                  required
                  {...form.getInputProps('newPassword')}
                />
                <PasswordInput
                  label={t('password.repeat')}
                  autoComplete="new-password"
                  required
                  {...form.getInputProps('repeat')}
                />
                <Group justify="space-between" mt="xs">
                  {!me.mustChangePassword && (
                    <Button variant="default" onClick={() => navigate(-1)}>
                      {t('actions.cancel')}
                    </Button>
                  )}
                  <Button type="submit" loading={busy} ml="auto">
                    {t('password.submit')}
                  </Button>
                </Group>
              </Stack>
            </form>
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
