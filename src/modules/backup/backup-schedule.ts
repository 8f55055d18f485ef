import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { staleVersion } from '../../errors.ts';
import { versionSchema } from '../audit/fields.schema.ts';
import { writeBackupFile } from './backup-file.ts';

export const backupScheduleSchema = z.object({
  enabled: z.boolean(),
  /** The hour of the day (server's local time) from which the day's backup is taken. */
  hour: z.number().int().min(0).max(23),
  /** How many backup files the folder keeps; older ones are deleted after a new one is written. */
  keep: z.number().int().min(1).max(366),
  version: z.number().int(),
  directory: z.string(),
  last: z
    .object({
      startedAt: z.string().nullable(),
      finishedAt: z.string().nullable(),
      file: z.string().nullable(),
      bytes: z.number().nullable(),
      error: z.string().nullable(),
    })
    .describe('The last backup the schedule or «back up now» took'),
});
export type BackupSchedule = z.infer<typeof backupScheduleSchema>;

export const backupScheduleUpdateSchema = z.object({
  enabled: z.boolean(),
  hour: z.number().int().min(0).max(23),
  keep: z.number().int().min(1).max(366),
  version: versionSchema,
});
export type BackupScheduleUpdate = z.infer<typeof backupScheduleUpdateSchema>;

/** Files this schedule writes and prunes; nothing else in the folder is touched. */
const FILE_PATTERN = /^pobratim-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.backup\.gz$/;

export async function readBackupSchedule(db: Kysely<Database>, directory: string): Promise<BackupSchedule> {
  const row = await db.selectFrom('backup_schedule').selectAll().executeTakeFirstOrThrow();
  return {
    enabled: row.enabled,
    hour: row.hour,
    keep: row.keep,
    version: row.version,
    directory,
    last: {
      startedAt: row.last_started_at?.toISOString() ?? null,
      finishedAt: row.last_finished_at?.toISOString() ?? null,
      file: row.last_file,
      bytes: row.last_bytes,
      error: row.last_error,
    },
  };
}

export async function updateBackupSchedule(
  db: Kysely<Database>,
  change: BackupScheduleUpdate,
  directory: string,
): Promise<BackupSchedule> {
  const updated = await db
    .updateTable('backup_schedule')
    .set({ enabled: change.enabled, hour: change.hour, keep: change.keep, version: sql`version + 1` })
    .where('version', '=', change.version)
    .executeTakeFirst();
  if (updated.numUpdatedRows === 0n) {
    const { version } = await db.selectFrom('backup_schedule').select('version').executeTakeFirstOrThrow();
    throw staleVersion('The backup schedule', 1, version);
  }
  return readBackupSchedule(db, directory);
}

/** The moment from which today's scheduled backup is due (the hour, in the server's local time). */
export function dueSince(now: Date, hour: number): Date {
  const due = new Date(now);
  due.setHours(hour, 0, 0, 0);
  if (due > now) due.setDate(due.getDate() - 1);
  return due;
}

/**
 * Takes a backup into `directory` now: claims the run on the schedule's row (so two servers never
 * write the same day's backup; `dueSince` given, only if no run started since then), writes the
 * file, deletes the oldest beyond `keep`, and records how it went. Answers false when another run
 * had the claim.
 */
export async function takeBackup(
  db: Kysely<Database>,
  directory: string,
  options: { now?: Date; onlyIfNoneSince?: Date } = {},
): Promise<boolean> {
  const now = options.now ?? new Date();
  let claim = db
    .updateTable('backup_schedule')
    .set({ last_started_at: now, last_finished_at: null, last_error: null });
  if (options.onlyIfNoneSince) {
    const since = options.onlyIfNoneSince;
    claim = claim.where((eb) =>
      eb.or([eb('last_started_at', 'is', null), eb('last_started_at', '<', since)]),
    );
  }
  if ((await claim.executeTakeFirst()).numUpdatedRows === 0n) return false;
  try {
    await mkdir(directory, { recursive: true });
    const name = `pobratim-${now.toISOString().slice(0, 19).replaceAll(':', '-')}.backup.gz`;
    const file = path.join(directory, name);
    await writeBackupFile(db, file);
    const { size } = await stat(file);
    const { keep } = await db.selectFrom('backup_schedule').select('keep').executeTakeFirstOrThrow();
    const ours = (await readdir(directory)).filter((entry) => FILE_PATTERN.test(entry)).sort();
    for (const old of ours.slice(0, Math.max(0, ours.length - keep))) {
      await rm(path.join(directory, old), { force: true });
    }
    await db
      .updateTable('backup_schedule')
      .set({ last_finished_at: new Date(), last_file: file, last_bytes: size })
      .execute();
  } catch (error) {
    await db
      .updateTable('backup_schedule')
      .set({ last_error: (error as Error).message })
      .execute();
    throw error;
  }
  return true;
}

/**
 * Checks every minute whether the day's backup is due and takes it (the server runs this; tests
 * call `takeBackup` with their own clock). Answers the function that stops it.
 */
export function startBackupScheduler(
  db: Kysely<Database>,
  directory: string,
  log: (message: string) => void,
): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const schedule = await db.selectFrom('backup_schedule').select(['enabled', 'hour']).executeTakeFirst();
      if (!schedule?.enabled) return;
      const now = new Date();
      if (await takeBackup(db, directory, { now, onlyIfNoneSince: dueSince(now, schedule.hour) })) {
        log(`backup: the scheduled backup was written to ${directory}`);
      }
    } catch (error) {
      log(`backup: the scheduled backup failed: ${(error as Error).message}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), 60_000);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
