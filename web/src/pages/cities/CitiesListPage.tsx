import { Loader, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useUrlSort } from '../../components/RecordTable.tsx';
import { ExportButtons } from '../../components/lists/ExportButtons.tsx';
import { CityName } from './CityName.tsx';
import { useHomeCityIds } from './city-cache.ts';
import { HomeCityTwinnings } from './HomeCityTwinnings.tsx';
import { NoCityNotice } from '../setup/NoCityNotice.tsx';

/** /cities: this installation's home cities and their twin and partner cities. */
export default function CitiesListPage() {
  const { t } = useTranslation('cities');
  const { t: tc } = useTranslation();
  const homes = useHomeCityIds();
  const { sort, order } = useUrlSort();
  return (
    <>
      <PageHeader title={t('list.title')} subtitle={t('list.subtitle')} />
      {homes === undefined && <Loader aria-label={tc('loading')} />}
      {homes?.length === 0 && <NoCityNotice text={t('list.noHomeCities')} />}
      <Stack gap="xl">
        {homes?.map((id) => (
          <HomeCityTwinnings
            key={id}
            cityId={id}
            headingId={`home-city-${id}`}
            heading={<CityName id={id} />}
            actions={<ExportButtons kind="twinnings" query={{ cityId: id, sort, order }} />}
          />
        ))}
      </Stack>
    </>
  );
}
