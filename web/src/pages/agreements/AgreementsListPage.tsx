import { Anchor, Button, Checkbox } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Query } from '../../api/client.ts';
import { canWrite, useMe } from '../../app/auth.tsx';
import { recordPath } from '../../app/record-paths.ts';
import { FilterBar, SelectFilter, useUrlFilters } from '../../components/FilterBar.tsx';
import { CityPicker } from '../../components/Pickers.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RecordTable, useUrlSort, type Column } from '../../components/RecordTable.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useCities } from '../cities/city-cache.ts';
import { daysFromToday } from '../../components/record-form/days.ts';
import { ExportButtons } from '../organizations/ExportButtons.tsx';
import { SPHERES } from '../organizations/organization-api.ts';
import { AGREEMENT_KINDS, AGREEMENT_STATUSES, type Agreement } from './agreement-api.ts';
import { AgreementStatusBadge } from './AgreementStatusBadge.tsx';

const FILTERS = ['status', 'kind', 'sphere', 'cityId', 'expiring'] as const;
/** «Истекают в течение 90 дней»: agreements in force whose term ends within this many days. */
const EXPIRING_DAYS = 90;

/** /agreements: the agreements the user may read, by status, kind, sphere and city. */
export default function AgreementsListPage() {
  const { t } = useTranslation('records');
  const { t: tc } = useTranslation();
  const me = useMe();
  const format = useFormat();
  const filters = useUrlFilters(FILTERS);
  const cityId = filters.values.cityId ? Number(filters.values.cityId) : null;
  const city = useCities([cityId]).get(cityId ?? -1) ?? null;
  const { sort, order } = useUrlSort('signedOn');
  const { expiring, ...rest } = filters.values;
  const query: Query = expiring
    ? { ...rest, status: rest.status ?? 'in_force', validUntilBefore: daysFromToday(EXPIRING_DAYS + 1) }
    : rest;

  const columns: Column<Agreement>[] = [
    {
      key: 'title',
      header: t('agreement.title'),
      sort: 'title',
      render: (agreement) => (
        <Anchor component={Link} to={recordPath('agreement', agreement.id)}>
          {agreement.title}
        </Anchor>
      ),
    },
    { key: 'kind', header: t('agreement.kind'), sort: 'kind', render: (a) => t(`agreementKind.${a.kind}`) },
    {
      key: 'parties',
      header: t('agreement.parties'),
      render: (agreement) => agreement.parties.map((party) => party.name).join('; '),
    },
    {
      key: 'signedOn',
      header: t('agreement.signedOn'),
      sort: 'signedOn',
      defaultOrder: 'desc',
      render: (a) => format.shortDate(a.signedOn),
    },
    {
      key: 'validUntil',
      header: t('agreement.validUntil'),
      sort: 'validUntil',
      render: (a) => format.shortDate(a.validUntil),
    },
    {
      key: 'status',
      header: t('agreement.status'),
      sort: 'status',
      render: (agreement) => <AgreementStatusBadge status={agreement.status} />,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('agreement.listTitle')}
        actions={
          <>
            <ExportButtons kind="agreements" query={{ ...query, sort, order }} />
            {canWrite(me) && (
              <Button component={Link} to="/agreements/new">
                {t('agreement.create')}
              </Button>
            )}
          </>
        }
      />
      <FilterBar active={filters.active} onReset={filters.reset}>
        <SelectFilter
          label={t('agreement.status')}
          value={filters.values.status}
          onChange={(value) => filters.set('status', value)}
          data={AGREEMENT_STATUSES.map((status) => ({
            value: status,
            label: t(`agreementStatus.${status}`),
          }))}
          width={180}
        />
        <SelectFilter
          label={t('agreement.kind')}
          value={filters.values.kind}
          onChange={(value) => filters.set('kind', value)}
          data={AGREEMENT_KINDS.map((kind) => ({ value: kind, label: t(`agreementKind.${kind}`) }))}
        />
        <SelectFilter
          label={t('organization.sphere')}
          value={filters.values.sphere}
          onChange={(value) => filters.set('sphere', value)}
          data={SPHERES.map((sphere) => ({ value: sphere, label: t(`sphere.${sphere}`) }))}
          width={200}
        />
        <CityPicker
          placeholder={tc('filters.any')}
          value={cityId}
          initial={city}
          onChange={(id) => filters.set('cityId', id === null ? null : String(id))}
          w={240}
        />
        <Checkbox
          label={t('agreement.expiring', { count: EXPIRING_DAYS })}
          checked={expiring === '1'}
          onChange={(event) => filters.set('expiring', event.currentTarget.checked ? '1' : null)}
          mb={8}
        />
      </FilterBar>
      <RecordTable<Agreement>
        path="/agreements"
        query={query}
        columns={columns}
        defaultSort="signedOn"
        caption={t('agreement.listTitle')}
        filtered={filters.active}
      />
    </>
  );
}
