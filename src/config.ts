import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

/** How much the server logs (pino's levels); `silent` logs nothing. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().url().optional(),
  TRUST_PROXY: z.enum(['true', 'false', '1', '0']).default('false'),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  FILE_MAX_MB: z.coerce.number().positive().max(1024).default(20),
  FILES_TOTAL_MAX_MB: z.coerce.number().positive().default(2048),
  WORKER_THREADS: z.coerce.number().int().min(0).max(256).optional(),
  WORKER_QUEUE: z.coerce.number().int().min(0).max(100_000).optional(),
  WORKER_TIME_LIMIT_SECONDS: z.coerce.number().positive().max(86_400).default(120),
});

/**
 * The worker pool for heavy work (extraction, report files): its threads (0: everything inline on
 * the request thread), how many jobs may wait, how long one may run (ms).
 */
export interface WorkerLimits {
  threads: number;
  queue: number;
  timeLimitMs: number;
}

/** A thread per core the process may use, eight waiting jobs per thread, two minutes a job. */
export function defaultWorkerLimits(threads = os.availableParallelism()): WorkerLimits {
  return { threads, queue: 8 * Math.max(1, threads), timeLimitMs: 120_000 };
}

/** How large attached files may be (bytes): one file, and all of an installation's together. */
export interface FileLimits {
  fileMaxBytes: number;
  totalMaxBytes: number;
}

/** The limits when none are configured: 20 MB a file, 2 GB in all. */
export const DEFAULT_FILE_LIMITS: FileLimits = {
  fileMaxBytes: 20 * 1024 * 1024,
  totalMaxBytes: 2048 * 1024 * 1024,
};

/** Settings read from the environment, validated once. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Behind a reverse proxy that terminates HTTPS: trust its X-Forwarded-* headers (Secure cookies). */
  trustProxy?: boolean;
  /** What the server logs to standard output (one JSON line per entry); `silent` for nothing. */
  logLevel?: LogLevel;
  /** Where scheduled backups go (BACKUP_DIR; default DATA_DIR/backups). */
  backupDir: string;
  /** FILE_MAX_MB and FILES_TOTAL_MAX_MB, in bytes. */
  fileLimits?: FileLimits;
  /** WORKER_THREADS (a thread per core), WORKER_QUEUE (8 per thread), WORKER_TIME_LIMIT_SECONDS (120). */
  workers?: WorkerLimits;
}

/** Reads and validates the configuration; throws with the variable name when a value is wrong. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse({
    PORT: env.PORT || undefined,
    HOST: env.HOST || undefined,
    DATA_DIR: env.DATA_DIR || undefined,
    DATABASE_URL: env.DATABASE_URL || undefined,
    TRUST_PROXY: env.TRUST_PROXY || undefined,
    LOG_LEVEL: env.LOG_LEVEL || undefined,
    FILE_MAX_MB: env.FILE_MAX_MB || undefined,
    FILES_TOTAL_MAX_MB: env.FILES_TOTAL_MAX_MB || undefined,
    WORKER_THREADS: env.WORKER_THREADS || undefined,
    WORKER_QUEUE: env.WORKER_QUEUE || undefined,
    WORKER_TIME_LIMIT_SECONDS: env.WORKER_TIME_LIMIT_SECONDS || undefined,
  });
  const backupDir = env.BACKUP_DIR || undefined;
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }
  const { PORT, HOST, DATA_DIR, DATABASE_URL, TRUST_PROXY, LOG_LEVEL, FILE_MAX_MB, FILES_TOTAL_MAX_MB } =
    parsed.data;
  const workers = defaultWorkerLimits(parsed.data.WORKER_THREADS);
  return {
    port: PORT,
    host: HOST,
    dataDir: path.resolve(DATA_DIR),
    databaseUrl: DATABASE_URL,
    trustProxy: TRUST_PROXY === 'true' || TRUST_PROXY === '1',
    logLevel: LOG_LEVEL,
    backupDir: path.resolve(backupDir ?? path.join(DATA_DIR, 'backups')),
    fileLimits: {
      fileMaxBytes: Math.round(FILE_MAX_MB * 1024 * 1024),
      totalMaxBytes: Math.round(FILES_TOTAL_MAX_MB * 1024 * 1024),
    },
    workers: {
      threads: workers.threads,
      queue: parsed.data.WORKER_QUEUE ?? workers.queue,
      timeLimitMs: Math.round(parsed.data.WORKER_TIME_LIMIT_SECONDS * 1000),
    },
  };
}
