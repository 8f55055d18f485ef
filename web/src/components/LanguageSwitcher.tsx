import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { changeLanguage, isLanguage, LANGUAGES } from '../i18n/index.ts';

/** The interface language: Русский, Беларуская, English (each named in itself); remembered in this browser. */
export function LanguageSwitcher({ width = 140 }: { width?: number }) {
  const { t, i18n } = useTranslation();
  return (
    <Select
      aria-label={t('language.label')}
      data={LANGUAGES.map((language) => ({ value: language, label: t(`language.${language}`) }))}
      value={i18n.language}
      onChange={(value) => {
        if (isLanguage(value)) void changeLanguage(value);
      }}
      allowDeselect={false}
      w={width}
      size="sm"
      comboboxProps={{ withinPortal: true }}
    />
  );
}
