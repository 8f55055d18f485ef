import { createHash } from 'node:crypto';
import { Document, Packer, Paragraph } from 'docx';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/connect.ts';
import { testEngines } from '../db/test-database.ts';
import { renderAnnualReportPdf } from '../reports/annual/annual-report.pdf.ts';
import { buildApp } from '../server/app.ts';
import { insertTestAccounts } from '../server/test-accounts.ts';
import { insertTestCity } from '../modules/audit/test-cities.ts';

type Who = 'admin' | 'baranovichiEditor' | 'baranovichiViewer' | 'minskEditor' | 'public';

// The smallest PNG there is: one transparent pixel.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
// A gzip stream (of «hello»): a kind file-type knows and an office has no use for here.
const GZIP = Buffer.from('H4sIAAAAAAAAA8tIzcnJBwCGphA2BQAAAA==', 'base64');

/** A multipart/form-data body with one file, as a browser's FormData sends it. */
async function multipart(name: string, bytes: Uint8Array, field = 'file') {
  const form = new FormData();
  form.append(field, new Blob([new Uint8Array(bytes)]), name);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return {
    payload: Buffer.from(await request.arrayBuffer()),
    contentType: request.headers.get('content-type')!,
  };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

for (const engine of testEngines()) {
  describe(`files attached to records on ${engine.engine}`, () => {
    let database: DatabaseHandle;
    let app: FastifyInstance;
    let pdf: Buffer;
    let docx: Buffer;
    const city = { baranovichi: 0, kuznetsk: 0, minsk: 0 };
    const tokens = {} as Record<Who, string | null>;
    let agreementId = 0;
    let visitId = 0;

    beforeAll(async () => {
      database = await engine.open();
      app = await buildApp({ database });
      const { db } = database;
      city.baranovichi = await insertTestCity(db, 'Барановичи', 'Baranovichi');
      city.kuznetsk = await insertTestCity(db, 'Кузнецк', 'Kuznetsk', 'RU');
      city.minsk = await insertTestCity(db, 'Минск', 'Minsk');
      Object.assign(
        tokens,
        await insertTestAccounts(db, [
          ['admin', 'admin', null, null],
          ['baranovichiEditor', 'city_editor', city.baranovichi, null],
          ['baranovichiViewer', 'city_viewer', city.baranovichi, null],
          ['minskEditor', 'city_editor', city.minsk, null],
        ]),
      );
      tokens.public = null;
      const agreement = await call('admin', 'POST', '/api/agreements', {
        kind: 'cooperation',
        title: 'Соглашение о побратимстве',
        parties: [{ cityId: city.baranovichi }, { cityId: city.kuznetsk }],
      });
      agreementId = agreement.json().id;
      const visit = await call('admin', 'POST', '/api/visits', {
        fromCityId: city.baranovichi,
        toCityId: city.kuznetsk,
        startDate: '2025-09-18',
        endDate: '2025-09-21',
        kind: 'working',
      });
      visitId = visit.json().id;
      pdf = await renderAnnualReportPdf({
        title: 'Протокол о намерениях по сотрудничеству библиотек',
        legalLine: null,
        sections: [],
        closing: '',
        shortName: 'Протокол',
      });
      docx = await Packer.toBuffer(
        new Document({
          sections: [{ children: [new Paragraph('Приглашение делегации на фестиваль ремёсел')] }],
        }),
      );
    });
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    function headers(who: Who): Record<string, string> {
      return tokens[who] ? { authorization: `Bearer ${tokens[who]}` } : {};
    }

    function call(who: Who, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) {
      return app.inject({ method, url, headers: headers(who), ...(payload ? { payload } : {}) });
    }

    async function upload(who: Who, url: string, name: string, bytes: Uint8Array, on = app) {
      const body = await multipart(name, bytes);
      return on.inject({
        method: 'POST',
        url,
        headers: { ...headers(who), 'content-type': body.contentType },
        payload: body.payload,
      });
    }

    const filesOf = (path: string) => `/api/${path}/files`;

    async function fileCount(): Promise<number> {
      const row = await database.db
        .selectFrom('attached_file')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    }

    it('attaches a PDF to an agreement, lists it with who and when, and gives the same bytes back', async () => {
      const uploaded = await upload(
        'baranovichiEditor',
        filesOf(`agreements/${agreementId}`),
        'Протокол о намерениях.pdf',
        pdf,
      );
      expect(uploaded.statusCode).toBe(201);
      const file = uploaded.json();
      expect(file).toMatchObject({
        name: 'Протокол о намерениях.pdf',
        mediaType: 'application/pdf',
        size: pdf.length,
        sha256: sha256(pdf),
        searchable: true,
        uploadedBy: { name: 'baranovichiEditor' },
        slot: null,
      });
      expect(Date.now() - Date.parse(file.createdAt)).toBeLessThan(60_000);

      const list = await call('baranovichiViewer', 'GET', filesOf(`agreements/${agreementId}`));
      expect(list.statusCode).toBe(200);
      expect(list.json().map((f: { name: string }) => f.name)).toEqual(['Протокол о намерениях.pdf']);

      const download = await call(
        'baranovichiViewer',
        'GET',
        `${filesOf(`agreements/${agreementId}`)}/${file.id}`,
      );
      expect(download.statusCode).toBe(200);
      expect(download.headers['content-type']).toBe('application/pdf');
      // The original name for browsers (RFC 5987), an ASCII stand-in for clients that read only that.
      const disposition = download.headers['content-disposition'] as string;
      expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+\.pdf"; /);
      expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1]!)).toBe(
        'Протокол о намерениях.pdf',
      );
      expect(Buffer.compare(download.rawPayload, pdf)).toBe(0);
      const preview = await call(
        'admin',
        'GET',
        `${filesOf(`agreements/${agreementId}`)}/${file.id}?inline=true`,
      );
      expect(preview.headers['content-disposition']).toMatch(/^inline; /);
    });

    it('finds a PDF by its text layer and a DOCX by its text, only for those who may read the record', async () => {
      const docxUpload = await upload(
        'baranovichiEditor',
        filesOf(`visits/${visitId}`),
        'Приглашение.docx',
        docx,
      );
      expect(docxUpload.statusCode).toBe(201);
      expect(docxUpload.json().searchable).toBe(true);

      const search = async (who: Who, q: string) => {
        const response = await call(who, 'GET', `/api/search?kinds=file&q=${encodeURIComponent(q)}`);
        expect(response.statusCode).toBe(200);
        return response.json().groups.flatMap((group: { hits: unknown[] }) => group.hits);
      };
      // Russian stems: «библиотеками» finds «библиотек», «фестиваля» finds «фестиваль».
      expect(await search('baranovichiViewer', 'сотрудничество библиотеками')).toEqual([
        expect.objectContaining({
          kind: 'file',
          label: 'Протокол о намерениях.pdf',
          record: { kind: 'agreement', id: agreementId },
        }),
      ]);
      expect(await search('baranovichiEditor', 'фестиваля ремёсел')).toEqual([
        expect.objectContaining({ label: 'Приглашение.docx', record: { kind: 'visit', id: visitId } }),
      ]);
      expect(await search('minskEditor', 'фестиваля ремёсел')).toEqual([]);
      expect(await search('admin', 'фестиваля ремёсел')).toHaveLength(1);
      // The search's other kinds pass with files among them.
      const mixed = await call('admin', 'GET', '/api/search?kinds=visit,file,agreement&q=ремёсел');
      expect(mixed.statusCode).toBe(200);
      expect(mixed.json().groups.map((group: { kind: string }) => group.kind)).toEqual(['file']);
    });

    it('lets an editor of another city neither attach, list, download nor delete, and the public nothing', async () => {
      const url = filesOf(`agreements/${agreementId}`);
      const [file] = (await call('admin', 'GET', url)).json();
      expect((await upload('minskEditor', url, 'scan.png', PNG)).statusCode).toBe(403);
      expect((await upload('baranovichiViewer', url, 'scan.png', PNG)).statusCode).toBe(403);
      expect((await call('minskEditor', 'GET', url)).statusCode).toBe(403);
      expect((await call('minskEditor', 'GET', `${url}/${file.id}`)).statusCode).toBe(403);
      expect((await call('minskEditor', 'DELETE', `${url}/${file.id}`)).statusCode).toBe(403);
      expect((await call('baranovichiViewer', 'DELETE', `${url}/${file.id}`)).statusCode).toBe(403);
      expect((await upload('public', url, 'scan.png', PNG)).statusCode).toBe(401);
      expect((await call('public', 'GET', url)).statusCode).toBe(401);
      expect((await call('public', 'GET', `${url}/${file.id}`)).statusCode).toBe(401);
      expect((await call('public', 'DELETE', `${url}/${file.id}`)).statusCode).toBe(401);
      expect((await call('admin', 'GET', url)).json()).toHaveLength(1);
    });

    it('refuses an empty file, one not of its name’s kind and one of a kind not accepted, each saying which', async () => {
      const url = filesOf(`visits/${visitId}`);
      const before = await fileCount();
      const refusals: Array<[string, Uint8Array, number, string, RegExp]> = [
        ['пустой.pdf', new Uint8Array(0), 400, 'file_empty', /«пустой\.pdf» is empty/],
        ['договор.pdf', PNG, 400, 'file_kind_mismatch', /named as \.pdf, but its content is PNG/],
        ['photo', PNG, 400, 'file_kind_mismatch', /has no extension; its content is PNG/],
        ['программа.docx', GZIP, 400, 'file_kind_mismatch', /named as \.docx, but its content is a GZ file/],
        ['archive.gz', GZIP, 400, 'file_kind_not_allowed', /is a GZ file .*; accepted are PDF, DOCX, XLSX/],
        [
          'notes.txt',
          Buffer.from('plain words'),
          400,
          'file_kind_not_allowed',
          /of no kind it can recognise/,
        ],
      ];
      for (const [name, bytes, status, code, message] of refusals) {
        const response = await upload('baranovichiEditor', url, name, bytes);
        expect(response.statusCode, name).toBe(status);
        expect(response.json().error, name).toMatchObject({
          code,
          details: [expect.objectContaining({ path: 'file' })],
        });
        expect(response.json().error.message, name).toMatch(message);
      }
      const notMultipart = await call('baranovichiEditor', 'POST', url, { file: 'x' });
      expect(notMultipart.statusCode).toBe(400);
      expect(notMultipart.json().error.details).toEqual([{ path: 'file', message: 'is required' }]);
      expect(await fileCount()).toBe(before);
    });

    it('refuses a file over FILE_MAX_MB and one that would pass FILES_TOTAL_MAX_MB, storing neither', async () => {
      const used = Number(
        (
          await database.db
            .selectFrom('attached_file')
            .select((eb) => eb.fn.sum<string>('size').as('n'))
            .executeTakeFirstOrThrow()
        ).n ?? 0,
      );
      const small = await buildApp({
        database,
        fileLimits: { fileMaxBytes: 50_000, totalMaxBytes: used + PNG.length + 10 },
      });
      try {
        const url = filesOf(`visits/${visitId}`);
        const before = await fileCount();
        const tooLarge = await upload(
          'baranovichiEditor',
          url,
          'Протокол.pdf',
          Buffer.concat([pdf, Buffer.alloc(60_000)]),
          small,
        );
        expect(tooLarge.statusCode).toBe(413);
        expect(tooLarge.json().error).toMatchObject({ code: 'file_too_large' });
        expect(tooLarge.json().error.message).toMatch(/over the limit of 0\.0 MB|over the limit of/);
        expect(await fileCount()).toBe(before);
        // One PNG fits in the room left, a second one does not.
        expect((await upload('baranovichiEditor', url, 'pixel.png', PNG, small)).statusCode).toBe(201);
        const full = await upload('baranovichiEditor', url, 'pixel-2.png', PNG, small);
        expect(full.statusCode).toBe(507);
        expect(full.json().error).toMatchObject({ code: 'files_storage_full' });
        expect(full.json().error.message).toMatch(/FILES_TOTAL_MAX_MB/);
        expect(await fileCount()).toBe(before + 1);

        const usage = await small.inject({
          method: 'GET',
          url: '/api/files/usage',
          headers: headers('admin'),
        });
        expect(usage.json()).toMatchObject({
          fileMaxBytes: 50_000,
          totalMaxBytes: used + PNG.length + 10,
          usedBytes: used + PNG.length,
          fileCount: before + 1,
        });
        const notAdmin = await small.inject({
          method: 'GET',
          url: '/api/files/usage',
          headers: headers('baranovichiEditor'),
        });
        expect(notAdmin.statusCode).toBe(403);
      } finally {
        await small.close();
      }
    });

    it('takes a file past the 5 MB limit of JSON bodies, up to FILE_MAX_MB, byte for byte', async () => {
      // A 6 MB picture: a PNG's header and chunks, then bytes of every value (file-type reads the header).
      const big = Buffer.concat([
        PNG,
        Buffer.from(Array.from({ length: 6 * 1024 * 1024 }, (_, i) => i % 251)),
      ]);
      const url = filesOf(`agreements/${agreementId}`);
      const uploaded = await upload('baranovichiEditor', url, 'Фото с подписания.png', big);
      expect(uploaded.statusCode).toBe(201);
      expect(uploaded.json()).toMatchObject({ size: big.length, sha256: sha256(big) });
      const download = await call('baranovichiEditor', 'GET', `${url}/${uploaded.json().id}`);
      expect(Buffer.compare(download.rawPayload, big)).toBe(0);
      expect((await call('baranovichiEditor', 'DELETE', `${url}/${uploaded.json().id}`)).statusCode).toBe(
        204,
      );
    });

    it('keeps one signed scan per agreement: a new one replaces it; other records have no such slot', async () => {
      const url = `${filesOf(`agreements/${agreementId}`)}?slot=signed_scan`;
      const body = async (name: string, bytes: Uint8Array) => {
        const form = await multipart(name, bytes);
        return app.inject({
          method: 'POST',
          url,
          headers: { ...headers('baranovichiEditor'), 'content-type': form.contentType },
          payload: form.payload,
        });
      };
      expect((await body('скан.png', PNG)).json().slot).toBe('signed_scan');
      expect((await body('Подписанное соглашение.pdf', pdf)).statusCode).toBe(201);
      const files = (await call('baranovichiEditor', 'GET', filesOf(`agreements/${agreementId}`))).json();
      expect(files.map((f: { name: string; slot: string | null }) => [f.name, f.slot])).toEqual([
        ['Подписанное соглашение.pdf', 'signed_scan'],
        ['Протокол о намерениях.pdf', null],
      ]);
      const onVisit = await upload(
        'baranovichiEditor',
        `${filesOf(`visits/${visitId}`)}?slot=signed_scan`,
        'a.png',
        PNG,
      );
      expect(onVisit.statusCode).toBe(400);
      expect(onVisit.json().error.details).toEqual([expect.objectContaining({ path: 'querystring.slot' })]);
    });

    it('deletes a file, and a record’s files with the record', async () => {
      const url = filesOf(`visits/${visitId}`);
      const [first] = (await call('baranovichiEditor', 'GET', url)).json();
      expect((await call('baranovichiEditor', 'DELETE', `${url}/${first.id}`)).statusCode).toBe(204);
      expect((await call('baranovichiEditor', 'GET', `${url}/${first.id}`)).statusCode).toBe(404);
      expect((await call('baranovichiEditor', 'DELETE', `${url}/${first.id}`)).statusCode).toBe(404);
      expect((await call('baranovichiEditor', 'GET', url)).json()).not.toContainEqual(
        expect.objectContaining({ id: first.id }),
      );
      // A file of another record is not reached through this one.
      const [agreementFile] = (await call('admin', 'GET', filesOf(`agreements/${agreementId}`))).json();
      expect((await call('admin', 'GET', `${url}/${agreementFile.id}`)).statusCode).toBe(404);

      // The audit trail says who attached the file and who deleted it, with what it was.
      const trail = (
        await call('admin', 'GET', `/api/audit?recordType=attached_file&recordId=${first.id}`)
      ).json();
      expect(trail.items.map((entry: { action: string }) => entry.action).sort()).toEqual([
        'create',
        'delete',
      ]);
      expect(trail.items.find((entry: { action: string }) => entry.action === 'delete')).toMatchObject({
        before: { name: first.name, recordType: 'visit', recordId: visitId, sha256: first.sha256 },
      });

      const visit = (await call('admin', 'GET', `/api/visits/${visitId}`)).json();
      expect(
        (await call('admin', 'DELETE', `/api/visits/${visitId}?version=${visit.version}`)).statusCode,
      ).toBe(204);
      const left = await database.db
        .selectFrom('attached_file')
        .select('id')
        .where('record_type', '=', 'visit')
        .where('record_id', '=', visitId)
        .execute();
      expect(left).toEqual([]);
    });
  });
}
