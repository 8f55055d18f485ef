import { Anchor, List, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, type Page } from '../../api/client.ts';
import { recordPath } from '../../app/record-paths.ts';
import { useFormat } from '../../i18n/format.ts';
import { CityName } from '../cities/CityName.tsx';
import type { VisitSummary } from './person-api.ts';

/** The people whose visits an organization's page reads at most (one request each). */
const MAX_PEOPLE = 30;

/**
 * The visits these people took part in (GET /api/visits?personId=), latest first, each once. The
 * API lists visits by person, not by organization, so an organization's visits are its people's.
 */
export function VisitsOfPersons({ personIds }: { personIds: number[] | undefined }) {
  const { t } = useTranslation('records');
  const format = useFormat();
  const [visits, setVisits] = useState<VisitSummary[] | undefined>(undefined);
  const key = personIds?.slice(0, MAX_PEOPLE).join(',');
  useEffect(() => {
    if (key === undefined) return;
    const controller = new AbortController();
    const ids = key ? key.split(',').map(Number) : [];
    void Promise.allSettled(
      ids.map((personId) =>
        api.get<Page<VisitSummary>>('/visits', { personId, limit: 100 }, controller.signal),
      ),
    ).then((results) => {
      if (controller.signal.aborted) return;
      const byId = new Map<number, VisitSummary>();
      for (const result of results)
        if (result.status === 'fulfilled') for (const visit of result.value.items) byId.set(visit.id, visit);
      setVisits([...byId.values()].sort((a, b) => b.startDate.localeCompare(a.startDate)));
    });
    return () => controller.abort();
  }, [key]);
  if (visits === undefined) return <Text c="dimmed">{t('loading', { ns: 'common' })}</Text>;
  if (visits.length === 0) return <Text c="dimmed">{t('person.noVisits')}</Text>;
  return (
    <List spacing={4}>
      {visits.map((visit) => (
        <List.Item key={visit.id}>
          <Anchor component={Link} to={recordPath('visit', visit.id)}>
            {format.dateRange(visit.startDate, visit.endDate)}
          </Anchor>{' '}
          <CityName id={visit.fromCityId} link={false} /> → <CityName id={visit.toCityId} link={false} />
          {visit.purpose ? (
            <Text span c="dimmed">
              {' '}
              — {visit.purpose}
            </Text>
          ) : null}
        </List.Item>
      ))}
    </List>
  );
}
