import { Anchor, Skeleton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { recordPath } from '../../app/record-paths.ts';
import { cityName, useCities } from './city-cache.ts';

/** A city's name by id, linking to its page unless told not to. */
export function CityName({ id, link = true }: { id: number; link?: boolean }) {
  const { i18n } = useTranslation();
  const city = useCities([id]).get(id);
  if (!city) return <Skeleton h={14} w={80} display="inline-block" aria-hidden="true" />;
  const name = cityName(city, i18n.language);
  return link ? (
    <Anchor component={Link} to={recordPath('city', id)} fz="inherit">
      {name}
    </Anchor>
  ) : (
    <>{name}</>
  );
}
