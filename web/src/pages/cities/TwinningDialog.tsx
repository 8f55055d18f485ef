import { Alert, Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.ts';
import { errorMessage } from '../../components/errors.ts';
import { CityPicker } from '../../components/Pickers.tsx';
import { DateField } from '../../components/record-form/DateField.tsx';
import { today } from '../home/home-data.ts';
import type { Twinning, TwinningStatus, TwinningTier } from './twinning-api.ts';

const TIERS: TwinningTier[] = ['twin', 'partner', 'friendship'];
const STATUSES: TwinningStatus[] = ['proposed', 'active', 'suspended', 'ended'];

interface Values {
  partnerId: number | null;
  tier: TwinningTier;
  status: TwinningStatus;
  establishedOn: string | null;
  endedOn: string | null;
  notes: string;
}

function valuesOf(twinning: Twinning | null): Values {
  return {
    partnerId: null,
    tier: twinning?.tier ?? 'twin',
    status: twinning?.status ?? 'active',
    establishedOn: twinning?.establishedOn ?? null,
    endedOn: twinning?.endedOn ?? null,
    notes: twinning?.notes ?? '',
  };
}

/**
 * A twinning of a city: a new one (the partner chosen from the gazetteer) or an existing one's
 * tier, status, dates and notes; «Прекратить» ends it today. `twinning` null: a new one of `cityId`.
 */
export function TwinningDialog({
  opened,
  cityId,
  twinning,
  title,
  onClose,
  onSaved,
}: {
  opened: boolean;
  cityId: number;
  twinning: Twinning | null;
  title: string;
  onClose: () => void;
  onSaved: (twinning: Twinning) => void;
}) {
  const { t } = useTranslation('setup');
  const { t: tc } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: valuesOf(twinning),
    validate: {
      partnerId: (value) => (twinning || value ? null : tc('validation.required')),
      endedOn: (value, values) =>
        value && values.establishedOn && value < values.establishedOn ? t('twinning.endBeforeStart') : null,
    },
  });
  useEffect(() => {
    if (opened) {
      form.setValues(valuesOf(twinning));
      form.resetDirty();
      setError(null);
    }
    // The form is reset when the dialog opens on a twinning, not on every render.
  }, [opened, twinning]);

  const save = async (values: Values) => {
    setBusy(true);
    setError(null);
    const fields = {
      tier: values.tier,
      status: values.status,
      establishedOn: values.establishedOn || null,
      endedOn: values.endedOn || null,
      notes: values.notes.trim() || null,
    };
    try {
      const saved = twinning
        ? await api.patch<Twinning>(`/twinnings/${twinning.id}`, { ...fields, version: twinning.version })
        : await api.post<Twinning>('/twinnings', { ...fields, cityIds: [cityId, values.partnerId] });
      onSaved(saved);
      onClose();
    } catch (caught) {
      setError(
        caught instanceof ApiError && caught.code === 'conflict' && !twinning
          ? t('twinning.exists')
          : errorMessage(tc, caught),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={title} centered size="lg">
      <form onSubmit={form.onSubmit(save)} noValidate>
        <Stack gap="sm">
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          {!twinning && (
            <CityPicker
              label={t('twinning.partner')}
              required
              value={form.values.partnerId}
              onChange={(id) => form.setFieldValue('partnerId', id)}
              error={form.errors.partnerId}
              data-autofocus
            />
          )}
          <Group grow align="flex-start">
            <Select
              label={t('twinning.tier')}
              data={TIERS.map((tier) => ({ value: tier, label: tc(`tier.${tier}`, { ns: 'cities' }) }))}
              allowDeselect={false}
              {...form.getInputProps('tier')}
            />
            <Select
              label={t('twinning.status')}
              data={STATUSES.map((status) => ({
                value: status,
                label: tc(`status.${status}`, { ns: 'cities' }),
              }))}
              allowDeselect={false}
              {...form.getInputProps('status')}
            />
          </Group>
          <Group grow align="flex-start">
            <DateField label={t('twinning.establishedOn')} {...form.getInputProps('establishedOn')} />
            <DateField label={t('twinning.endedOn')} {...form.getInputProps('endedOn')} />
          </Group>
          <Textarea label={t('twinning.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
          <Group justify="space-between" mt="xs">
            {twinning && twinning.status !== 'ended' ? (
              <Button
                variant="outline"
                color="red.9"
                loading={busy}
                onClick={() =>
                  void save({ ...form.values, status: 'ended', endedOn: form.values.endedOn ?? today() })
                }
              >
                {t('twinning.end')}
              </Button>
            ) : (
              <span />
            )}
            <Group gap="sm">
              <Button variant="default" onClick={onClose}>
                {tc('actions.cancel')}
              </Button>
              <Button type="submit" loading={busy}>
                {tc('actions.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
