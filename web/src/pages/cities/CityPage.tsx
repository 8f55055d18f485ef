import { Alert, Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApi } from '../../api/client.ts';
import { useMe } from '../../app/auth.tsx';
import { errorMessage } from '../../components/errors.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useCountryName } from '../../i18n/countries.ts';
import { useFormat } from '../../i18n/format.ts';
import { mayEditCityFacts, mayWrite } from '../../app/access.ts';
import { ExportButtons } from '../../components/lists/ExportButtons.tsx';
import { CityFacts } from './CityFacts.tsx';
import { CityName } from './CityName.tsx';
import { cityName, useHomeCityIds, type City } from './city-cache.ts';
import { partnerOf, type Twinning } from './twinning-api.ts';
import { HomeCityTwinnings } from './HomeCityTwinnings.tsx';
import { TwinningDialog } from './TwinningDialog.tsx';
import { TwinningTimeline } from './TwinningTimeline.tsx';

/** /cities/:id: a home city's twinnings, or a partner city with everything under its twinning. */
export default function CityPage() {
  const { t, i18n } = useTranslation('cities');
  const countryName = useCountryName();
  const { t: tc } = useTranslation();
  const { t: setup } = useTranslation('setup');
  const { id } = useParams();
  const cityId = Number(id);
  const me = useMe();
  const format = useFormat();
  const loaded = useApi<City>(`/cities/${cityId}`);
  const homes = useHomeCityIds();
  const isHome = homes?.includes(cityId) ?? false;
  // A partner city's page shows its twinnings; every city's page needs them to know who may edit
  // its facts (the editors of the cities twinned with it too).
  const twinnings = useApi<Twinning[]>(homes ? `/cities/${cityId}/twinnings` : null);
  const city = loaded.data;
  const [editing, setEditing] = useState<Twinning | null>(null);
  if (loaded.error)
    return (
      <Alert color="red" role="alert">
        {errorMessage(tc, loaded.error)}
      </Alert>
    );
  if (!city || !homes) return <Loader aria-label={tc('loading')} />;
  const name = cityName(city, i18n.language);
  const ours = (twinnings.data ?? []).filter((twinning) => homes.includes(partnerOf(twinning, cityId)));
  return (
    <>
      <PageHeader
        title={name}
        subtitle={[countryName(city.country), isHome ? t('page.homeCity') : t('page.partnerCity')].join(
          ' · ',
        )}
      />
      <Stack gap="lg">
        <CityFacts
          city={city}
          editable={mayEditCityFacts(me, cityId, twinnings.data ?? [])}
          onSaved={loaded.setData}
        />
        {isHome && (
          <HomeCityTwinnings
            cityId={cityId}
            headingId="home-twinnings"
            heading={t('page.twinnings')}
            actions={<ExportButtons kind="twinnings" query={{ cityId }} />}
          />
        )}
        {!isHome && twinnings.loading && <Loader aria-label={tc('loading')} />}
        {!isHome && twinnings.error && (
          <Alert color="red" role="alert">
            {errorMessage(tc, twinnings.error)}
          </Alert>
        )}
        {!isHome && twinnings.data && ours.length === 0 && <Alert color="gray">{t('page.noTwinning')}</Alert>}
        {ours.map((twinning) => {
          const homeId = partnerOf(twinning, cityId);
          return (
            <Card
              key={twinning.id}
              withBorder
              component="section"
              aria-labelledby={`twinning-${twinning.id}`}
            >
              <Group justify="space-between" align="flex-start" mb="xs">
                <Title order={2} size="h3" id={`twinning-${twinning.id}`}>
                  {t('page.twinningWith')} <CityName id={homeId} />
                </Title>
                {mayWrite(me, { cityIds: [homeId, cityId] }) && (
                  <Group gap="xs">
                    <Button variant="default" size="xs" onClick={() => setEditing(twinning)}>
                      {setup('twinning.edit')}
                    </Button>
                    <Button
                      component={Link}
                      to={`/projects/new?cityIds=${homeId},${cityId}`}
                      variant="default"
                      size="xs"
                    >
                      {t('page.addProject')}
                    </Button>
                  </Group>
                )}
              </Group>
              <Group gap="xs" mb="md">
                <Badge variant="light" c="gray.9" style={{ textTransform: 'none' }}>
                  {t(`tier.${twinning.tier}`)}
                </Badge>
                <Badge variant="light" color="gray" c="gray.9" style={{ textTransform: 'none' }}>
                  {t(`status.${twinning.status}`)}
                </Badge>
                {(twinning.establishedOn || twinning.establishedYear) && (
                  <Text size="sm" c="dimmed">
                    {t('page.since', {
                      date: twinning.establishedOn
                        ? format.date(twinning.establishedOn)
                        : twinning.establishedYear,
                    })}
                  </Text>
                )}
              </Group>
              {twinning.notes && (
                <Text size="sm" mb="md">
                  {twinning.notes}
                </Text>
              )}
              <TwinningTimeline twinning={twinning} homeCityId={homeId} />
            </Card>
          );
        })}
      </Stack>
      {editing && (
        <TwinningDialog
          opened
          cityId={partnerOf(editing, cityId)}
          twinning={editing}
          title={setup('twinning.editTitle', { city: name })}
          onClose={() => setEditing(null)}
          onSaved={(saved) =>
            twinnings.setData((twinnings.data ?? []).map((row) => (row.id === saved.id ? saved : row)))
          }
        />
      )}
    </>
  );
}
