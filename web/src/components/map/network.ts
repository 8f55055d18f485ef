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
