import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPOSITORY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The team's shared folder (the seed article, the public data sets, the scorers), which lives beside
 * the repository and is not part of it, so the product itself never needs it (only tests, scripts and
 * the demo seed do): POBRATIM_SHARED_DIR when set (and then only it), else `../shared` beside this
 * checkout, else the workplace's `/work/shared` (for checkouts made elsewhere on this machine).
 */
export function sharedDir(...parts: string[]): string {
  const candidates = process.env.POBRATIM_SHARED_DIR
    ? [process.env.POBRATIM_SHARED_DIR]
    : [path.join(REPOSITORY, '..', 'shared'), '/work/shared'];
  const found = candidates.find((dir): dir is string => !!dir && existsSync(path.join(dir, 'seed')));
  if (!found) {
    throw new Error(
      `The shared folder (seed article, data sets) was not found at ${candidates.filter(Boolean).join(', ')}; ` +
        'set POBRATIM_SHARED_DIR to where it is.',
    );
  }
  return path.join(found, ...parts);
}
