import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSeedArticle, seedDemo } from '../commands/seed-demo.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { testEngines } from '../db/test-database.ts';
import { insertTestCity } from '../modules/audit/test-cities.ts';
import { checkPressReleaseOptions, runPressRelease } from './press-release.ts';

describe('pobratim press-release options', () => {
  it('takes the format from --format or from a .docx name, and refuses what it cannot do', () => {
    expect(checkPressReleaseOptions('12', {})).toEqual({ id: 12, format: 'text' });
    expect(checkPressReleaseOptions('12', { out: 'release.DOCX' }).format).toBe('docx');
    expect(checkPressReleaseOptions('12', { out: 'release.txt' }).format).toBe('text');
    expect(() => checkPressReleaseOptions('12', { format: 'docx' })).toThrow(/needs --out/);
    expect(() => checkPressReleaseOptions('12', { format: 'pdf', out: 'a.pdf' })).toThrow(/text or docx/);
    expect(() => checkPressReleaseOptions('twelve', {})).toThrow(/positive whole number/);
    expect(() => checkPressReleaseOptions('0', {})).toThrow(/positive whole number/);
  });
});

describe.each(testEngines())('pobratim press-release on $engine', ({ open }) => {
  let handle: DatabaseHandle;
  let dir: string;
  let visitId: string;

  beforeAll(async () => {
    handle = await open();
    await insertTestCity(handle.db, 'Барановичи', 'Baranovichi', 'BY');
    await insertTestCity(handle.db, 'Кузнецк', 'Kuznetsk', 'RU');
    const article = await readSeedArticle();
    await handle.db.transaction().execute((trx) => seedDemo(trx, article));
    visitId = String((await handle.db.selectFrom('visit').select('id').executeTakeFirstOrThrow()).id);
    dir = await mkdtemp(path.join(tmpdir(), 'pobratim-press-release-'));
  });
  afterAll(async () => {
    await handle.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('prints the draft, or writes it as text or DOCX', async () => {
    const printed = await runPressRelease(handle.db, visitId, {});
    expect(printed).toMatch(/^Рабочий визит делегации города Барановичи в город-побратим Кузнецк\n\n/);
    expect(printed).toContain('Вадимом Щербаковым');

    const txt = path.join(dir, 'release.txt');
    expect(await runPressRelease(handle.db, visitId, { out: txt })).toContain(`wrote ${txt} (text`);
    expect(await readFile(txt, 'utf8')).toBe(printed);

    const docx = path.join(dir, 'release.docx');
    await runPressRelease(handle.db, visitId, { out: docx });
    const xml = await (
      await JSZip.loadAsync(await readFile(docx))
    )
      .file('word/document.xml')!
      .async('string');
    expect(xml).toContain('Рабочий визит делегации города Барановичи в город-побратим Кузнецк');
    expect(xml).toContain('Вадимом Щербаковым');
  });

  it('says when there is no such visit', async () => {
    await expect(runPressRelease(handle.db, '999999', {})).rejects.toThrow(/Visit 999999/);
  });
});
