import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { RecordPicker, type RecordPickerProps } from '../../components/Pickers.tsx';

/** A person as the picker shows them. */
export interface PersonOption {
  id: number;
  fullName: string;
}

/** The person of an id (for a picker's label before any search), or null. */
export function usePerson(id: number | null): PersonOption | null {
  const [person, setPerson] = useState<PersonOption | null>(null);
  useEffect(() => {
    if (id === null) return;
    const controller = new AbortController();
    api
      .get<PersonOption>(`/persons/${id}`, undefined, controller.signal)
      .then(setPerson)
      .catch(() => undefined); // The picker then shows the id's label once searched.
    return () => controller.abort();
  }, [id]);
  return person;
}

/** Picks a person of the registry by name (GET /api/persons?q=). */
export function PersonPicker(props: Omit<RecordPickerProps<PersonOption>, 'path' | 'labelOf' | 'initial'>) {
  const { t } = useTranslation('visits');
  const initial = usePerson(props.value ?? null);
  return (
    <RecordPicker<PersonOption>
      path="/persons"
      labelOf={(person) => person.fullName}
      initial={initial}
      placeholder={t('form.personPlaceholder')}
      {...props}
    />
  );
}
