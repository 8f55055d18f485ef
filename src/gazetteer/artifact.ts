import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';

/** Bumped whenever the layout or the way names are derived changes, so old artifacts get rebuilt. */
export const ARTIFACT_VERSION = 4;

/**
 * The built gazetteer, column by column: one array per field, index i of each describing place i.
 * Columns keep the file small and JSON.parse fast. Empty strings stand for missing names.
 */
export interface GazetteerArtifact {
  version: number;
  source: string;
  id: number[];
  ru: string[];
  be: string[];
  en: string[];
  country: string[];
  admin1: string[];
  lat: number[];
  lng: number[];
  population: number[];
  featureCode: string[];
  timezone: string[];
  /** Normalized search keys of each place, joined by "|". */
  keys: string[];
  /** Phonetic skeletons of those keys, joined by "|", for transliteration-tolerant search. */
  skeletons: string[];
}

/** Where the artifact lives: generated/gazetteer.json.gz at the repository root. */
export function defaultArtifactPath(): string {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  return path.join(root, 'generated', 'gazetteer.json.gz');
}

/** Writes the artifact gzipped, creating its folder. */
export function writeArtifact(file: string, artifact: GazetteerArtifact): number {
  mkdirSync(path.dirname(file), { recursive: true });
  const bytes = gzipSync(JSON.stringify(artifact), { level: 6 });
  // Written aside and renamed, so a process reading the artifact meanwhile never sees half a file.
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, bytes);
  renameSync(partial, file);
  return bytes.length;
}

/** Reads an artifact, or returns null when it is missing or from another version. */
export function readArtifact(file: string): GazetteerArtifact | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return null;
  }
  const artifact = JSON.parse(gunzipSync(bytes).toString('utf8')) as GazetteerArtifact;
  return artifact.version === ARTIFACT_VERSION ? artifact : null;
}
