/**
 * The credit GeoNames' licence (CC BY 4.0) asks for wherever its place names are shown: the web
 * interface's footer, the README, exports and reports.
 */
export const GEONAMES_ATTRIBUTION = {
  text: 'Place names and coordinates: GeoNames (geonames.org), licensed under CC BY 4.0',
  source: 'GeoNames cities500',
  url: 'https://www.geonames.org/',
  license: 'CC BY 4.0',
  licenseUrl: 'https://creativecommons.org/licenses/by/4.0/',
} as const;
