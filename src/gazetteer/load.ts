import { defaultArtifactPath, readArtifact, writeArtifact } from './artifact.ts';
import { buildArtifact } from './build.ts';
import { createGazetteer } from './gazetteer.ts';
import { bundledCities500Path, readGeonamesFile } from './geonames-file.ts';
import type { Gazetteer } from './place.ts';

/** Builds the artifact from the bundled GeoNames file and writes it. */
export function buildGazetteerArtifact(
  file = defaultArtifactPath(),
  source = bundledCities500Path(),
): { file: string; places: number; bytes: number } {
  const artifact = buildArtifact(readGeonamesFile(source), 'GeoNames cities500 (CC BY 4.0)');
  const bytes = writeArtifact(file, artifact);
  return { file, places: artifact.id.length, bytes };
}

let cached: Gazetteer | null = null;

/**
 * The gazetteer, loaded once per process. When the artifact is missing or outdated (postinstall
 * did not run, or the format changed) it is built first, which takes several seconds.
 */
export function loadGazetteer(): Gazetteer {
  if (cached) return cached;
  const file = defaultArtifactPath();
  let artifact = readArtifact(file);
  if (!artifact) {
    buildGazetteerArtifact(file);
    artifact = readArtifact(file);
    if (!artifact) throw new Error(`gazetteer artifact ${file} could not be built`);
  }
  cached = createGazetteer(artifact);
  return cached;
}
