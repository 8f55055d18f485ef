import { openDatabase, type DatabaseHandle } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { loadGazetteer } from '../gazetteer/index.ts';
import {
  gazetteerNamesAreCurrent,
  isGazetteerLoaded,
  loadGazetteerIntoDatabase,
  syncGazetteerNames,
} from '../modules/cities/city.loader.ts';
import type { Config } from '../config.ts';

export interface OpenRegistryOptions {
  /** What this process does, shown to another process that finds the embedded data directory locked. */
  purpose: string;
  /** Load the gazetteer into the city table when it is not there yet (the first start). */
  loadGazetteer?: boolean;
  log?: (message: string) => void;
}

/**
 * Opens the configured database, brings its schema up to date and, on the first start, loads the
 * gazetteer: what every command that works on the registry needs before it starts.
 */
export async function openRegistry(config: Config, options: OpenRegistryOptions): Promise<DatabaseHandle> {
  const log = options.log ?? (() => {});
  const handle = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    purpose: options.purpose,
  });
  try {
    const applied = await migrateToLatest(handle.db);
    if (applied.length > 0) log(`database: applied ${applied.join(', ')}`);
    if (options.loadGazetteer !== false && !(await isGazetteerLoaded(handle.db))) {
      const started = performance.now();
      log('gazetteer: loading GeoNames cities500 (first start, once)…');
      const loaded = await loadGazetteerIntoDatabase(handle.db, loadGazetteer());
      log(`gazetteer: ${loaded} places loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    } else if (options.loadGazetteer !== false && !(await gazetteerNamesAreCurrent(handle.db))) {
      // An upgrade brought better place names: cities nobody renamed take them, once.
      const renamed = await syncGazetteerNames(handle.db, loadGazetteer());
      log(`gazetteer: place names brought up to date, ${renamed} cities renamed`);
    }
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}
