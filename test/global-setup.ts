import { defaultArtifactPath, readArtifact } from '../src/gazetteer/artifact.ts';
import { buildGazetteerArtifact } from '../src/gazetteer/load.ts';

/**
 * Builds the gazetteer artifact once before any test file runs (a fresh clone has none), so that
 * no single test pays for the build inside its own time limit, and parallel files do not race to
 * write it.
 */
export default function setup(): void {
  if (readArtifact(defaultArtifactPath())) return;
  const { places } = buildGazetteerArtifact();
  console.log(`gazetteer artifact built for the tests: ${places} places`);
}
