import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/client.ts';
import { RecordPicker, type RecordPickerProps } from '../../components/Pickers.tsx';
import type { Organization } from './organization-api.ts';

/** What a picker needs of an organization: its id and name. */
interface NamedRecord {
  id: number;
  name: string;
}

/**
 * Picks an organization of the registry by name (GET /api/organizations?q=). A stored choice shows
 * by `knownName` when the form has it: the organization of a partner city (an agreement's or a
 * project's party) may be one the user cannot open, so asking for it by id would leave the field blank.
 */
export function OrganizationPicker({
  knownName,
  ...props
}: Omit<RecordPickerProps<NamedRecord>, 'path' | 'labelOf' | 'initial'> & { knownName?: string }) {
  const { t } = useTranslation('records');
  const id = props.value ?? null;
  const named = useMemo(() => (id !== null && knownName ? { id, name: knownName } : null), [id, knownName]);
  const known = useApi<Organization>(id === null || named ? null : `/organizations/${id}`);
  return (
    <RecordPicker<NamedRecord>
      path="/organizations"
      labelOf={(organization) => organization.name}
      initial={named ?? known.data ?? null}
      placeholder={t('picker.organizationPlaceholder')}
      {...props}
    />
  );
}
