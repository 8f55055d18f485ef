/** Builds generated/gazetteer.json.gz from the GeoNames cities500 file (run on postinstall). */
import { buildGazetteerArtifact } from '../src/gazetteer/load.ts';

const started = performance.now();
const { file, places, bytes } = buildGazetteerArtifact();
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`gazetteer: ${places} places, ${(bytes / 1e6).toFixed(1)} MB → ${file} in ${seconds} s`);
