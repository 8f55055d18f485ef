import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extract, prepareExtractor } from './index.ts';
import { sharedDir } from '../shared-dir.ts';

beforeAll(prepareExtractor, 60_000);

const DIR = 'src/extract/fixtures';
const SCORER = sharedDir('tools', 'score-extraction.mjs');
const options = JSON.parse(readFileSync(join(DIR, 'options.json'), 'utf8')) as Record<string, object>;

describe('press-release fixtures', () => {
  it('score at least 0.85 extraction F1 against their gold files', () => {
    const out = mkdtempSync(join(tmpdir(), 'pobratim-fixtures-'));
    for (const file of readdirSync(DIR).filter((f) => f.endsWith('.txt'))) {
      const name = file.replace(/\.txt$/, '');
      const result = extract(readFileSync(join(DIR, file), 'utf8'), options[name] ?? {});
      writeFileSync(join(out, `${name}.json`), JSON.stringify(result));
    }
    const report = execFileSync('node', [SCORER, DIR, out], { encoding: 'utf8' });
    const f1 = Number(/extraction F1 ([\d.]+)/.exec(report)?.[1]);
    expect(f1, report).toBeGreaterThanOrEqual(0.85);
  });
});
