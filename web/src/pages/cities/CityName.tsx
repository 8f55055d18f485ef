import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { recordPath } from '../../app/record-paths.ts';
import { cityName, useCities } from './city-cache.ts';

/** A city's name by id, linking to its page unless told not to. */
export function CityName({ id, link = true }: { id: number; link?: boolean }) {
  const { i18n } = useTranslation();
  const city = useCities([id]).get(id);
  // A span while the name loads: the name sits inside paragraphs, where a block would be invalid HTML.
  if (!city)
    return (
      <Text span c="dimmed" aria-hidden="true">
        …
      </Text>
    );
  const name = cityName(city, i18n.language);
  return link ? (
    <Anchor component={Link} to={recordPath('city', id)} fz="inherit">
      {name}
    </Anchor>
  ) : (
    <>{name}</>
  );
}
