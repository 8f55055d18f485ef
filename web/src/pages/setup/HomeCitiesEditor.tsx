import { Alert, Button, Checkbox, Group, Paper, Skeleton, Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, useApi } from '../../api/client.ts';
import { errorMessage } from '../../components/errors.ts';
import { CityPicker, type CityOption } from '../../components/Pickers.tsx';
import { useCountryName } from '../../i18n/countries.ts';
import { cityName, useCities } from '../cities/city-cache.ts';

/** A home city as GET /api/home-cities answers. */
export interface HomeCity {
  cityId: number;
  published: boolean;
}

/**
 * The installation's own cities: chosen from the gazetteer by name, each with its «we publish»
 * flag (the public sees its twin network), and taken out again when chosen by mistake.
 */
export function HomeCitiesEditor({ onChange }: { onChange?: (homes: HomeCity[]) => void }) {
  const { t, i18n } = useTranslation('setup');
  const { t: tc } = useTranslation();
  const countryName = useCountryName();
  const homes = useApi<HomeCity[]>('/home-cities');
  const cities = useCities((homes.data ?? []).map((home) => home.cityId));
  const [picked, setPicked] = useState<CityOption | null>(null);
  const [publish, setPublish] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const update = (next: HomeCity[]) => {
    homes.setData(next);
    onChange?.(next);
  };
  const run = async (work: () => Promise<HomeCity[]>) => {
    setBusy(true);
    setError(null);
    try {
      update(await work());
    } catch (caught) {
      setError(errorMessage(tc, caught));
    } finally {
      setBusy(false);
    }
  };
  const current = homes.data ?? [];
  const add = () =>
    picked &&
    run(async () => {
      const saved = await api.put<HomeCity>(`/home-cities/${picked.id}`, { published: publish });
      setPicked(null);
      setPublish(false);
      return [...current.filter((home) => home.cityId !== saved.cityId), saved];
    });
  const setPublished = (home: HomeCity, published: boolean) =>
    run(async () => {
      const saved = await api.put<HomeCity>(`/home-cities/${home.cityId}`, { published });
      return current.map((row) => (row.cityId === saved.cityId ? saved : row));
    });
  const remove = (home: HomeCity) =>
    run(async () => {
      await api.delete(`/home-cities/${home.cityId}`);
      return current.filter((row) => row.cityId !== home.cityId);
    });

  return (
    <Stack gap="md">
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {homes.loading && !homes.data && <Skeleton h={64} />}
      {homes.data && current.length === 0 && <Text c="gray.7">{t('home.none')}</Text>}
      {current.length > 0 && (
        <Stack component="ul" gap="xs" p={0} m={0} aria-label={t('home.chosen')}>
          {current.map((home) => {
            const city = cities.get(home.cityId);
            const name = cityName(city, i18n.language) || '…';
            return (
              <Paper key={home.cityId} component="li" withBorder p="sm" style={{ listStyle: 'none' }}>
                <Group justify="space-between" gap="sm" wrap="wrap">
                  <div>
                    <Text fw={600}>{name}</Text>
                    {city && (
                      <Text size="sm" c="gray.7">
                        {countryName(city.country)}
                      </Text>
                    )}
                  </div>
                  <Group gap="md">
                    <Switch
                      label={t('home.publishes')}
                      checked={home.published}
                      disabled={busy}
                      onChange={(event) => void setPublished(home, event.currentTarget.checked)}
                    />
                    <Button
                      variant="outline"
                      color="red.9"
                      size="xs"
                      disabled={busy}
                      onClick={() => void remove(home)}
                      aria-label={t('home.removeCity', { city: name })}
                    >
                      {t('home.remove')}
                    </Button>
                  </Group>
                </Group>
              </Paper>
            );
          })}
        </Stack>
      )}
      <Paper withBorder p="md" bg="gray.0">
        <Stack gap="sm">
          <CityPicker
            label={t('home.pick')}
            description={t('home.pickHint')}
            value={picked?.id ?? null}
            onChange={(_, city) => setPicked(city)}
          />
          <Checkbox
            label={t('home.publishes')}
            description={t('home.publishesHint')}
            checked={publish}
            onChange={(event) => setPublish(event.currentTarget.checked)}
          />
          <Group>
            <Button onClick={() => void add()} disabled={!picked} loading={busy}>
              {t('home.add')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
