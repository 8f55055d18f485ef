import { useEffect, useMemo, useState } from 'react';
import { api, useApi } from '../../api/client.ts';
import type { Me } from '../../app/auth.tsx';

/** A city as GET /api/cities/:id answers (the fields the home page shows). */
export interface CityName {
  id: number;
  nameRu: string | null;
  nameBe: string | null;
  nameEn: string;
  country: string;
}

/** The city's name in the interface language (Russian, or English where it has none). */
export function cityName(city: CityName | undefined, language: string): string {
  if (!city) return '';
  if (language === 'en') return city.nameEn;
  if (language === 'be') return city.nameBe ?? city.nameRu ?? city.nameEn;
  return city.nameRu ?? city.nameEn;
}

const cityCache = new Map<number, Promise<CityName>>();

/** Loads the named cities (each once per page load); the map fills as they arrive. */
export function useCities(ids: number[]): Map<number, CityName> {
  const [cities, setCities] = useState(new Map<number, CityName>());
  const key = [...new Set(ids)].sort((a, b) => a - b).join(',');
  useEffect(() => {
    let alive = true;
    const wanted = key ? key.split(',').map(Number) : [];
    for (const id of wanted) {
      if (!cityCache.has(id)) {
        const loading = api.get<CityName>(`/cities/${id}`);
        loading.catch(() => cityCache.delete(id));
        cityCache.set(id, loading);
      }
    }
    void Promise.allSettled(wanted.map((id) => cityCache.get(id)!)).then((results) => {
      if (!alive) return;
      const found = new Map<number, CityName>();
      for (const result of results)
        if (result.status === 'fulfilled') found.set(result.value.id, result.value);
      setCities(found);
    });
    return () => {
      alive = false;
    };
  }, [key]);
  return cities;
}

/**
 * The cities whose home page the user may see: the cities of their city roles, their organizations'
 * cities, and for administrators the installation's home cities. `undefined` while loading.
 */
export function useHomeCityChoices(me: Me): number[] | undefined {
  const isAdmin = me.roles.some((grant) => grant.role === 'admin');
  const homeCities = useApi<Array<{ cityId: number }>>(isAdmin ? '/home-cities' : null);
  const organizationIds = me.roles.flatMap((grant) =>
    grant.role === 'org_editor' ? [grant.organizationId] : [],
  );
  const [organizationCities, setOrganizationCities] = useState<number[] | undefined>(
    organizationIds.length === 0 ? [] : undefined,
  );
  const organizationKey = organizationIds.join(',');
  useEffect(() => {
    if (!organizationKey) return;
    let alive = true;
    void Promise.allSettled(
      organizationKey.split(',').map((id) => api.get<{ cityId: number }>(`/organizations/${id}`)),
    ).then((results) => {
      if (alive) {
        setOrganizationCities(
          results.flatMap((result) => (result.status === 'fulfilled' ? [result.value.cityId] : [])),
        );
      }
    });
    return () => {
      alive = false;
    };
  }, [organizationKey]);

  return useMemo(() => {
    if (isAdmin && homeCities.loading) return undefined;
    if (organizationCities === undefined) return undefined;
    const ids = [
      ...me.roles.flatMap((grant) =>
        grant.role === 'city_editor' || grant.role === 'city_viewer' ? [grant.cityId] : [],
      ),
      ...organizationCities,
      ...(homeCities.data ?? []).map((home) => home.cityId),
    ];
    return [...new Set(ids)];
  }, [me.roles, isAdmin, homeCities.loading, homeCities.data, organizationCities]);
}

/** Today as `YYYY-MM-DD` in the user's time zone. */
export function today(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
