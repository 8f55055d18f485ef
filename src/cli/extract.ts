/** `pobratim extract`: reads press releases and prints or writes the extracted facts as JSON. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { Command } from 'commander';
import type { ExtractionResult } from '../extract/index.ts';

interface ExtractCliOptions {
  json?: boolean;
  date?: string;
  homeCity?: string;
  out?: string;
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `no such file: ${file}` : `cannot read ${file}: ${String(error)}`, {
      cause: error,
    });
  }
}

function summary(file: string, r: ExtractionResult): string {
  const counts = (['visits', 'agreements', 'projects', 'events', 'persons', 'organizations'] as const)
    .map((k) => `${r[k].length} ${k}`)
    .join(', ');
  return `${file}: ${counts}${r.warnings.length ? `; ${r.warnings.length} warnings` : ''}`;
}

/** Registers `pobratim extract FILE… [--date] [--home-city] [--json] [--out DIR]`. */
export function registerExtractCommand(program: Command): void {
  program
    .command('extract')
    .description(
      'extract visits, agreements, projects, events, persons and organizations from press releases',
    )
    .argument('<files...>', 'UTF-8 text files, Russian')
    .option('--json', 'print the facts as JSON (one object per file)')
    .option(
      '--date <YYYY-MM-DD>',
      'publication date: gives the year and resolves «вчера», «в минувшую пятницу»',
    )
    .option('--home-city <name>', 'the city «наш город» stands for')
    .option('--out <dir>', 'write DIR/NAME.json for each NAME.txt instead of printing')
    .action(async (files: string[], options: ExtractCliOptions) => {
      const { extract, parseDay, prepareExtractor } = await import('../extract/index.ts');
      if (options.date !== undefined && !parseDay(options.date))
        throw new Error(`--date must be a real date as YYYY-MM-DD, got "${options.date}"`);
      const texts = files.map((file) => ({ file, text: readText(file) }));
      await prepareExtractor();
      if (options.out) mkdirSync(options.out, { recursive: true });
      for (const { file, text } of texts) {
        const result = extract(text, { date: options.date, homeCity: options.homeCity });
        const json = JSON.stringify(result, null, 2);
        if (options.out) {
          const target = join(options.out, `${basename(file, extname(file))}.json`);
          writeFileSync(target, json + '\n');
          if (!options.json) console.log(`${summary(file, result)} → ${target}`);
        } else if (options.json) console.log(json);
        else console.log(summary(file, result));
      }
    });
}
