import { Anchor, Badge, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { recordPath } from '../../app/record-paths.ts';
import { RecordTable, type Column } from '../../components/RecordTable.tsx';
import { useCountryName } from '../../i18n/countries.ts';
import { useFormat } from '../../i18n/format.ts';
import { cityName, useCities } from './city-cache.ts';
import { partnerOf, type Twinning } from './twinning-api.ts';

// Light badges: the colour tells the status, the text stays near-black for contrast on any row.
const STATUS_COLOR = { proposed: 'blue', active: 'green', suspended: 'orange', ended: 'gray' } as const;

function PartnerCell({ id }: { id: number }) {
  const { i18n } = useTranslation();
  const city = useCities([id]).get(id);
  return (
    <Anchor component={Link} to={recordPath('city', id)}>
      {city ? cityName(city, i18n.language) : '…'}
    </Anchor>
  );
}

function CountryCell({ id }: { id: number }) {
  const countryName = useCountryName();
  const city = useCities([id]).get(id);
  if (!city) return null;
  return <>{countryName(city.country)}</>;
}

/** A home city's twinnings: partner, country, since, status, tier; sortable by the API; editable when `onEdit` is given. */
export function TwinningTable({
  cityId,
  caption,
  onEdit,
  reloadKey,
}: {
  cityId: number;
  caption: string;
  onEdit?: ((twinning: Twinning) => void) | undefined;
  reloadKey?: number;
}) {
  const { t } = useTranslation('cities');
  const { t: tc } = useTranslation();
  const format = useFormat();
  const columns: Column<Twinning>[] = [
    {
      key: 'partner',
      header: t('twinnings.partner'),
      sort: 'partner',
      render: (twinning) => <PartnerCell id={partnerOf(twinning, cityId)} />,
    },
    {
      key: 'country',
      header: t('twinnings.country'),
      render: (twinning) => <CountryCell id={partnerOf(twinning, cityId)} />,
    },
    {
      key: 'since',
      header: t('twinnings.since'),
      sort: 'establishedOn',
      render: (twinning) =>
        twinning.establishedOn ? format.date(twinning.establishedOn) : (twinning.establishedYear ?? ''),
    },
    {
      key: 'status',
      header: t('twinnings.status'),
      sort: 'status',
      render: (twinning) => (
        <Badge
          color={STATUS_COLOR[twinning.status]}
          c="gray.9"
          variant="light"
          style={{ textTransform: 'none' }}
        >
          {t(`status.${twinning.status}`)}
        </Badge>
      ),
    },
    {
      key: 'tier',
      header: t('twinnings.tier'),
      sort: 'tier',
      render: (twinning) => t(`tier.${twinning.tier}`),
    },
  ];
  if (onEdit)
    columns.push({
      key: 'actions',
      header: '',
      align: 'right',
      render: (twinning) => (
        <Button size="xs" variant="default" onClick={() => onEdit(twinning)}>
          {tc('actions.edit')}
        </Button>
      ),
    });
  return (
    <RecordTable<Twinning>
      path={`/cities/${cityId}/twinnings`}
      columns={columns}
      caption={caption}
      {...(reloadKey === undefined ? {} : { reloadKey })}
    />
  );
}
