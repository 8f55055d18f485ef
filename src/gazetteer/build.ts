import { readFileSync } from 'node:fs';
import { ARTIFACT_VERSION, type GazetteerArtifact } from './artifact.ts';
import { pickCyrillicNames } from './cyrillic-names.ts';
import type { GeonamesRow } from './geonames-file.ts';
import { isCyrillic, isLatin, normalizeName } from './normalize.ts';
import { phoneticSkeleton } from './transliterate.ts';

/** Codes (IATA, postal abbreviations) hide among alternate names and would match unrelated words. */
function isUsefulName(name: string): boolean {
  if (/^[A-Z0-9]{2,4}$/.test(name)) return false;
  return isLatin(name) || isCyrillic(name);
}

/** The search keys and their skeletons of one place, each list without repeats. */
export function searchKeys(row: GeonamesRow): { keys: string[]; skeletons: string[] } {
  const keys = new Set<string>();
  for (const name of [row.name, row.asciiName, ...row.alternateNames]) {
    if (!isUsefulName(name)) continue;
    const key = normalizeName(name);
    if (key.length > 0) keys.add(key);
  }
  const skeletons = new Set<string>();
  for (const key of keys) {
    const skeleton = phoneticSkeleton(key);
    if (skeleton.length >= 3) skeletons.add(skeleton);
  }
  return { keys: [...keys], skeletons: [...skeletons] };
}

/**
 * Russian names no source here gets right, by geonameid: towns renamed after the dictionary and
 * GeoNames' Cyrillic names were written, and towns of Belarus whose Russian name GeoNames lacks.
 * Each line says why, so that a correction that a source catches up with can go.
 */
export function russianNameCorrections(): Map<number, string> {
  const text = readFileSync(new URL('./russian-name-corrections.tsv', import.meta.url), 'utf8');
  const corrections = new Map<number, string>();
  for (const line of text.split('\n').slice(1)) {
    const [id, name] = line.split('\t');
    if (id && name) corrections.set(Number(id), name);
  }
  return corrections;
}

/** Derives the artifact from GeoNames rows: ru/be names, search keys, the fields a Place has. */
export function buildArtifact(rows: GeonamesRow[], source: string): GazetteerArtifact {
  const artifact: GazetteerArtifact = {
    version: ARTIFACT_VERSION,
    source,
    id: [],
    ru: [],
    be: [],
    en: [],
    country: [],
    admin1: [],
    lat: [],
    lng: [],
    population: [],
    featureCode: [],
    timezone: [],
    keys: [],
    skeletons: [],
  };
  const corrections = russianNameCorrections();
  for (const row of rows) {
    const picked = pickCyrillicNames(
      row.alternateNames,
      [row.name, row.asciiName, ...row.alternateNames],
      row.country,
    );
    const ru = corrections.get(row.id) ?? picked.ru;
    const be = picked.be;
    const { keys, skeletons } = searchKeys(
      ru && !row.alternateNames.includes(ru) ? { ...row, alternateNames: [...row.alternateNames, ru] } : row,
    );
    artifact.id.push(row.id);
    artifact.ru.push(ru ?? '');
    artifact.be.push(be ?? '');
    artifact.en.push(row.name);
    artifact.country.push(row.country);
    artifact.admin1.push(row.admin1);
    artifact.lat.push(row.lat);
    artifact.lng.push(row.lng);
    artifact.population.push(row.population);
    artifact.featureCode.push(row.featureCode);
    artifact.timezone.push(row.timezone);
    artifact.keys.push(keys.join('|'));
    artifact.skeletons.push(skeletons.join('|'));
  }
  return artifact;
}
