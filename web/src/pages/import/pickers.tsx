import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { CityPicker, cityLabel, RecordPicker, type CityOption } from '../../components/Pickers.tsx';
import { editorCityId } from '../../app/access.ts';
import { useMe } from '../../app/auth.tsx';
import type { DraftList, Proposal } from './import-api.ts';

/** The city's name as the extractor reads it: Russian first. */
function extractorName(city: CityOption): string {
  return city.nameRu ?? city.nameEn;
}

/**
 * The city «наш город» stands for, picked from the registry; the extractor gets its Russian name.
 * An installation that works for one city starts with that city.
 */
export function HomeCityField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (name: string) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation('import');
  const [city, setCity] = useState<CityOption | null>(null);
  const me = useMe();
  useEffect(() => {
    if (value) return;
    const controller = new AbortController();
    api
      .get<{ cityId: number }[]>('/home-cities', undefined, controller.signal)
      .then(async (homes) => {
        // The only home city, or among several the one the editor works for.
        const mine = homes.find((home) => home.cityId === editorCityId(me));
        const homeId = homes.length === 1 ? homes[0]!.cityId : mine?.cityId;
        if (homeId === undefined) return;
        const home = await api.get<CityOption>(`/cities/${homeId}`, undefined, controller.signal);
        setCity(home);
        onChange(extractorName(home));
      })
      .catch(() => undefined); // Without a known home city the field simply starts empty.
    return () => controller.abort();
    // Only on arrival: a city the reviewer cleared stays cleared.
  }, []);
  return (
    <CityPicker
      label={t('source.homeCity')}
      description={t('source.homeCityHint')}
      value={city?.id ?? null}
      initial={city}
      onChange={(_, chosen) => {
        setCity(chosen);
        onChange(chosen ? extractorName(chosen) : '');
      }}
      error={error}
    />
  );
}

interface Named {
  id: number;
  name?: string;
  fullName?: string;
}

const SEARCHED: Partial<Record<DraftList, { path: string; label: (record: Named) => string }>> = {
  organizations: { path: '/organizations', label: (record) => record.name ?? '' },
  persons: { path: '/persons', label: (record) => record.fullName ?? '' },
};

/**
 * Another record of the registry than the matches offered: any city of the gazetteer, or an
 * organization or person found by name. The choice joins the proposal's matches, so its label shows.
 */
export function OtherRecordPicker({
  list,
  proposal,
  onChange,
}: {
  list: DraftList;
  proposal: Proposal;
  onChange: (list: DraftList, ref: string, change: Partial<Proposal>) => void;
}) {
  const { t, i18n } = useTranslation('import');
  const choose = (id: number | null, label: string) => {
    if (id === null) return;
    const matches = [{ id, label, confidence: 1 }, ...proposal.matches.filter((m) => m.id !== id)].slice(
      0,
      10,
    );
    onChange(list, proposal.ref, { include: true, chosenId: id, matches });
  };
  if (list === 'cities') {
    return (
      <CityPicker
        size="xs"
        label={t('card.otherCity')}
        value={null}
        onChange={(id, city) => city && choose(id, cityLabel(city, i18n.language))}
      />
    );
  }
  const searched = SEARCHED[list];
  if (!searched) return null;
  return (
    <RecordPicker<Named>
      size="xs"
      path={searched.path}
      label={t('card.otherRecord')}
      placeholder={t('card.otherPlaceholder')}
      value={null}
      labelOf={searched.label}
      onChange={(id, record) => record && choose(id, searched.label(record))}
    />
  );
}
