import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/client.ts';
import { RecordPicker, type RecordPickerProps } from '../../components/Pickers.tsx';
import type { Organization } from './organization-api.ts';

/** Picks an organization of the registry by name (GET /api/organizations?q=). */
export function OrganizationPicker(
  props: Omit<RecordPickerProps<Organization>, 'path' | 'labelOf' | 'initial'>,
) {
  const { t } = useTranslation('records');
  const known = useApi<Organization>(props.value === null ? null : `/organizations/${props.value}`);
  return (
    <RecordPicker<Organization>
      path="/organizations"
      labelOf={(organization) => organization.name}
      initial={known.data ?? null}
      placeholder={t('picker.organizationPlaceholder')}
      {...props}
    />
  );
}
