import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/connect.ts';
import { testEngines } from '../db/test-database.ts';
import { insertTestCity } from '../modules/audit/test-cities.ts';
import { loadReportFixture, type ReportFixture } from '../reports/annual/annual-report.fixture.ts';
import { checkReportOptions, writeReportFile } from './report.ts';

describe('pobratim report options', () => {
  it('takes the format from --out, or from --format, and refuses a mismatch', async () => {
    await expect(checkReportOptions({ year: '2025', city: 'x', out: 'report.PDF' })).resolves.toEqual({
      year: 2025,
      format: 'pdf',
    });
    expect((await checkReportOptions({ year: '2025', city: 'x', format: 'xlsx' })).format).toBe('xlsx');
    expect((await checkReportOptions({ year: '2025', city: 'x' })).format).toBe('docx');
    await expect(
      checkReportOptions({ year: '2025', city: 'x', out: 'a.docx', format: 'pdf' }),
    ).rejects.toThrow(/ends in \.docx but --format is pdf/);
    await expect(checkReportOptions({ year: '2025', city: 'x', out: 'report.odt' })).rejects.toThrow(
      /end it in \.docx/,
    );
    await expect(checkReportOptions({ year: '25', city: 'x' })).rejects.toThrow(/--year must be a year/);
    await expect(checkReportOptions({ year: '2025', city: 'x', format: 'doc' })).rejects.toThrow(
      /docx, pdf or xlsx/,
    );
  });
});

describe.each(testEngines())('pobratim report on $engine', ({ open }) => {
  let handle: DatabaseHandle;
  let fixture: ReportFixture;
  let dir: string;

  beforeAll(async () => {
    handle = await open();
    fixture = await loadReportFixture(handle.db);
    dir = await mkdtemp(path.join(tmpdir(), 'pobratim-report-'));
  });
  afterAll(async () => {
    await handle.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the report of a city named in Russian, in another case of letters or in English', async () => {
    const out = path.join(dir, 'report.docx');
    const written = await writeReportFile(handle.db, { year: '2025', city: 'барановичи', out });
    expect(written).toMatchObject({
      file: out,
      format: 'docx',
      city: `Барановичи (Беларусь, id ${fixture.baranovichi})`,
    });
    const zip = await JSZip.loadAsync(await readFile(out));
    expect(await zip.file('word/document.xml')!.async('string')).toContain('города Барановичи за 2025 год');
    const byEnglish = await writeReportFile(handle.db, {
      year: '2025',
      city: 'Kuznetsk',
      out: path.join(dir, 'k.xlsx'),
    });
    expect(byEnglish.city).toContain(`id ${fixture.kuznetsk}`);
  });

  it('prefers the place with records among several of one name, and lists them when that does not decide', async () => {
    // A hamlet named like the twin city, with nothing in the registry: the twin city still wins.
    await insertTestCity(handle.db, 'Кузнецк', 'Kuznetsk', 'RU');
    const chosen = await writeReportFile(handle.db, {
      year: '2025',
      city: 'Кузнецк',
      out: path.join(dir, 'k.pdf'),
    });
    expect(chosen.city).toContain(`id ${fixture.kuznetsk}`);
    const first = await insertTestCity(handle.db, 'Ивацевичи', 'Ivatsevichi');
    const second = await insertTestCity(handle.db, 'Ивацевичи', 'Ivatsevichi');
    const ambiguous = writeReportFile(handle.db, {
      year: '2025',
      city: 'Ивацевичи',
      out: path.join(dir, 'i.docx'),
    });
    await expect(ambiguous).rejects.toThrow(`id ${first}`);
    await expect(ambiguous).rejects.toThrow(new RegExp(`Several cities are named «Ивацевичи».*id ${second}`));
  });

  it('takes an inflected name for the one close city with records, and lists close ones otherwise', async () => {
    const inflected = await writeReportFile(handle.db, {
      year: '2025',
      city: 'Барановичей',
      out: path.join(dir, 'b.docx'),
    });
    expect(inflected.city).toContain(`id ${fixture.baranovichi}`);
    await expect(
      writeReportFile(handle.db, { year: '2025', city: 'Ивацевичей', out: path.join(dir, 'x.docx') }),
    ).rejects.toThrow(/No city is named «Ивацевичей»; the closest are Ивацевичи/);
    await expect(
      writeReportFile(handle.db, { year: '2025', city: 'Zzyzx', out: path.join(dir, 'x.docx') }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      writeReportFile(handle.db, { year: '2025', city: '999999999', out: path.join(dir, 'x.docx') }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
