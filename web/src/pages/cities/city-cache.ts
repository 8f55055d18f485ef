import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import { cityLabel, type CityOption } from '../../components/Pickers.tsx';

/** A city as GET /api/cities/:id answers, with the facts the city page edits. */
export interface City extends CityOption {
  version: number;
  foundedYear: number | null;
  cityDay: string | null;
  population: number;
  timezone: string | null;
  source: 'geonames' | 'user';
}

// Lists show the names of the cities on each row; one request per city per page load is enough.
const cache = new Map<number, Promise<City>>();

/** The city by id, loaded once per page load and shared by every row that names it. */
export function loadCity(id: number): Promise<City> {
  let pending = cache.get(id);
  if (!pending) {
    pending = api.get<City>(`/cities/${id}`);
    pending.catch(() => cache.delete(id));
    cache.set(id, pending);
  }
  return pending;
}

/** Forgets a city after it was edited, so its page reads it again. */
export function forgetCity(id: number): void {
  cache.delete(id);
}

/** The cities of these ids once loaded (a missing one stays absent). */
export function useCities(ids: (number | null | undefined)[]): Map<number, City> {
  const key = [...new Set(ids.filter((id): id is number => typeof id === 'number'))].sort().join(',');
  const [cities, setCities] = useState<Map<number, City>>(new Map());
  useEffect(() => {
    if (!key) return;
    let live = true;
    const wanted = key.split(',').map(Number);
    void Promise.allSettled(wanted.map(loadCity)).then((results) => {
      if (!live) return;
      const next = new Map<number, City>();
      results.forEach((result) => {
        if (result.status === 'fulfilled') next.set(result.value.id, result.value);
      });
      setCities(next);
    });
    return () => {
      live = false;
    };
  }, [key]);
  return cities;
}

/** A city's name alone in the interface language (Russian, Belarusian, else English). */
export function cityName(city: CityOption | undefined, language: string): string {
  if (!city) return '';
  return cityLabel(city, language).replace(/ \([A-Z]{2}\)$/, '');
}

/** The ids of this installation's home cities (GET /api/home-cities). */
export function useHomeCityIds(): number[] | undefined {
  const [ids, setIds] = useState<number[] | undefined>(undefined);
  useEffect(() => {
    const controller = new AbortController();
    api
      .get<{ cityId: number }[]>('/home-cities', undefined, controller.signal)
      .then((homes) => setIds(homes.map((home) => home.cityId)))
      .catch(() => {
        if (!controller.signal.aborted) setIds([]);
      });
    return () => controller.abort();
  }, []);
  return ids;
}
