import { Alert, Badge, Group, Paper, Text } from '@mantine/core';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApi } from '../../api/client.ts';
import { recordPath } from '../../app/record-paths.ts';
import { errorMessage } from '../../components/errors.ts';
import { LazyNetworkMap, pairCount, type Network } from '../../components/map/index.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { useFormat } from '../../i18n/format.ts';

const TIERS = [
  ['twin', '#1864ab'],
  ['partner', '#2b8a3e'],
  ['friendship', '#e8590c'],
] as const;

/** /map: the whole twin network the user may read, on a world map. */
export default function MapPage() {
  const { t, i18n } = useTranslation('map');
  const { t: common } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const { data, error, loading } = useApi<Network>('/network', { language: i18n.language });

  const counts = data
    ? t('counts', {
        cities: format.number(data.cityIds.length),
        twinnings: format.number(pairCount(data)),
      })
    : undefined;
  return (
    <>
      <PageHeader title={t('title')} subtitle={counts} />
      {error && (
        <Alert color="red" role="alert" mb="md">
          {errorMessage(common, error)}
        </Alert>
      )}
      {loading && !data && <PageLoader />}
      {data && (
        <>
          <Group gap="xs" mb="xs" aria-label={t('legend')} role="group">
            {TIERS.map(([tier, colour]) => (
              <Badge key={tier} variant="dot" color={colour} size="lg" tt="none" fw={500} c="dark.7">
                {t(`tier.${tier}`)}
              </Badge>
            ))}
          </Group>
          <Paper withBorder radius="sm" style={{ overflow: 'hidden' }}>
            {pairCount(data) === 0 ? (
              <Text p="lg" c="dimmed">
                {t('empty')}
              </Text>
            ) : (
              <Suspense fallback={<PageLoader />}>
                <LazyNetworkMap
                  network={data}
                  // As tall as the window allows on a desktop; on a phone about as tall as the world is wide.
                  height="clamp(320px, min(calc(100vh - 260px), 60vw), 900px)"
                  label={counts ?? t('title')}
                  onCityClick={(cityId) => void navigate(recordPath('city', cityId))}
                  describeCity={(name, twinnings) =>
                    t('cityTooltip', { name, count: twinnings, formatted: format.number(twinnings) })
                  }
                />
              </Suspense>
            )}
          </Paper>
          <Text size="sm" c="dimmed" mt="xs">
            {pairCount(data) > 0 && t('hint')}
            {data.withoutCoordinates > 0 &&
              ` ${t('withoutCoordinates', { count: data.withoutCoordinates, formatted: format.number(data.withoutCoordinates) })}`}
          </Text>
        </>
      )}
    </>
  );
}
