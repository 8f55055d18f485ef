import { sql, type Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { AppError, conflict, staleVersion } from '../../errors.ts';
import { versionSchema } from '../audit/fields.schema.ts';

export const mailSecuritySchema = z
  .enum(['none', 'starttls', 'tls'])
  .describe('none: plain SMTP; starttls: upgraded on the same port (587); tls: TLS from the start (465)');

/** The SMTP server as the API shows it: never its password, only whether one is kept. */
export const mailServerSchema = z
  .object({
    configured: z.boolean().describe('false: no SMTP server is set and nothing is mailed'),
    host: z.string().nullable(),
    port: z.number().int(),
    security: mailSecuritySchema,
    username: z.string().nullable(),
    passwordSet: z.boolean().describe('whether a password is kept (it is never answered)'),
    sender: z.string().nullable().describe('the From address of every letter'),
    siteUrl: z.string().nullable().describe('the address of this Pobratim, for the links in letters'),
    digestHour: z.number().int().min(0).max(23).describe('the hour (server time) digests are sent from'),
    version: z.number().int(),
  })
  .meta({ id: 'MailServer' });
export type MailServer = z.infer<typeof mailServerSchema>;

const hostSchema = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .regex(/^[A-Za-z0-9.:[\]-]+$/, 'must be a host name or an IP address');
// SMTP sign-in travels on the protocol's lines: a control character (NUL, CR, LF…) could never work.
const noControl = (value: string) =>
  ![...value].some((char) => char.charCodeAt(0) < 0x20 || char === '\u007f');
const noControlProblem = { message: 'must not contain control characters' };

/** `office@city.example` or `City office <office@city.example>`. */
const senderSchema = z
  .string()
  .trim()
  .min(3)
  .max(320)
  .refine(
    (sender) => z.email().safeParse(/^[^<>]*<([^<>]+)>$/.exec(sender)?.[1] ?? sender).success,
    'must be an e-mail address, or a name and an address in angle brackets',
  );
const siteUrlSchema = z
  .string()
  .trim()
  .max(500)
  .pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) address' }))
  .transform((url) => url.replace(/\/+$/, ''));

/**
 * A change of the SMTP server. `host: null` turns mail off. `password`: a new one, `null` to forget
 * it, omitted to keep the one stored.
 */
export const mailServerUpdateSchema = z
  .object({
    host: hostSchema.nullable(),
    port: z.number().int().min(1).max(65535),
    security: mailSecuritySchema,
    username: z.string().trim().min(1).max(255).refine(noControl, noControlProblem).nullable(),
    password: z.string().min(1).max(1000).refine(noControl, noControlProblem).nullable().optional(),
    sender: senderSchema.nullable(),
    siteUrl: siteUrlSchema.nullable(),
    digestHour: z.number().int().min(0).max(23),
    version: versionSchema,
  })
  .refine((change) => change.host === null || change.sender !== null, {
    message: 'A sender address is needed when an SMTP server is set.',
    path: ['sender'],
  });
export type MailServerUpdate = z.infer<typeof mailServerUpdateSchema>;

export async function readMailServer(db: Kysely<Database>): Promise<MailServer> {
  const row = await db.selectFrom('mail_server').selectAll().executeTakeFirstOrThrow();
  return {
    configured: row.host !== null,
    host: row.host,
    port: row.port,
    security: row.security,
    username: row.username,
    passwordSet: row.password !== null,
    sender: row.sender,
    siteUrl: row.site_url,
    digestHour: row.digest_hour,
    version: row.version,
  };
}

export async function updateMailServer(db: Kysely<Database>, change: MailServerUpdate): Promise<MailServer> {
  const updated = await db
    .updateTable('mail_server')
    .set({
      host: change.host,
      port: change.port,
      security: change.security,
      username: change.username,
      ...(change.password !== undefined && { password: change.password }),
      sender: change.sender,
      site_url: change.siteUrl,
      digest_hour: change.digestHour,
      updated_at: new Date(),
      version: sql`version + 1`,
    })
    .where('version', '=', change.version)
    .executeTakeFirst();
  if (updated.numUpdatedRows === 0n) {
    const { version } = await db.selectFrom('mail_server').select('version').executeTakeFirstOrThrow();
    throw staleVersion('The mail settings', 1, version);
  }
  return readMailServer(db);
}

/** One letter: plain text and the same in simple HTML. */
export interface Letter {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** How long a send waits for the SMTP server before it gives up (a hung server must not hang us). */
const TIMEOUT_MS = 15_000;

/**
 * Sends a letter through the configured SMTP server (nodemailer). No server set: a conflict that says
 * so; the server unreachable or refusing: `mail_failed` naming the server and what went wrong.
 */
export async function sendLetter(db: Kysely<Database>, letter: Letter): Promise<void> {
  const row = await db.selectFrom('mail_server').selectAll().executeTakeFirstOrThrow();
  if (row.host === null || row.sender === null) {
    throw conflict('No SMTP server is set: an administrator sets one in Settings → Mail.');
  }
  const transport = nodemailer.createTransport({
    host: row.host,
    port: row.port,
    secure: row.security === 'tls',
    requireTLS: row.security === 'starttls',
    ignoreTLS: row.security === 'none',
    ...(row.username !== null && { auth: { user: row.username, pass: row.password ?? '' } }),
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  });
  try {
    await transport.sendMail({ from: row.sender, ...letter });
  } catch (error) {
    throw new AppError(
      'mail_failed',
      `The SMTP server ${row.host}:${row.port} did not take the letter: ${(error as Error).message}`,
    );
  } finally {
    transport.close();
  }
}

/** Whether an SMTP server is set (features that mail say so when not). */
export async function mailConfigured(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('mail_server').select('host').executeTakeFirst();
  return !!row?.host;
}
