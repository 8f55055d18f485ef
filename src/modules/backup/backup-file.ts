import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { restoreBackup, writeBackup } from './backup.ts';

/** Writes a gzip-compressed backup to `file`, whole or not at all (a temporary name until it is done). */
export async function writeBackupFile(db: Kysely<Database>, file: string): Promise<Record<string, number>> {
  const partial = `${file}.partial`;
  const gzip = createGzip();
  const written = pipeline(gzip, createWriteStream(partial));
  try {
    const counts = await writeBackup(db, gzip);
    gzip.end();
    await written;
    await rename(partial, file);
    return counts;
  } catch (error) {
    gzip.destroy();
    await written.catch(() => {});
    await rm(partial, { force: true });
    throw error;
  }
}

/** Restores the installation from a gzip-compressed backup file. */
export async function restoreBackupFile(db: Kysely<Database>, file: string): Promise<Record<string, number>> {
  return restoreBackup(db, createReadStream(file).pipe(createGunzip()));
}
