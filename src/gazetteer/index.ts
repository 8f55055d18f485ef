/** The city gazetteer: GeoNames cities500 with Russian, Belarusian and English names, searchable offline. */
export type { Gazetteer, Place, SearchOptions } from './place.ts';
export { loadGazetteer, buildGazetteerArtifact } from './load.ts';
export { createGazetteer } from './gazetteer.ts';
export { normalizeName } from './normalize.ts';
export { GEONAMES_ATTRIBUTION } from './attribution.ts';
export { countryCodes, countryCodesFromName, countryName, type Language } from './countries.ts';
