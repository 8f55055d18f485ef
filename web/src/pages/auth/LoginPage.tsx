import {
  Alert,
  Box,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useApi } from '../../api/client.ts';
import { useAuth } from '../../app/auth.tsx';
import { errorMessage } from '../../components/errors.ts';
import { LanguageSwitcher } from '../../components/LanguageSwitcher.tsx';

/** Only paths inside the application, never another site, are followed after signing in. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export default function LoginPage() {
  const { t } = useTranslation();
  const { me, signIn } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Where the one-time password is is said to a fresh installation only, not to every user.
  const status = useApi<{ firstStart: boolean }>('/setup/status');
  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '', password: '' },
    validateInputOnBlur: true,
    validate: {
      email: (value) =>
        !value.trim()
          ? t('validation.required')
          : /^[^@\s]+@[^@\s]+$/.test(value.trim())
            ? null
            : t('validation.email'),
      password: (value) => (value ? null : t('validation.required')),
    },
  });
  useEffect(() => {
    document.title = `${t('login.title')} — ${t('product')}`;
  }, [t]);

  if (me)
    return <Navigate to={me.mustChangePassword ? '/setup-password' : safeNext(params.get('next'))} replace />;

  const submit = form.onSubmit(async ({ email, password }) => {
    setBusy(true);
    setError(null);
    try {
      const signedIn = await signIn(email.trim(), password);
      navigate(signedIn.mustChangePassword ? '/setup-password' : safeNext(params.get('next')), {
        replace: true,
      });
    } catch (caught) {
      setError(errorMessage(t, caught));
      form.setFieldValue('password', '');
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
        <Paper component="main" withBorder shadow="xs" p="xl" radius="md" w="100%" maw={420}>
          <Stack gap="md">
            <div>
              <Text fw={700} size="xl" c="blue.8">
                {t('product')}
              </Text>
              <Text size="sm" c="dimmed">
                {t('tagline')}
              </Text>
            </div>
            <Title order={1} size="h3">
              {t('login.title')}
            </Title>
            {error && (
              <Alert color="red" role="alert" title={t('login.failed')}>
                {error}
              </Alert>
            )}
            <form onSubmit={submit} noValidate>
              <Stack gap="sm">
                <TextInput
                  label={t('login.email')}
                  type="email"
                  autoComplete="username"
                  required
                  autoFocus
                  {...form.getInputProps('email')}
                />
                <PasswordInput
                  label={t('login.password')}
                  autoComplete="current-password"
                  required
                  {...form.getInputProps('password')}
                />
                <Button type="submit" loading={busy} fullWidth mt="xs">
                  {t('login.submit')}
                </Button>
              </Stack>
            </form>
            {status.data?.firstStart && (
              <Alert color="blue" variant="light">
                {t('login.firstStartHint')}
              </Alert>
            )}
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
