import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
// Natural Earth's 1:110m countries from world-atlas: about 105 KB, bundled into the map's lazy chunk.
import countries110m from 'world-atlas/countries-110m.json' with { type: 'json' };

/** Antarctica (ISO 3166-1 numeric 010): its ring runs round the pole, which a flat map cannot close. */
const ANTARCTICA = '010';

/**
 * A ring whose consecutive points jump across the 180° meridian (179.9 to −179.9) is drawn by a
 * flat map as a stroke across the whole world. Each such jump is undone by shifting the rest of the
 * ring by 360°, so the ring goes on continuously past 180° (Chukotka at 190°, Fiji's islands at
 * 181°); a ring that crosses and comes back ends where it started. Russia and Fiji cross so.
 */
export function unwrapRing(ring: Position[]): Position[] {
  let shift = 0;
  return ring.map((point, index) => {
    const previous = ring[index - 1];
    if (previous) {
      const step = point[0]! - previous[0]!;
      if (step > 180) shift -= 360;
      else if (step < -180) shift += 360;
    }
    return shift === 0 ? point : [point[0]! + shift, point[1]!];
  });
}

function unwrapGeometry(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  if (geometry.type === 'Polygon') return { ...geometry, coordinates: geometry.coordinates.map(unwrapRing) };
  return {
    ...geometry,
    coordinates: geometry.coordinates.map((polygon) => polygon.map(unwrapRing)),
  };
}

let cached: FeatureCollection<Polygon | MultiPolygon, { name: string }> | undefined;

/**
 * The countries as GeoJSON for ECharts (which draws longitude and latitude on a plane): converted
 * from TopoJSON with topojson-client, Antarctica dropped (no twin towns there, and its shape would
 * streak), and rings crossing the 180° meridian unwrapped.
 */
export function worldCountries(): FeatureCollection<Polygon | MultiPolygon, { name: string }> {
  if (cached) return cached;
  const topology = countries110m as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const collection = feature(topology, topology.objects.countries) as FeatureCollection<
    Geometry,
    { name: string }
  >;
  const features = collection.features
    .filter(
      (country): country is Feature<Polygon | MultiPolygon, { name: string }> =>
        String(country.id) !== ANTARCTICA &&
        (country.geometry?.type === 'Polygon' || country.geometry?.type === 'MultiPolygon'),
    )
    .map((country) => ({ ...country, geometry: unwrapGeometry(country.geometry) }));
  cached = { type: 'FeatureCollection', features };
  return cached;
}
