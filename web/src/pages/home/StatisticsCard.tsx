import { Alert, Paper, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/client.ts';
import { errorMessage } from '../../components/errors.ts';
import { PageLoader } from '../../components/PageLoader.tsx';
import { formatNumber as formatIn, useFormat } from '../../i18n/format.ts';

const YearChart = lazy(() => import('./YearChart.tsx'));

interface CityStatistics {
  years: Array<{ year: number; visitsIn: number; visitsOut: number; agreements: number }>;
}

/** Visits in and out and agreements by year: a bar chart, and the same numbers as a table for screen readers. */
export function StatisticsCard({ cityId }: { cityId: number }) {
  const { t } = useTranslation('home');
  const { t: common } = useTranslation();
  const format = useFormat();
  const { data, error, loading } = useApi<CityStatistics>('/statistics', { cityId });
  const chart = useMemo(() => {
    const years = data?.years ?? [];
    return {
      years: years.map((row) => row.year),
      series: [
        { name: t('stats.visitsIn'), values: years.map((row) => row.visitsIn), colour: '#1864ab' },
        { name: t('stats.visitsOut'), values: years.map((row) => row.visitsOut), colour: '#74c0fc' },
        { name: t('stats.agreements'), values: years.map((row) => row.agreements), colour: '#2b8a3e' },
      ],
    };
  }, [data, t]);
  // One function per language, so the chart is drawn again only when the language changes.
  const language = format.language;
  const formatNumber = useMemo(() => (value: number) => formatIn(value, language), [language]);

  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="home-stats">
      <Title order={2} size="h4" id="home-stats" mb="xs">
        {t('stats.title')}
      </Title>
      {loading && <PageLoader />}
      {error && (
        <Alert color="red" role="alert">
          {errorMessage(common, error)}
        </Alert>
      )}
      {data && data.years.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('stats.none')}
        </Text>
      )}
      {data && data.years.length > 0 && (
        <>
          <Suspense fallback={<PageLoader />}>
            <YearChart
              years={chart.years}
              series={chart.series}
              label={t('stats.chartLabel')}
              formatNumber={formatNumber}
            />
          </Suspense>
          <VisuallyHidden>
            <Table>
              <caption>{t('stats.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('stats.year')}</th>
                  {chart.series.map((item) => (
                    <th scope="col" key={item.name}>
                      {item.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.years.map((row) => (
                  <tr key={row.year}>
                    <th scope="row">{row.year}</th>
                    <td>{format.number(row.visitsIn)}</td>
                    <td>{format.number(row.visitsOut)}</td>
                    <td>{format.number(row.agreements)}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </VisuallyHidden>
        </>
      )}
    </Paper>
  );
}
