import { Alert, Anchor, Group, Paper, Text, Title } from '@mantine/core';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useApi } from '../../api/client.ts';
import { recordPath } from '../../app/record-paths.ts';
import { errorMessage } from '../../components/errors.ts';
import { LazyNetworkMap, pairCount, type Network } from '../../components/map/index.ts';
import { PageLoader } from '../../components/PageLoader.tsx';
import { useFormat } from '../../i18n/format.ts';

/** The city's twin network on the map, with a link to the whole network. */
export function NetworkCard({ cityId, cityName }: { cityId: number; cityName: string }) {
  const { t, i18n } = useTranslation('home');
  const { t: common } = useTranslation();
  const { t: map } = useTranslation('map');
  const format = useFormat();
  const navigate = useNavigate();
  const { data, error, loading } = useApi<Network>('/network', { cityId, language: i18n.language });
  const partners = data ? pairCount(data) : 0;
  const summary = t('network.summary', {
    count: partners,
    formatted: format.number(partners),
    city: cityName,
  });
  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="home-network">
      <Group justify="space-between" align="baseline" mb="xs" wrap="wrap" gap="xs">
        <Title order={2} size="h4" id="home-network">
          {t('network.title')}
        </Title>
        <Anchor component={Link} to="/map" size="sm">
          {t('network.wholeMap')}
        </Anchor>
      </Group>
      {loading && <PageLoader />}
      {error && (
        <Alert color="red" role="alert">
          {errorMessage(common, error)}
        </Alert>
      )}
      {data && (
        <>
          <Text size="sm" c="dimmed" mb="xs">
            {summary}
            {data.withoutCoordinates > 0 &&
              ` ${map('withoutCoordinates', { count: data.withoutCoordinates, formatted: format.number(data.withoutCoordinates) })}`}
          </Text>
          {partners > 0 && (
            <Suspense fallback={<PageLoader />}>
              <LazyNetworkMap
                network={data}
                focusCityId={cityId}
                height="clamp(240px, 60vw, 340px)"
                label={summary}
                onCityClick={(id) => void navigate(recordPath('city', id))}
              />
            </Suspense>
          )}
        </>
      )}
    </Paper>
  );
}
