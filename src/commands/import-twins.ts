import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { Gazetteer } from '../gazetteer/index.ts';
import { existingCityIds } from '../modules/cities/city.repository.ts';
import { insertImportedTwinnings, orderedPair } from '../modules/twinnings/twinning.repository.ts';
import { readPairLines } from './import-twins.csv.ts';
import { cityMatcher, type CityMatch, type MatchFailure, type WrittenCity } from './import-twins.matcher.ts';

/** Why a line of the file gave no twinning. */
export type ProblemKind = MatchFailure | 'malformed' | 'same_city' | 'city_not_in_registry';

/** One line that gave no twinning: where, what kind of failure, and the details a person can check. */
export interface ImportProblem {
  line: number;
  kind: ProblemKind;
  message: string;
}

/** What an import did: every data line is matched (created, already known, repeated) or a problem. */
export interface ImportReport {
  file: string;
  lines: number;
  matched: number;
  created: number;
  alreadyInRegistry: number;
  repeatedInFile: number;
  problems: ImportProblem[];
}

const BATCH_SIZE = 2_000;

/**
 * Imports twin-city lists (CSV as Wikipedia's lists are collected: English names and country names,
 * coordinates optional): matches each city to the gazetteer, records each pair once as an imported
 * twinning with its file and line, and reports every line it could not use. All of a file's
 * twinnings are written in one transaction; pairs already in the registry are left as they are.
 */
export function twinImporter(db: Kysely<Database>, gazetteer: Gazetteer) {
  const match = cityMatcher(gazetteer);

  async function importText(text: string, file: string): Promise<ImportReport> {
    const { pairs, malformed } = readPairLines(text);
    const problems: ImportProblem[] = malformed.map(({ line, reason }) => ({
      line,
      kind: 'malformed',
      message: reason,
    }));
    const firstLineOfPair = new Map<string, number>();
    const wanted: Array<{ line: number; ids: [number, number] }> = [];
    let repeatedInFile = 0;
    for (const { line, cities } of pairs) {
      const [a, b] = [match(cities[0]), match(cities[1])];
      if (!a.ok || !b.ok) {
        for (const [result, city] of [
          [a, cities[0]],
          [b, cities[1]],
        ] as const) {
          if (!result.ok) problems.push({ line, kind: result.failure, message: describe(city, result) });
        }
        continue;
      }
      if (a.place.id === b.place.id) {
        problems.push({
          line,
          kind: 'same_city',
          message: `"${cities[0].name}" and "${cities[1].name}" are one place (${a.place.en}, GeoNames ${a.place.id})`,
        });
        continue;
      }
      const ids = orderedPair(a.place.id, b.place.id);
      const key = ids.join('-');
      if (firstLineOfPair.has(key)) repeatedInFile++;
      else {
        firstLineOfPair.set(key, line);
        wanted.push({ line, ids });
      }
    }

    const known = await existingCityIds(db, [...new Set(wanted.flatMap((pair) => pair.ids))]);
    const writable = wanted.filter(({ line, ids }) => {
      const missing = ids.filter((id) => !known.has(id));
      if (missing.length === 0) return true;
      problems.push({
        line,
        kind: 'city_not_in_registry',
        message: `GeoNames place ${missing.join(', ')} is not in the city table (run \`pobratim migrate\`)`,
      });
      return false;
    });

    const name = path.basename(file);
    let created = 0;
    await db.transaction().execute(async (trx) => {
      for (let start = 0; start < writable.length; start += BATCH_SIZE) {
        const batch = writable.slice(start, start + BATCH_SIZE);
        const rows = batch.map(({ line, ids }) => ({ cityIds: ids, sourceRef: `${name}:${line}` }));
        created += (await insertImportedTwinnings(trx, rows)).length;
      }
    });
    problems.sort((x, y) => x.line - y.line);
    return {
      file,
      lines: pairs.length + malformed.length,
      matched: writable.length + repeatedInFile,
      created,
      alreadyInRegistry: writable.length - created,
      repeatedInFile,
      problems,
    };
  }

  return {
    importText,
    /** Reads and imports one file. */
    importFile: (file: string) => importText(readFileSync(file, 'utf8'), file),
  };
}

function describe(city: WrittenCity, result: Extract<CityMatch, { ok: false }>): string {
  return `${result.detail} ("${city.name}", ${city.country || 'no country'})`;
}
