/** A populated place from GeoNames cities500, with names in Russian, Belarusian and English. */
export interface Place {
  id: number;
  ru: string | null;
  be: string | null;
  en: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** GeoNames admin1 code within the country (e.g. "01"). */
  admin1: string;
  lat: number;
  lng: number;
  population: number;
  /** GeoNames feature code: PPL, PPLA, PPLC, PPLX (a section of a city), … */
  featureCode: string;
  timezone: string;
}

/** Options of a search. */
export interface SearchOptions {
  /** The countries already in the registry: their places come first. */
  countries?: string[];
  /** Only places in these countries; the fuzzy step runs when none of them matches exactly. */
  within?: string[];
}

/** Read access to the gazetteer. */
export interface Gazetteer {
  size: number;
  byId(id: number): Place | undefined;
  /** Exact match on any known name (case-, ё/е- and diacritic-insensitive), best first. */
  lookup(name: string, options?: SearchOptions): Place[];
  /**
   * lookup, then Russian case-ending variants («Кузнецка» → «Кузнецк», «Барановичей» →
   * «Барановичи», «Минске» → «Минск»), then transliteration-tolerant matching for Latin
   * («Baranavichy», «Kuznetsk»), best first.
   */
  find(name: string, options?: SearchOptions): Place[];
  all(): Iterable<Place>;
}

// Sections of a city and places that no longer exist lose to a living town of the same name.
const FEATURE_WEIGHT: Record<string, number> = {
  PPLC: 2,
  PPLA: 1.2,
  PPLA2: 0.6,
  PPLA3: 0.3,
  PPLX: -1,
  PPLH: -3,
  PPLQ: -3,
  PPLW: -3,
};

/** How prominent a place is: the order of magnitude of its population, nudged by its rank. */
export function importance(population: number, featureCode: string): number {
  return Math.log10(population + 1) + (FEATURE_WEIGHT[featureCode] ?? 0);
}
