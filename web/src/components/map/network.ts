/** The twin network as GET /api/network answers it: each city once, each twinning as two indexes. */
export interface Network {
  cityIds: number[];
  names: string[];
  countries: string[];
  /** Longitude, latitude of each city in turn. */
  coordinates: number[];
  /** The two cities of each twinning in turn, as indexes into the arrays above. */
  pairs: number[];
  tiers: Array<'twin' | 'partner' | 'friendship'>;
  /** Readable twinnings not drawn because a city of theirs has no coordinates. */
  withoutCoordinates: number;
}

/** The number of twinnings drawn. */
export function pairCount(network: Network): number {
  return network.pairs.length / 2;
}

/** A view's north-west and south-east corners, `[longitude, latitude]`. */
export type Bounds = [[number, number], [number, number]];

/** The whole world, as a large network is shown (Antarctica left out). */
export const WORLD: Bounds = [
  [-180, 84],
  [190, -58],
];
/** The smallest area shown, in degrees: one city or two close ones are not zoomed in to a street. */
const MIN_SPAN = { lon: 24, lat: 12 };
/** A network wider than this (or one crossing the 180° line) is shown on the whole world. */
const WORLD_SPAN = 150;

/**
 * The view that fits the network: its bounding box, padded (more on the east, where the cities'
 * names are written), no smaller than `MIN_SPAN`, or the whole world for a network spanning it.
 */
export function networkBounds(network: Network): Bounds {
  if (network.cityIds.length === 0) return WORLD;
  let [west, east, south, north] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let i = 0; i < network.coordinates.length; i += 2) {
    const [lon, lat] = [network.coordinates[i]!, network.coordinates[i + 1]!];
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  if (east - west > WORLD_SPAN) return WORLD;
  const grow = (low: number, high: number, min: number): [number, number] => {
    const missing = Math.max(0, min - (high - low));
    return [low - missing / 2, high + missing / 2];
  };
  [west, east] = grow(west, east, MIN_SPAN.lon);
  [south, north] = grow(south, north, MIN_SPAN.lat);
  const width = east - west;
  const height = north - south;
  return [
    [Math.max(-180, west - width * 0.1), Math.min(84, north + height * 0.15)],
    [Math.min(190, east + width * 0.25), Math.max(-58, south - height * 0.15)],
  ];
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * A city's tooltip as the HTML ECharts puts in the page: the description escaped whole, since the
 * name in it is the registry's text (anyone's who may name a city) and i18next leaves it unescaped
 * (`escapeValue: false`, React escapes everywhere else).
 */
export function cityTooltipHtml(
  name: string,
  twinnings: number,
  describe?: (name: string, twinnings: number) => string,
): string {
  const text = describe?.(name, twinnings) ?? name;
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]!);
}
