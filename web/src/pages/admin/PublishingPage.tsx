import { Alert, Badge, Button, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, useApi } from '../../api/client.ts';
import { errorMessage } from '../../components/errors.ts';
import { useRecordName } from '../../components/history/names.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ConfirmAction } from './ConfirmAction.tsx';

interface HomeCity {
  cityId: number;
  published: boolean;
}

function HomeCityRow({ city, onChanged }: { city: HomeCity; onChanged: (city: HomeCity) => void }) {
  const { t, i18n } = useTranslation(['admin', 'common']);
  const name = useRecordName('city', city.cityId, i18n.language) ?? t('entry.recordN', { id: city.cityId });
  const [asking, setAsking] = useState(false);
  const next = !city.published;
  const change = async () => {
    const answer = await api.put<HomeCity>(`/home-cities/${city.cityId}`, { published: next });
    notifications.show({
      closeButtonProps: { 'aria-label': t('actions.close', { ns: 'common' }) },
      color: 'green',
      message: t(next ? 'publishing.donePublished' : 'publishing.doneUnpublished', { city: name }),
    });
    onChanged(answer);
  };
  return (
    <Paper withBorder p="md" radius="sm" component="li" style={{ listStyle: 'none' }}>
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Stack gap={4}>
          <Text fw={600}>{name}</Text>
          <Badge
            color={city.published ? 'teal.9' : 'gray.7'}
            variant={city.published ? 'filled' : 'outline'}
            radius="sm"
          >
            {city.published ? t('publishing.published') : t('publishing.internal')}
          </Badge>
        </Stack>
        <Button
          variant={city.published ? 'outline' : 'filled'}
          color={city.published ? 'red.9' : 'blue.8'}
          onClick={() => setAsking(true)}
        >
          {city.published ? t('publishing.unpublish') : t('publishing.publish')}
        </Button>
      </Group>
      <ConfirmAction
        opened={asking}
        onClose={() => setAsking(false)}
        title={t(next ? 'publishing.publishTitle' : 'publishing.unpublishTitle', { city: name })}
        confirmLabel={t(next ? 'publishing.publishConfirm' : 'publishing.unpublishConfirm')}
        color={next ? 'blue.8' : 'red.9'}
        onConfirm={change}
      >
        {t(next ? 'publishing.publishText' : 'publishing.unpublishText', { city: name })}
      </ConfirmAction>
    </Paper>
  );
}

/** /admin/publishing: which of the installation's cities show their twin network to the public. */
export default function PublishingPage() {
  const { t } = useTranslation(['admin', 'common']);
  const cities = useApi<HomeCity[]>('/home-cities');
  return (
    <>
      <PageHeader title={t('tabs.publishing')} subtitle={t('publishing.subtitle')} />
      <Alert color="blue" variant="light" mb="md">
        {t('publishing.intro')}
      </Alert>
      {cities.loading && !cities.data && <Skeleton h={72} />}
      {cities.error && (
        <Alert color="red" role="alert">
          {errorMessage(t, cities.error)}
        </Alert>
      )}
      {cities.data && cities.data.length === 0 && <Text c="gray.7">{t('publishing.none')}</Text>}
      {cities.data && cities.data.length > 0 && (
        <Stack component="ul" gap="sm" p={0} m={0}>
          {cities.data.map((city) => (
            <HomeCityRow
              key={city.cityId}
              city={city}
              onChanged={(changed) =>
                cities.setData(cities.data!.map((row) => (row.cityId === changed.cityId ? changed : row)))
              }
            />
          ))}
        </Stack>
      )}
    </>
  );
}
