import { Alert, Button, Group, Select, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { applyFieldErrors, errorMessage } from '../../components/errors.ts';
import { LIFETIMES, type IssuedApiToken, type Lifetime } from './api-tokens.ts';

/** The longest token name the API accepts. */
const MAX_NAME = 100;

/** «Новый токен»: what it is for and how long it lives; the API answers with its secret. */
export function CreateTokenForm({ onCreated }: { onCreated: (token: IssuedApiToken) => void }) {
  const { t, i18n } = useTranslation(['account', 'common']);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { name: '', lifetime: '' as Lifetime },
    validateInputOnChange: ['name'],
    validate: {
      name: (value) =>
        !value.trim()
          ? t('validation.required', { ns: 'common' })
          : value.trim().length > MAX_NAME
            ? t('validation.maxLength', { ns: 'common', count: MAX_NAME })
            : null,
    },
  });

  const submit = form.onSubmit(async ({ name, lifetime }) => {
    setBusy(true);
    setError(null);
    try {
      const token = await api.post<IssuedApiToken>('/tokens', {
        name: name.trim(),
        ...(lifetime ? { expiresInDays: Number(lifetime) } : {}),
      });
      form.reset();
      onCreated(token);
    } catch (caught) {
      const rest = applyFieldErrors(form, caught, t, i18n.language, ['name']);
      if (rest.length > 0 || Object.keys(form.errors).length === 0) setError(errorMessage(t, caught));
    } finally {
      setBusy(false);
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label={t('tokens.createHeading')}>
      {/* Bottoms level: the inputs and the button line up under labels of different heights. */}
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label={t('tokens.name')}
          description={t('tokens.nameHint')}
          required
          autoComplete="off"
          maxLength={MAX_NAME + 20}
          style={{ flex: '1 1 260px' }}
          {...form.getInputProps('name')}
        />
        <Select
          label={t('tokens.lifetime')}
          data={LIFETIMES.map((days) => ({
            value: days,
            label: days ? t('tokens.days', { count: Number(days) }) : t('tokens.forever'),
          }))}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          style={{ flex: '0 1 200px' }}
          {...form.getInputProps('lifetime')}
        />
        <Button type="submit" loading={busy}>
          {t('tokens.create')}
        </Button>
      </Group>
      {error && (
        <Alert color="red" role="alert" mt="sm">
          {error}
        </Alert>
      )}
    </form>
  );
}
