import type { Gazetteer, Place } from './place.ts';

const CELL_DEGREES = 0.5;

/** Places by coordinates: a grid of half-degree cells, built once over the whole gazetteer. */
export class SpatialIndex {
  private readonly cells = new Map<string, Place[]>();

  constructor(gazetteer: Gazetteer) {
    for (const place of gazetteer.all()) {
      const key = cellKey(cell(place.lat), cell(place.lng));
      const list = this.cells.get(key);
      if (list) list.push(place);
      else this.cells.set(key, [place]);
    }
  }

  /** Places within `km` of a point, nearest first, optionally only in the given countries. */
  near(lat: number, lng: number, km: number, countries?: string[]): Place[] {
    const reach = Math.ceil(km / 111 / CELL_DEGREES) + 1;
    const found: Array<{ place: Place; km: number }> = [];
    const [row, column] = [cell(lat), cell(lng)];
    for (let r = row - reach; r <= row + reach; r++) {
      for (let c = column - reach; c <= column + reach; c++) {
        for (const place of this.cells.get(cellKey(r, c)) ?? []) {
          if (countries && !countries.includes(place.country)) continue;
          const distance = distanceKm(lat, lng, place.lat, place.lng);
          if (distance <= km) found.push({ place, km: distance });
        }
      }
    }
    return found.sort((a, b) => a.km - b.km).map((entry) => entry.place);
  }
}

const cell = (degrees: number) => Math.floor(degrees / CELL_DEGREES);
const cellKey = (row: number, column: number) => `${row}:${column}`;

/** Great-circle distance in kilometres. */
export function distanceKm(aLat: number, aLng: number, bLat: number, bLng: number): number {
  const rad = Math.PI / 180;
  const dLat = (bLat - aLat) * rad;
  const dLng = (bLng - aLng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(aLat * rad) * Math.cos(bLat * rad) * Math.sin(dLng / 2) ** 2;
  return 12742 * Math.asin(Math.min(1, Math.sqrt(h)));
}
