import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, useApi } from '../../api/client.ts';
import { recordPath } from '../../app/record-paths.ts';
import { errorMessage } from '../../components/errors.ts';
import { useCountryName } from '../../i18n/countries.ts';
import { cityName, useCities, type City } from '../cities/city-cache.ts';
import { partnerOf, type Twinning } from '../cities/twinning-api.ts';
import { TwinningDialog } from '../cities/TwinningDialog.tsx';

interface Suggestions {
  available: boolean;
  source: string;
  suggestions: { city: City; twinningId: number | null }[];
}

/** The twin cities Wikipedia's lists name for a city, to record the chosen ones at once. */
function SuggestedTwins({
  cityId,
  cityLabel,
  recorded,
  onRecorded,
}: {
  cityId: number;
  cityLabel: string;
  recorded: Twinning[];
  onRecorded: (twinnings: Twinning[]) => void;
}) {
  const { t, i18n } = useTranslation('setup');
  const { t: tc } = useTranslation();
  const countryName = useCountryName();
  const loaded = useApi<Suggestions>(`/cities/${cityId}/twin-suggestions`);
  const [chosen, setChosen] = useState<number[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (loaded.loading && !loaded.data)
    return (
      <Group gap="xs">
        <Loader size="sm" aria-label={tc('loading')} />
        <Text size="sm" c="gray.7">
          {t('twins.looking')}
        </Text>
      </Group>
    );
  if (loaded.error)
    return (
      <Alert color="red" role="alert">
        {errorMessage(tc, loaded.error)}
      </Alert>
    );
  const data = loaded.data;
  if (!data?.available) return <Text c="gray.7">{t('twins.noList')}</Text>;
  const partners = new Set(recorded.map((twinning) => partnerOf(twinning, cityId)));
  const open = data.suggestions.filter((suggestion) => !partners.has(suggestion.city.id));
  if (data.suggestions.length === 0)
    return <Text c="gray.7">{t('twins.noneKnown', { city: cityLabel })}</Text>;
  const record = async () => {
    setBusy(true);
    setError(null);
    const created: Twinning[] = [];
    try {
      for (const id of chosen) {
        created.push(
          await api.post<Twinning>('/twinnings', { cityIds: [cityId, id], tier: 'twin', status: 'active' }),
        );
      }
      setChosen([]);
    } catch (caught) {
      setError(errorMessage(tc, caught));
    } finally {
      setBusy(false);
      if (created.length > 0) onRecorded(created);
    }
  };
  return (
    <Stack gap="xs">
      <Text size="sm">{t('twins.known', { city: cityLabel, count: data.suggestions.length })}</Text>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {open.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t('twins.allRecorded')}
        </Text>
      ) : (
        <Checkbox.Group value={chosen.map(String)} onChange={(values) => setChosen(values.map(Number))}>
          <Stack gap={6}>
            {open.map(({ city }) => (
              <Checkbox
                key={city.id}
                value={String(city.id)}
                label={`${cityName(city, i18n.language)} — ${countryName(city.country)}`}
              />
            ))}
          </Stack>
        </Checkbox.Group>
      )}
      <Group gap="sm">
        {open.length > 0 && (
          <Button onClick={() => void record()} disabled={chosen.length === 0} loading={busy}>
            {chosen.length === 0 ? t('twins.recordNone') : t('twins.recordChosen', { count: chosen.length })}
          </Button>
        )}
        <Text size="xs" c="gray.7">
          {t('twins.credit')}
        </Text>
      </Group>
    </Stack>
  );
}

/** One home city's twinnings: those recorded (each editable), Wikipedia's suggestions, any other by name. */
function CityTwinnings({ cityId }: { cityId: number }) {
  const { t, i18n } = useTranslation('setup');
  const { t: tc } = useTranslation();
  const twinnings = useApi<Twinning[]>(`/cities/${cityId}/twinnings`);
  const recorded = twinnings.data ?? [];
  const cities = useCities([cityId, ...recorded.map((twinning) => partnerOf(twinning, cityId))]);
  const [editing, setEditing] = useState<Twinning | null>(null);
  const [adding, setAdding] = useState(false);
  const name = cityName(cities.get(cityId), i18n.language);
  const saved = (twinning: Twinning) =>
    twinnings.setData(
      recorded.some((row) => row.id === twinning.id)
        ? recorded.map((row) => (row.id === twinning.id ? twinning : row))
        : [...recorded, twinning],
    );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`twins-of-${cityId}`}>
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={3} size="h4" id={`twins-of-${cityId}`}>
            {t('twins.of', { city: name || '…' })}
          </Title>
          <Button variant="default" onClick={() => setAdding(true)}>
            {t('twins.addOther')}
          </Button>
        </Group>
        {twinnings.loading && !twinnings.data && <Loader size="sm" aria-label={tc('loading')} />}
        {twinnings.data && recorded.length === 0 && (
          <Text size="sm" c="gray.7">
            {t('twins.noneRecorded')}
          </Text>
        )}
        {recorded.length > 0 && (
          <Stack component="ul" gap={6} p={0} m={0} aria-label={t('twins.recorded')}>
            {recorded.map((twinning) => {
              const partner = partnerOf(twinning, cityId);
              const partnerName = cityName(cities.get(partner), i18n.language) || '…';
              return (
                <Group key={twinning.id} component="li" justify="space-between" gap="xs" wrap="nowrap">
                  <Group gap="xs">
                    <Anchor component={Link} to={recordPath('city', partner)}>
                      {partnerName}
                    </Anchor>
                    <Badge variant="light" c="gray.9" style={{ textTransform: 'none' }}>
                      {tc(`tier.${twinning.tier}`, { ns: 'cities' })}
                    </Badge>
                    <Badge variant="light" color="gray" c="gray.9" style={{ textTransform: 'none' }}>
                      {tc(`status.${twinning.status}`, { ns: 'cities' })}
                    </Badge>
                  </Group>
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => setEditing(twinning)}
                    aria-label={t('twinning.editWith', { city: partnerName })}
                  >
                    {tc('actions.edit')}
                  </Button>
                </Group>
              );
            })}
          </Stack>
        )}
        <SuggestedTwins
          cityId={cityId}
          cityLabel={name}
          recorded={recorded}
          onRecorded={(created) => twinnings.setData([...recorded, ...created])}
        />
      </Stack>
      <TwinningDialog
        opened={adding || editing !== null}
        cityId={cityId}
        twinning={editing}
        title={
          editing
            ? t('twinning.editTitle', {
                city: cityName(cities.get(partnerOf(editing, cityId)), i18n.language),
              })
            : t('twinning.newTitle', { city: name })
        }
        onClose={() => {
          setAdding(false);
          setEditing(null);
        }}
        onSaved={saved}
      />
    </Paper>
  );
}

/** The twinnings of every home city of the installation. */
export function TwinningsEditor({ homeCityIds }: { homeCityIds: number[] }) {
  const { t } = useTranslation('setup');
  if (homeCityIds.length === 0) return <Text c="gray.7">{t('twins.chooseCityFirst')}</Text>;
  return (
    <Stack gap="md">
      {homeCityIds.map((id) => (
        <CityTwinnings key={id} cityId={id} />
      ))}
    </Stack>
  );
}
