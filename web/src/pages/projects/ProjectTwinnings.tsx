import { Anchor, List, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { recordPath } from '../../app/record-paths.ts';
import { Section } from '../organizations/Section.tsx';
import { CityName } from '../cities/CityName.tsx';
import { useHomeCityIds } from '../cities/city-cache.ts';
import { partnerOf, type Twinning } from '../cities/twinning-api.ts';

/**
 * The twinnings of the installation's cities between the cities of a project's parties (where the
 * API lists the project under the twinning): each links to the partner city's page and its timeline.
 */
function useTwinningsBetween(cityIds: number[]): { home: number; twinning: Twinning }[] | undefined {
  const homes = useHomeCityIds();
  const key = [...cityIds].sort((a, b) => a - b).join(',');
  const [found, setFound] = useState<{ home: number; twinning: Twinning }[] | undefined>(undefined);
  useEffect(() => {
    if (!homes) return;
    const controller = new AbortController();
    const cities = key.split(',').map(Number);
    const ours = cities.filter((id) => homes.includes(id));
    void Promise.all(
      ours.map((home) =>
        api
          .get<Twinning[]>(`/cities/${home}/twinnings`, undefined, controller.signal)
          .then((twinnings) =>
            twinnings
              .filter((twinning) => cities.includes(partnerOf(twinning, home)))
              .map((twinning) => ({ home, twinning })),
          )
          // A home city whose twinnings the user may not read shows none.
          .catch(() => []),
      ),
    ).then((lists) => {
      if (controller.signal.aborted) return;
      // Two home cities of one project may both list the twinning between them: once is enough.
      setFound([...new Map(lists.flat().map((entry) => [entry.twinning.id, entry])).values()]);
    });
    return () => controller.abort();
  }, [homes, key]);
  return found;
}

/** «Побратимские связи»: the twinnings the project falls under, each a link to its partner city's page. */
export function ProjectTwinnings({ cityIds }: { cityIds: number[] }) {
  const { t } = useTranslation('projects');
  const { t: tcity } = useTranslation('cities');
  const twinnings = useTwinningsBetween(cityIds);
  if (!twinnings) return null;
  return (
    <Section title={t('page.twinnings')}>
      {twinnings.length === 0 ? (
        <Text c="dimmed">{t('page.noTwinning')}</Text>
      ) : (
        <>
          <List spacing={4} mb="xs">
            {twinnings.map(({ home, twinning }) => {
              const partner = partnerOf(twinning, home);
              return (
                <List.Item key={twinning.id}>
                  <Anchor component={Link} to={recordPath('city', partner)}>
                    <CityName id={home} link={false} /> — <CityName id={partner} link={false} />
                  </Anchor>
                  <Text span c="dimmed" size="sm">
                    {' '}
                    · {tcity(`tier.${twinning.tier}`)} · {tcity(`status.${twinning.status}`)}
                  </Text>
                </List.Item>
              );
            })}
          </List>
          <Text size="sm" c="dimmed">
            {t('page.twinningsHint')}
          </Text>
        </>
      )}
    </Section>
  );
}
