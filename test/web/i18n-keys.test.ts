import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const LOCALES = fileURLToPath(new URL('../../web/src/i18n/locales/', import.meta.url));
const LANGUAGES = ['ru', 'be', 'en'];

/** Every key path of a translation file, plural forms («_one», «_few»…) counted as their base key. */
function keys(value: unknown, prefix = ''): Set<string> {
  const found = new Set<string>();
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      for (const path of keys(inner, `${prefix}${key.replace(/_(zero|one|two|few|many|other)$/, '')}.`)) {
        found.add(path);
      }
    }
  } else {
    found.add(prefix.slice(0, -1));
  }
  return found;
}

function read(language: string, file: string): unknown {
  return JSON.parse(readFileSync(`${LOCALES}${language}/${file}`, 'utf8'));
}

describe('translations', () => {
  const namespaces = new Set(LANGUAGES.flatMap((language) => readdirSync(`${LOCALES}${language}`)));
  for (const file of namespaces) {
    it(`${file} has the same keys in Russian, Belarusian and English, none empty`, () => {
      const russian = [...keys(read('ru', file))].sort();
      for (const language of ['be', 'en']) {
        expect([...keys(read(language, file))].sort(), `${language}/${file}`).toEqual(russian);
      }
      for (const language of LANGUAGES) {
        const text = readFileSync(`${LOCALES}${language}/${file}`, 'utf8');
        expect(text, `${language}/${file}`).not.toMatch(/:\s*""/);
      }
    });
  }

  it('the Russian plural forms are all there (one, few, many) wherever a key is plural', () => {
    for (const file of readdirSync(`${LOCALES}ru`)) {
      const text = readFileSync(`${LOCALES}ru/${file}`, 'utf8');
      for (const [, base] of text.matchAll(/"([\w.]+)_one"/g)) {
        for (const form of ['few', 'many'])
          expect(text, `${file}: ${base}_${form}`).toContain(`"${base}_${form}"`);
      }
    }
  });

  it('the Belarusian participles agree with neuter nouns: «Дададзенае пагадненне», not «Дададзена пагадненне»', () => {
    const home = read('be', 'home.json') as { activity: Record<string, Record<string, string>> };
    expect(home.activity.create!.agreement).toBe('Дададзенае пагадненне');
    expect(home.activity.create!.event).toBe('Дададзенае мерапрыемства');
    for (const file of readdirSync(`${LOCALES}be`)) {
      const text = readFileSync(`${LOCALES}be/${file}`, 'utf8');
      // A short feminine participle before a neuter noun: «Зменена пагадненне», «Выдалена мерапрыемства».
      expect(text, file).not.toMatch(/[А-ЯЁІЎа-яёіў]+на (пагадненне|мерапрыемства)\b/u);
    }
  });
});
