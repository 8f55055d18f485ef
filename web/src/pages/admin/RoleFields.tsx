import { Select, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role, RoleGrant } from '../../app/auth.tsx';
import { CityPicker, RecordPicker } from '../../components/Pickers.tsx';

/** A role being chosen: the role and its scope (a city or an organization), possibly incomplete. */
export interface RoleDraft {
  role: Role | null;
  cityId: number | null;
  organizationId: number | null;
}

export const EMPTY_ROLE: RoleDraft = { role: null, cityId: null, organizationId: null };

interface OrganizationOption {
  id: number;
  name: string;
}

/** The grant the API takes, or null while the scope the role needs is not chosen. */
export function grantOf(draft: RoleDraft): RoleGrant | null {
  switch (draft.role) {
    case 'admin':
      return { role: 'admin' };
    case 'city_editor':
    case 'city_viewer':
      return draft.cityId === null ? null : { role: draft.role, cityId: draft.cityId };
    case 'org_editor':
      return draft.organizationId === null
        ? null
        : { role: 'org_editor', organizationId: draft.organizationId };
    default:
      return null;
  }
}

/** The role select and, below it, the city or the organization the role needs. */
export function RoleFields({
  value,
  onChange,
  roleLabel,
  allowNone = false,
  scopeError,
}: {
  value: RoleDraft;
  onChange: (draft: RoleDraft) => void;
  roleLabel?: string;
  /** Offer «Без роли» (a new user may start without one). */
  allowNone?: boolean;
  scopeError?: string | null;
}) {
  const { t } = useTranslation(['admin', 'common']);
  const roles: Role[] = ['city_editor', 'city_viewer', 'org_editor', 'admin'];
  return (
    <Stack gap="sm">
      <Select
        label={roleLabel ?? t('grant.role')}
        data={[
          ...(allowNone ? [{ value: '', label: t('users.noRole') }] : []),
          ...roles.map((role) => ({ value: role, label: t(`roles.${role}`) })),
        ]}
        value={value.role ?? (allowNone ? '' : null)}
        onChange={(role) => onChange({ ...EMPTY_ROLE, role: role ? (role as Role) : null })}
        allowDeselect={false}
        comboboxProps={{ withinPortal: true }}
      />
      {(value.role === 'city_editor' || value.role === 'city_viewer') && (
        <CityPicker
          label={t('grant.city')}
          value={value.cityId}
          onChange={(cityId) => onChange({ ...value, cityId })}
          required
          error={scopeError}
        />
      )}
      {value.role === 'org_editor' && (
        <RecordPicker<OrganizationOption>
          path="/organizations"
          label={t('grant.organization')}
          placeholder={t('grant.organizationPlaceholder')}
          labelOf={(organization) => organization.name}
          value={value.organizationId}
          onChange={(organizationId) => onChange({ ...value, organizationId })}
          required
          error={scopeError}
        />
      )}
    </Stack>
  );
}
