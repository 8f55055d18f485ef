import { Alert, Group, Loader, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useUrlSort } from '../../components/RecordTable.tsx';
import { ExportButtons } from '../../components/lists/ExportButtons.tsx';
import { CityName } from './CityName.tsx';
import { cityName, useCities, useHomeCityIds } from './city-cache.ts';
import { TwinningTable } from './TwinningTable.tsx';

/** /cities: this installation's home cities and their twin and partner cities. */
export default function CitiesListPage() {
  const { t, i18n } = useTranslation('cities');
  const { t: tc } = useTranslation();
  const homes = useHomeCityIds();
  const cities = useCities(homes ?? []);
  const { sort, order } = useUrlSort();
  return (
    <>
      <PageHeader title={t('list.title')} subtitle={t('list.subtitle')} />
      {homes === undefined && <Loader aria-label={tc('loading')} />}
      {homes?.length === 0 && <Alert color="gray">{t('list.noHomeCities')}</Alert>}
      <Stack gap="xl">
        {homes?.map((id) => {
          const caption = t('list.twinningsOf', { city: cityName(cities.get(id), i18n.language) });
          return (
            <section key={id} aria-labelledby={`home-city-${id}`}>
              <Group justify="space-between" mb="sm" gap="sm">
                <Title order={2} size="h3" id={`home-city-${id}`}>
                  <CityName id={id} />
                </Title>
                <ExportButtons kind="twinnings" query={{ cityId: id, sort, order }} />
              </Group>
              <TwinningTable cityId={id} caption={caption} />
            </section>
          );
        })}
      </Stack>
    </>
  );
}
