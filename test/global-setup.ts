import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { defaultArtifactPath, readArtifact } from '../src/gazetteer/artifact.ts';
import { buildGazetteerArtifact } from '../src/gazetteer/load.ts';

/**
 * Builds the gazetteer artifact once before any test file runs (a fresh clone has none), so that
 * no single test pays for the build inside its own time limit, and parallel files do not race to
 * write it.
 */
export default function setup(): void {
  // The browser tests serve web/dist: rebuild it when a source is newer (a child process, so Vite
  // runs in its own Node.js instance, not inside the test runner's).
  const web = spawnSync(
    process.execPath,
    [fileURLToPath(new URL('../scripts/build-web.mjs', import.meta.url)), '--if-stale'],
    { stdio: 'inherit' },
  );
  if (web.status !== 0) throw new Error('building the web application for the tests failed');
  if (readArtifact(defaultArtifactPath())) return;
  const { places } = buildGazetteerArtifact();
  console.log(`gazetteer artifact built for the tests: ${places} places`);
}
