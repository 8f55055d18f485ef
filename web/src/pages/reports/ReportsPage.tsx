import {
  Alert,
  Button,
  Group,
  Input,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/client.ts';
import { useMe, type Me } from '../../app/auth.tsx';
import { loadRecord, useRecordNames } from '../../components/history/names.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useDownload } from './use-download.ts';
import { NoCityNotice } from '../setup/NoCityNotice.tsx';

const FORMATS = ['docx', 'pdf', 'xlsx'] as const;
type ReportFormat = (typeof FORMATS)[number];

/** The registry's lists the API exports (EXPORT_KINDS of src/reports/exports), `users` for administrators. */
const EXPORT_KINDS = [
  'cities',
  'twinnings',
  'organizations',
  'persons',
  'visits',
  'visit-program-items',
  'agreements',
  'plan-items',
  'projects',
  'events',
  'documents',
  'users',
] as const;

const isAdmin = (me: Me) => me.roles.some((grant) => grant.role === 'admin');

/**
 * The cities the user may report on: an administrator's are the installation's own cities; an
 * editor's or a viewer's the cities of their roles; an organization editor's its organization's city.
 */
function useReportCities(me: Me): { ids: number[]; loading: boolean } {
  const admin = isAdmin(me);
  const homeCities = useApi<{ cityId: number }[]>(admin ? '/home-cities' : null);
  const [organizationCities, setOrganizationCities] = useState<number[]>([]);
  const organizationIds = me.roles.flatMap((grant) =>
    grant.role === 'org_editor' ? [grant.organizationId] : [],
  );
  const organizationKey = organizationIds.join(',');
  useEffect(() => {
    if (admin || organizationIds.length === 0) return;
    void Promise.all(organizationIds.map((id) => loadRecord<{ cityId: number }>('organization', id))).then(
      (organizations) =>
        setOrganizationCities(
          organizations.flatMap((organization) => (organization ? [organization.cityId] : [])),
        ),
    );
  }, [admin, organizationKey]);
  if (admin) return { ids: (homeCities.data ?? []).map((city) => city.cityId), loading: homeCities.loading };
  const roleCities = me.roles.flatMap((grant) =>
    grant.role === 'city_editor' || grant.role === 'city_viewer' ? [grant.cityId] : [],
  );
  return { ids: [...new Set([...roleCities, ...organizationCities])], loading: false };
}

/** One part of the reports page: a titled card with a line on what it gives. */
function ReportSection({
  id,
  title,
  text,
  children,
}: {
  id: string;
  title: string;
  text: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb={4}>
        {title}
      </Title>
      <Text size="sm" c="gray.7" mb="md">
        {text}
      </Text>
      {children}
    </Paper>
  );
}

function AnnualReport() {
  const { t, i18n } = useTranslation(['reports', 'common']);
  const me = useMe();
  const cities = useReportCities(me);
  const names = useRecordNames('city', cities.ids, i18n.language);
  const [cityId, setCityId] = useState<string | null>(null);
  const [year, setYear] = useState<number | string>(new Date().getFullYear());
  const [format, setFormat] = useState<ReportFormat>('docx');
  const { busy, error, start } = useDownload();
  const options = useMemo(
    () =>
      cities.ids
        .map((id) => ({ value: String(id), label: names.get(id) ?? `№ ${id}` }))
        .sort((a, b) => a.label.localeCompare(b.label, i18n.language)),
    [cities.ids, names, i18n.language],
  );
  useEffect(() => {
    if (cityId === null && options.length > 0) setCityId(options[0]!.value);
  }, [options, cityId]);

  const yearNumber = typeof year === 'number' ? year : Number.parseInt(year, 10);
  const yearValid = Number.isInteger(yearNumber) && yearNumber >= 1950 && yearNumber <= 2100;

  const download = async () => {
    if (!cityId || !yearValid) return;
    await start(
      '/reports/annual',
      { cityId, year: yearNumber, format },
      `annual-report-${yearNumber}.${format}`,
    );
  };

  return (
    <ReportSection id="annual-report-title" title={t('annual.title')} text={t('annual.text')}>
      {!cities.loading && cities.ids.length === 0 ? (
        <NoCityNotice text={t('annual.noCities')} />
      ) : (
        <Stack gap="sm">
          <Group gap="sm" align="flex-end" wrap="wrap">
            <Select
              label={t('annual.city')}
              placeholder={t('annual.cityPlaceholder')}
              data={options}
              value={cityId}
              onChange={setCityId}
              allowDeselect={false}
              searchable={options.length > 8}
              w={260}
              comboboxProps={{ withinPortal: true }}
            />
            <NumberInput
              label={t('annual.year')}
              value={year}
              onChange={setYear}
              min={1950}
              max={2100}
              allowDecimal={false}
              thousandSeparator=""
              w={110}
              error={yearValid ? null : t('validation.invalid', { ns: 'common' })}
            />
            <Stack gap={4}>
              <Input.Label id="annual-report-format">{t('annual.format')}</Input.Label>
              <SegmentedControl
                aria-labelledby="annual-report-format"
                data={FORMATS.map((value) => ({ value, label: t(`formats.${value}`) }))}
                value={format}
                onChange={(value) => setFormat(value as ReportFormat)}
              />
            </Stack>
          </Group>
          <Group>
            <Button onClick={() => void download()} loading={busy !== null} disabled={!cityId || !yearValid}>
              {t('annual.download')}
            </Button>
            {busy !== null && (
              <Text size="sm" c="gray.7" aria-live="polite">
                {t('annual.preparing')}
              </Text>
            )}
          </Group>
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('agreementList.title')}
            </Text>
            <Text size="sm" c="gray.7">
              {t('agreementList.description')}
            </Text>
            <Group gap="sm">
              {(['docx', 'xlsx'] as const).map((listFormat) => (
                <Button
                  key={listFormat}
                  variant="light"
                  disabled={!cityId || !yearValid || busy !== null}
                  onClick={() =>
                    void (
                      cityId &&
                      yearValid &&
                      start(
                        '/reports/agreements',
                        { cityId, year: yearNumber, format: listFormat },
                        `agreements-${yearNumber}.${listFormat}`,
                      )
                    )
                  }
                >
                  {t(`agreementList.${listFormat}`)}
                </Button>
              ))}
            </Group>
          </Stack>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
        </Stack>
      )}
    </ReportSection>
  );
}

function Exports() {
  const { t } = useTranslation(['reports', 'common']);
  const me = useMe();
  const { busy, error, start } = useDownload();
  const kinds = EXPORT_KINDS.filter((kind) => kind !== 'users' || isAdmin(me));
  const path = (kind: string, extension: 'csv' | 'xlsx') => `/exports/${kind}.${extension}`;
  return (
    <ReportSection id="exports-title" title={t('exports.title')} text={t('exports.text')}>
      {error && (
        <Alert color="red" role="alert" mb="sm">
          {error}
        </Alert>
      )}
      <Table verticalSpacing={6} striped>
        <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
          <VisuallyHidden>{t('exports.title')}</VisuallyHidden>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('exports.list')}</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>
              {t('exports.csv')} / {t('exports.xlsx')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {kinds.map((kind) => (
            <Table.Tr key={kind}>
              <Table.Td>{t(`kinds.${kind}`)}</Table.Td>
              <Table.Td>
                <Group gap="xs" justify="flex-end" wrap="nowrap">
                  {(['csv', 'xlsx'] as const).map((extension) => (
                    <Button
                      key={extension}
                      size="compact-sm"
                      variant="default"
                      loading={busy === path(kind, extension)}
                      aria-label={t('exports.downloadAs', {
                        list: t(`kinds.${kind}`),
                        format: extension.toUpperCase(),
                      })}
                      onClick={() => void start(path(kind, extension), {}, `${kind}.${extension}`)}
                    >
                      {t(`exports.${extension}`)}
                    </Button>
                  ))}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ReportSection>
  );
}

function WholeRegistry() {
  const { t } = useTranslation(['reports', 'common']);
  const { busy, error, start } = useDownload();
  return (
    <ReportSection id="registry-title" title={t('registry.title')} text={t('registry.text')}>
      <Button
        variant="default"
        onClick={() => void start('/export.json', {}, 'pobratim-registry.json')}
        loading={busy !== null}
      >
        {t('registry.download')}
      </Button>
      {error && (
        <Alert color="red" role="alert" mt="sm">
          {error}
        </Alert>
      )}
    </ReportSection>
  );
}

/** /reports: the annual report as a file, the registry's lists as spreadsheets, the whole registry for administrators. */
export default function ReportsPage() {
  const { t } = useTranslation(['reports', 'common']);
  const me = useMe();
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Stack gap="md">
        <AnnualReport />
        <SimpleGrid cols={{ base: 1, lg: isAdmin(me) ? 2 : 1 }} spacing="md">
          <Exports />
          {isAdmin(me) && (
            <div>
              <WholeRegistry />
            </div>
          )}
        </SimpleGrid>
      </Stack>
    </>
  );
}
