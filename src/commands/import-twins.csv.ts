import { parse } from 'csv-parse/sync';
import type { WrittenCity } from './import-twins.matcher.ts';

/** One pair of cities as a line of the file gives it. */
export interface PairLine {
  line: number;
  cities: [WrittenCity, WrittenCity];
}

/** A line that could not be read as a pair, and why. */
export interface MalformedLine {
  line: number;
  reason: string;
}

const RAW_COLUMNS = ['city1', 'country1', 'city2', 'country2'];

/**
 * Reads a twin-city list: `city1,country1,city2,country2`, optionally with `lat1,lng1` and
 * `lat2,lng2` (the header names the columns; without one the raw order is assumed). Each physical
 * line is parsed alone, so a broken quote costs that line only and line numbers are exact.
 */
export function readPairLines(text: string): { pairs: PairLine[]; malformed: MalformedLine[] } {
  const lines = text.split(/\r?\n/);
  const pairs: PairLine[] = [];
  const malformed: MalformedLine[] = [];
  let columns = RAW_COLUMNS;
  lines.forEach((content, index) => {
    const line = index + 1;
    if (content.trim() === '') return;
    let fields: string[];
    try {
      // Most lines quote nothing: split them directly, the CSV parser costing a hundred times more.
      fields = content.includes('"')
        ? ((parse(content, { relax_column_count: true, trim: true }) as string[][])[0] ?? [])
        : content.split(',').map((field) => field.trim());
    } catch (error) {
      malformed.push({ line, reason: `not valid CSV: ${(error as Error).message.split(':')[0]}` });
      return;
    }
    if (index === 0 && fields.includes('city1')) {
      columns = fields.map((field) => field.toLowerCase());
      return;
    }
    const read = toPair(fields, columns);
    if (typeof read === 'string') malformed.push({ line, reason: read });
    else pairs.push({ line, cities: read });
  });
  return { pairs, malformed };
}

function toPair(fields: string[], columns: string[]): [WrittenCity, WrittenCity] | string {
  if (fields.length !== columns.length) {
    return `expected ${columns.length} fields (${columns.join(',')}), found ${fields.length}`;
  }
  const field = (name: string) => {
    const at = columns.indexOf(name);
    return at < 0 ? '' : fields[at]!;
  };
  const cities: WrittenCity[] = [];
  for (const side of ['1', '2']) {
    const name = field(`city${side}`);
    const country = field(`country${side}`);
    if (!name) return `city${side} is empty`;
    // A country may be missing when the name carries it («Varna, Bulgaria»).
    if (!country && !name.includes(',')) return `country${side} is empty`;
    const lat = coordinate(field(`lat${side}`), 90);
    const lng = coordinate(field(`lng${side}`), 180);
    if (lat === null || lng === null) return `lat${side}/lng${side} are not coordinates`;
    cities.push({ name, country: country || name.split(',').at(-1)!.trim(), lat, lng });
  }
  return [cities[0]!, cities[1]!];
}

/** A coordinate within ±limit, undefined when absent, null when present but not one. */
function coordinate(text: string, limit: number): number | undefined | null {
  if (text === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) && Math.abs(value) <= limit ? value : null;
}
