import { Checkbox } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Query } from '../../api/client.ts';
import { canWrite, useMe } from '../../app/auth.tsx';
import { SelectFilter, useUrlFilters } from '../../components/FilterBar.tsx';
import { linkColumn } from '../../components/lists/columns.tsx';
import { bound, CityFilter } from '../../components/lists/filters.tsx';
import { ListPage } from '../../components/lists/ListPage.tsx';
import type { Column } from '../../components/RecordTable.tsx';
import { useFormat } from '../../i18n/format.ts';
import { daysFromToday } from '../../components/record-form/days.ts';
import { SPHERES } from '../organizations/organization-api.ts';
import { AGREEMENT_KINDS, AGREEMENT_STATUSES, type Agreement } from './agreement-api.ts';
import { AgreementStatusBadge } from './AgreementStatusBadge.tsx';

const FILTERS = ['status', 'kind', 'sphere', 'cityId', 'expiring'] as const;
/** «Истекают в течение 90 дней»: agreements in force whose term ends within this many days. */
const EXPIRING_DAYS = 90;

/** /agreements: the agreements the user may read, by status, kind, sphere and city. */
export default function AgreementsListPage() {
  const { t } = useTranslation('records');
  const me = useMe();
  const format = useFormat();
  const filters = useUrlFilters(FILTERS);
  const { expiring, ...rest } = filters.values;
  const query: Query = expiring
    ? { ...rest, status: rest.status ?? 'in_force', validUntilBefore: daysFromToday(EXPIRING_DAYS + 1) }
    : rest;

  const columns: Column<Agreement>[] = [
    linkColumn('agreement', {
      key: 'title',
      header: t('agreement.title'),
      sort: 'title',
      text: (agreement) => agreement.title,
    }),
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
    <ListPage<Agreement>
      title={t('agreement.listTitle')}
      exportKind="agreements"
      create={canWrite(me) && { to: '/agreements/new', label: t('agreement.create') }}
      filters={filters}
      path="/agreements"
      query={query}
      columns={columns}
      defaultSort="signedOn"
    >
      <SelectFilter
        label={t('agreement.status')}
        {...bound(filters, 'status')}
        data={AGREEMENT_STATUSES.map((status) => ({ value: status, label: t(`agreementStatus.${status}`) }))}
        width={180}
      />
      <SelectFilter
        label={t('agreement.kind')}
        {...bound(filters, 'kind')}
        data={AGREEMENT_KINDS.map((kind) => ({ value: kind, label: t(`agreementKind.${kind}`) }))}
      />
      <SelectFilter
        label={t('organization.sphere')}
        {...bound(filters, 'sphere')}
        data={SPHERES.map((sphere) => ({ value: sphere, label: t(`sphere.${sphere}`) }))}
        width={200}
      />
      <CityFilter {...bound(filters, 'cityId')} />
      <Checkbox
        label={t('agreement.expiring', { count: EXPIRING_DAYS })}
        checked={expiring === '1'}
        onChange={(event) => filters.set('expiring', event.currentTarget.checked ? '1' : null)}
        mb={8}
      />
    </ListPage>
  );
}
