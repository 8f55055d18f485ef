import path from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().url().optional(),
  TRUST_PROXY: z.enum(['true', 'false', '1', '0']).default('false'),
});

/** Settings read from the environment, validated once. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Behind a reverse proxy that terminates HTTPS: trust its X-Forwarded-* headers (Secure cookies). */
  trustProxy?: boolean;
}

/** Reads and validates the configuration; throws with the variable name when a value is wrong. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse({
    PORT: env.PORT || undefined,
    HOST: env.HOST || undefined,
    DATA_DIR: env.DATA_DIR || undefined,
    DATABASE_URL: env.DATABASE_URL || undefined,
    TRUST_PROXY: env.TRUST_PROXY || undefined,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }
  const { PORT, HOST, DATA_DIR, DATABASE_URL, TRUST_PROXY } = parsed.data;
  return {
    port: PORT,
    host: HOST,
    dataDir: path.resolve(DATA_DIR),
    databaseUrl: DATABASE_URL,
    trustProxy: TRUST_PROXY === 'true' || TRUST_PROXY === '1',
  };
}
