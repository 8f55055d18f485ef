import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';

type Language = 'ru' | 'be' | 'en';
type CountryNames = Record<Language, string>;

let loading: Promise<Map<string, CountryNames>> | null = null;

/** The server's country names, asked for once per page load (GET /api/countries). */
function loadCountries(): Promise<Map<string, CountryNames>> {
  loading ??= api
    .get<{ countries: ({ code: string } & CountryNames)[] }>('/countries')
    .then(({ countries }) => new Map(countries.map(({ code, ...names }) => [code, names])))
    .catch((error: unknown) => {
      loading = null;
      throw error;
    });
  return loading;
}

/** The browser's own name for a country: right for Russian and English, often Russian for Belarusian. */
function browserName(code: string, language: string): string {
  return new Intl.DisplayNames([language, 'ru'], { type: 'region' }).of(code) ?? code;
}

/**
 * A function naming a country («BY») in the interface language. Chromium builds without Belarusian
 * region names answer in Russian, so the names come from the server; until they arrive, and if they
 * cannot, the browser's names stand in.
 */
export function useCountryName(): (code: string) => string {
  const { i18n } = useTranslation();
  const language: Language = i18n.language === 'be' || i18n.language === 'en' ? i18n.language : 'ru';
  const [names, setNames] = useState<Map<string, CountryNames> | null>(null);
  useEffect(() => {
    let live = true;
    loadCountries().then(
      (loaded) => live && setNames(loaded),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return (code: string) => names?.get(code.toUpperCase())?.[language] ?? browserName(code, language);
}
