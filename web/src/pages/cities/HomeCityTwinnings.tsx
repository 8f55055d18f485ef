import { Button, Group, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { mayWrite } from '../../app/access.ts';
import { useMe } from '../../app/auth.tsx';
import { cityName, useCities } from './city-cache.ts';
import { partnerOf, type Twinning } from './twinning-api.ts';
import { TwinningDialog } from './TwinningDialog.tsx';
import { TwinningTable } from './TwinningTable.tsx';

/**
 * A home city's twinnings as a table, with «Добавить город-побратим» and each row's «Изменить»
 * (tier, status, dates, ending the tie) for those who may write the city's records.
 */
export function HomeCityTwinnings({
  cityId,
  heading,
  headingId,
  actions,
}: {
  cityId: number;
  heading: ReactNode;
  headingId: string;
  actions?: ReactNode;
}) {
  const { t, i18n } = useTranslation('cities');
  const { t: setup } = useTranslation('setup');
  const me = useMe();
  const [editing, setEditing] = useState<Twinning | null>(null);
  const [adding, setAdding] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);
  const cities = useCities([cityId, editing ? partnerOf(editing, cityId) : null]);
  const name = cityName(cities.get(cityId), i18n.language);
  const editable = mayWrite(me, { cityIds: [cityId] });
  return (
    <section aria-labelledby={headingId}>
      <Group justify="space-between" mb="sm" gap="sm">
        <Title order={2} size="h3" id={headingId}>
          {heading}
        </Title>
        <Group gap="xs">
          {editable && (
            <Button size="xs" onClick={() => setAdding(true)}>
              {setup('twinning.add')}
            </Button>
          )}
          {actions}
        </Group>
      </Group>
      <TwinningTable
        cityId={cityId}
        caption={t('list.twinningsOf', { city: name })}
        onEdit={editable ? setEditing : undefined}
        reloadKey={reloadKey}
      />
      {editable && (
        <TwinningDialog
          opened={adding || editing !== null}
          cityId={cityId}
          twinning={editing}
          title={
            editing
              ? setup('twinning.editTitle', {
                  city: cityName(cities.get(partnerOf(editing, cityId)), i18n.language),
                })
              : setup('twinning.newTitle', { city: name })
          }
          onClose={() => {
            setAdding(false);
            setEditing(null);
          }}
          onSaved={() => setReloadKey((key) => key + 1)}
        />
      )}
    </section>
  );
}
