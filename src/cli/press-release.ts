import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { validationFailed } from '../errors.ts';

export interface PressReleaseOptions {
  out?: string;
  format?: string;
}

/** The visit id and the format the arguments ask for, checked before the database opens. */
export function checkPressReleaseOptions(
  visitId: string,
  options: PressReleaseOptions,
): { id: number; format: 'text' | 'docx' } {
  const id = Number(visitId);
  if (!/^\d+$/.test(visitId) || !Number.isSafeInteger(id) || id < 1)
    throw validationFailed(`The visit id must be a positive whole number, got "${visitId}".`);
  const fromName = options.out?.toLowerCase().endsWith('.docx') ? 'docx' : undefined;
  const format = options.format?.toLowerCase() ?? fromName ?? 'text';
  if (format !== 'text' && format !== 'docx')
    throw validationFailed(`--format must be text or docx, got "${options.format}".`);
  if (format === 'docx' && !options.out)
    throw validationFailed('A DOCX file needs --out FILE.docx to go to.');
  return { id, format };
}

/**
 * Writes the press release of a visit: to the file of --out (text or DOCX), else returns the text for
 * the terminal. Returns what to print.
 */
export async function runPressRelease(
  db: Kysely<Database>,
  visitId: string,
  options: PressReleaseOptions,
): Promise<string> {
  const { id, format } = checkPressReleaseOptions(visitId, options);
  const [{ pressReleaseDocx }, { writePressRelease }] = await Promise.all([
    import('../reports/press-release/press-release.docx.ts'),
    import('../reports/press-release/press-release.service.ts'),
  ]);
  const release = await writePressRelease(db, id);
  if (!options.out) return release.text;
  const file = path.resolve(options.out);
  const body = format === 'docx' ? await pressReleaseDocx(release) : release.text;
  await writeFile(file, body);
  return `press-release: visit ${id}: wrote ${file} (${format}, «${release.title}»)`;
}

/** `pobratim press-release 12 [--out file.txt] [--format text|docx]`: a press-release draft of a visit. */
export function registerPressReleaseCommand(program: Command): void {
  program
    .command('press-release')
    .argument('<visitId>', 'the id of the visit')
    .description('write a press-release draft of a visit in Russian (printed, or to a text or DOCX file)')
    .option('--out <file>', 'the file to write instead of printing (a .docx name writes DOCX)')
    .option('--format <format>', 'text or docx (default: from --out, else text)')
    .action(async (visitId: string, options: PressReleaseOptions) => {
      // Checked before the database opens: a typo should not wait for the registry.
      checkPressReleaseOptions(visitId, options);
      const [{ readConfig }, { openRegistry }] = await Promise.all([
        import('../config.ts'),
        import('../commands/open-registry.ts'),
      ]);
      const handle = await openRegistry(readConfig(), { purpose: 'pobratim press-release' });
      try {
        process.stdout.write(`${(await runPressRelease(handle.db, visitId, options)).trimEnd()}\n`);
      } finally {
        await handle.close();
      }
    });
}
