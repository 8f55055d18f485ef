import { Button, Grid, Select, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { useMe } from '../../app/auth.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { ActivityCard } from './ActivityCard.tsx';
import { cityName, useCities, useHomeCityChoices } from './home-data.ts';
import { NetworkCard } from './NetworkCard.tsx';
import { StatisticsCard } from './StatisticsCard.tsx';
import { UpcomingCard } from './UpcomingCard.tsx';
import { isAdministrator, setupSkipped } from '../setup/setup-progress.ts';

const STORAGE_KEY = 'pobratim.homeCity';

/**
 * The home page of the user's city: what is coming and what is overdue, the latest changes, the
 * city's twin network on the map and its visits and agreements by year. A user of several cities
 * (an administrator of an installation with several home cities) picks one; the choice is remembered.
 */
export default function HomePage() {
  const { t: common } = useTranslation();
  const { t, i18n } = useTranslation('home');
  const { t: setup } = useTranslation('setup');
  const me = useMe();
  const choices = useHomeCityChoices(me);
  const cities = useCities(choices ?? []);
  const [chosen, setChosen] = useState<number | undefined>(() => {
    const stored = Number(localStorage.getItem(STORAGE_KEY));
    return Number.isInteger(stored) && stored > 0 ? stored : undefined;
  });
  const cityId = choices && (chosen !== undefined && choices.includes(chosen) ? chosen : choices[0]);
  useEffect(() => {
    if (chosen !== undefined) localStorage.setItem(STORAGE_KEY, String(chosen));
  }, [chosen]);
  const name = cityName(cityId === undefined ? undefined : cities.get(cityId), i18n.language);
  const admin = isAdministrator(me);
  // An administrator of an installation with no city yet is led through the setup, unless put off.
  if (admin && choices?.length === 0 && !setupSkipped(me)) return <Navigate to="/setup" replace />;

  return (
    <>
      <PageHeader
        title={common('home.title')}
        subtitle={common('home.welcome', { name: me.displayName })}
        actions={
          choices && choices.length > 1 ? (
            <Select
              label={t('city')}
              data={choices.map((id) => ({
                value: String(id),
                label: cityName(cities.get(id), i18n.language) || '…',
              }))}
              value={cityId === undefined ? null : String(cityId)}
              onChange={(value) => value && setChosen(Number(value))}
              allowDeselect={false}
              w={220}
            />
          ) : undefined
        }
      />
      {choices === undefined && <PageLoader />}
      {choices && cityId === undefined && !admin && <Text c="dimmed">{t('noCity')}</Text>}
      {choices && cityId === undefined && admin && (
        <Stack gap="sm" align="flex-start">
          <Text>{setup('links.noCityAdmin')}</Text>
          <Button component={Link} to="/setup">
            {setup('links.setUp')}
          </Button>
        </Stack>
      )}
      {cityId !== undefined && (
        <Stack gap="md">
          {choices && choices.length === 1 && name && (
            <Text size="lg" fw={500} mt={-8}>
              {t('cityHeading', { city: name })}
            </Text>
          )}
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 7 }}>
              <UpcomingCard cityId={cityId} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <ActivityCard cityId={cityId} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <NetworkCard cityId={cityId} cityName={name} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <StatisticsCard cityId={cityId} />
            </Grid.Col>
          </Grid>
        </Stack>
      )}
    </>
  );
}
