import { Alert, Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../app/auth.tsx';
import { isAdministrator } from './setup-progress.ts';

/**
 * A page's «no city yet»: for others the page's own words (ask the administrator); for an
 * administrator, who is the one to do it, a link to where the cities are chosen.
 */
export function NoCityNotice({ text }: { text: string }) {
  const { t } = useTranslation('setup');
  const me = useMe();
  if (!isAdministrator(me)) return <Alert color="gray">{text}</Alert>;
  return (
    <Alert color="blue" variant="light">
      {t('links.noCityAdmin')}{' '}
      <Anchor component={Link} to="/settings/cities" fw={600}>
        {t('links.settings')}
      </Anchor>
    </Alert>
  );
}
