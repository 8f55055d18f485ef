import { useTranslation } from 'react-i18next';
import type { RoleGrant } from '../../app/auth.tsx';
import { useRecordName } from './names.ts';

/** A role with its scope in words: «Редактор: Барановичи (BY)», «Администратор». */
export function RoleLabel({ grant }: { grant: RoleGrant }) {
  const { t, i18n } = useTranslation(['admin', 'common']);
  const cityId = grant.role === 'city_editor' || grant.role === 'city_viewer' ? grant.cityId : null;
  const organizationId = grant.role === 'org_editor' ? grant.organizationId : null;
  const city = useRecordName('city', cityId, i18n.language);
  const organization = useRecordName('organization', organizationId, i18n.language);
  if (grant.role === 'admin') return <>{t('roles.grant_admin')}</>;
  const id = cityId ?? organizationId;
  const name = (cityId !== null ? city : organization) ?? t('entry.recordN', { id });
  return <>{t(`roles.grant_${grant.role}`, { name })}</>;
}

/** Whether a value looks like a role grant (the `roles` of a user in the audit trail). */
export function isRoleGrant(value: unknown): value is RoleGrant {
  if (!value || typeof value !== 'object') return false;
  const role = (value as { role?: unknown }).role;
  return role === 'admin' || role === 'city_editor' || role === 'city_viewer' || role === 'org_editor';
}
