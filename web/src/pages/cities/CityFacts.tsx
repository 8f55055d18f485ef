import { Alert, Button, Card, Group, Modal, NumberInput, Select, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useVersionedSave, type ConflictField } from '../../components/ConflictDialog.tsx';
import { applyFieldErrors, errorMessage } from '../../components/errors.ts';
import { useFormat } from '../../i18n/format.ts';
import { forgetCity, type City } from './city-cache.ts';

function intlLocales(language: string): string[] {
  return language === 'en' ? ['en-GB'] : language === 'be' ? ['be-BY', 'ru-RU'] : ['ru-RU'];
}

/** «17 мая» of a city day kept as `--05-17`. */
export function formatCityDay(cityDay: string | null, language: string): string {
  const match = cityDay ? /^--(\d{2})-(\d{2})$/.exec(cityDay) : null;
  if (!match) return '';
  return new Intl.DateTimeFormat(intlLocales(language), { day: 'numeric', month: 'long' }).format(
    new Date(2000, Number(match[1]) - 1, Number(match[2])),
  );
}

interface FactsForm {
  foundedYear: number | string;
  population: number | string;
  month: string | null;
  day: number | string;
}

function toCityDay(values: FactsForm): string | null {
  if (!values.month || values.day === '') return null;
  return `--${values.month.padStart(2, '0')}-${String(values.day).padStart(2, '0')}`;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The facts reminders use (the founding year for jubilees, the city day) and the population,
 * editable by the city's editors and by those of the cities twinned with it.
 */
export function CityFacts({
  city,
  editable,
  onSaved,
}: {
  city: City;
  editable: boolean;
  onSaved: (city: City) => void;
}) {
  const { t, i18n } = useTranslation('cities');
  const { t: tc } = useTranslation();
  const format = useFormat();
  const [opened, setOpened] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const months = Array.from({ length: 12 }, (_, index) => ({
    value: String(index + 1),
    label: new Intl.DateTimeFormat(intlLocales(i18n.language), { month: 'long' }).format(
      new Date(2000, index, 1),
    ),
  }));
  const initial = (): FactsForm => {
    const match = city.cityDay ? /^--(\d{2})-(\d{2})$/.exec(city.cityDay) : null;
    return {
      foundedYear: city.foundedYear ?? '',
      population: city.population > 0 ? city.population : '',
      month: match ? String(Number(match[1])) : null,
      day: match ? Number(match[2]) : '',
    };
  };
  const form = useForm<FactsForm>({
    mode: 'controlled',
    initialValues: initial(),
    validateInputOnChange: true,
    validate: {
      day: (day, values) => {
        if ((day === '') !== (values.month === null)) return t('facts.dayAndMonth');
        if (
          day !== '' &&
          values.month &&
          (Number(day) < 1 || Number(day) > DAYS_IN_MONTH[Number(values.month) - 1]!)
        )
          return tc('validation.invalid');
        return null;
      },
      foundedYear: (year) =>
        year !== '' && (Number(year) < -3000 || Number(year) > new Date().getFullYear())
          ? tc('validation.invalid')
          : null,
      population: (population) =>
        population !== '' && (!Number.isInteger(Number(population)) || Number(population) < 0)
          ? tc('validation.invalid')
          : null,
    },
  });
  const fields: ConflictField[] = [
    { key: 'foundedYear', label: t('facts.foundedYear') },
    {
      key: 'population',
      label: t('facts.population'),
      format: (value) => (Number(value) > 0 ? format.number(Number(value)) : ''),
    },
    {
      key: 'cityDay',
      label: t('facts.cityDay'),
      format: (value) => formatCityDay(value as string, i18n.language),
    },
  ];
  const versioned = useVersionedSave<City>(`/cities/${city.id}`, fields, (saved) => {
    forgetCity(saved.id);
    setOpened(false);
    notifications.show({ color: 'green', message: tc('saved') });
    onSaved(saved);
  });
  const save = async () => {
    if (form.validate().hasErrors) return;
    const values = form.getValues();
    const changes: Record<string, unknown> = {};
    const foundedYear = values.foundedYear === '' ? null : Number(values.foundedYear);
    if (foundedYear !== city.foundedYear) changes.foundedYear = foundedYear;
    // The registry keeps an unknown population as 0 (the gazetteer's way).
    const population = values.population === '' ? 0 : Number(values.population);
    if (population !== city.population) changes.population = population;
    const cityDay = toCityDay(values);
    if (cityDay !== city.cityDay) changes.cityDay = cityDay;
    setBusy(true);
    setProblem(null);
    try {
      await versioned.save(changes, city.version);
    } catch (error) {
      const rest = applyFieldErrors(form, error, tc, i18n.language, ['foundedYear', 'population']);
      if (!(error instanceof ApiError) || error.issues.length === 0 || rest.length > 0)
        setProblem(errorMessage(tc, error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder component="section" aria-labelledby="city-facts">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="city-facts">
          {t('facts.title')}
        </Title>
        {editable && (
          <Button
            variant="default"
            size="xs"
            onClick={() => {
              form.setValues(initial());
              form.clearErrors();
              setProblem(null);
              setOpened(true);
            }}
          >
            {t('facts.edit')}
          </Button>
        )}
      </Group>
      <Stack gap={6}>
        <Text>
          <Text span fw={600}>
            {t('facts.foundedYear')}:{' '}
          </Text>
          {city.foundedYear ?? (
            <Text span c="dimmed">
              {t('facts.unknown')}
            </Text>
          )}
        </Text>
        <Text>
          <Text span fw={600}>
            {t('facts.cityDay')}:{' '}
          </Text>
          {city.cityDay ? (
            formatCityDay(city.cityDay, i18n.language)
          ) : (
            <Text span c="dimmed">
              {t('facts.unknown')}
            </Text>
          )}
        </Text>
        <Text>
          <Text span fw={600}>
            {t('facts.population')}:{' '}
          </Text>
          {city.population > 0 ? (
            format.number(city.population)
          ) : (
            <Text span c="dimmed">
              {t('facts.populationUnknown')}
            </Text>
          )}
        </Text>
        <Text size="sm" c="dimmed">
          {t('facts.remindersHint')}
        </Text>
      </Stack>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={t('facts.editTitle')}
        centered
        closeButtonProps={{ 'aria-label': tc('actions.close') }}
      >
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <Stack>
            {problem && (
              <Alert color="red" role="alert">
                {problem}
              </Alert>
            )}
            <NumberInput
              label={t('facts.foundedYear')}
              allowDecimal={false}
              {...form.getInputProps('foundedYear')}
            />
            <NumberInput
              label={t('facts.population')}
              min={0}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator=" "
              {...form.getInputProps('population')}
            />
            <Group grow align="flex-start">
              <Select
                label={t('facts.cityDayMonth')}
                data={months}
                clearable
                comboboxProps={{ withinPortal: true }}
                {...form.getInputProps('month')}
              />
              <NumberInput
                label={t('facts.cityDayDay')}
                min={1}
                max={31}
                allowDecimal={false}
                {...form.getInputProps('day')}
              />
            </Group>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpened(false)}>
                {tc('actions.cancel')}
              </Button>
              <Button type="submit" loading={busy}>
                {tc('actions.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
      {versioned.dialog}
    </Card>
  );
}
