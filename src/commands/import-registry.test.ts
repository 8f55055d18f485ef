import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/connect.ts';
import type { Database } from '../db/database.ts';
import { testEngines, type TestEngine } from '../db/test-database.ts';
import { SYSTEM_ACTOR } from '../modules/audit/audit.schema.ts';
import { verifyPassword } from '../modules/auth/password.ts';
import { createCity, updateCity } from '../modules/cities/city.service.ts';
import { createEvent } from '../modules/events/event.service.ts';
import { createOrganization } from '../modules/organizations/organization.service.ts';
import { createPlanItem } from '../modules/plans/plan-item.service.ts';
import { createProgramItem } from '../modules/visit-program/program-item.service.ts';
import { hashPassword } from '../modules/auth/password.ts';
import { insertTestAccounts } from '../server/test-accounts.ts';
import { insertFile } from '../modules/files/file.repository.ts';
import { moveAgreementStage } from '../modules/agreements/agreement-stage.service.ts';
import {
  readRegistryExport,
  writeRegistryExport,
  type RegistryExport,
} from '../reports/exports/export-registry.ts';
import { ensureAdministratorCanSignIn, importRegistry, importRegistryFile } from './import-registry.ts';
import { readSeedArticle, seedDemo } from './seed-demo.ts';

// GeoNames ids, which a gazetteer city keeps in every installation.
const BARANOVICHI = 629634;
const KUZNETSK = 538601;

// A one-pixel PNG followed by every byte value: the signed scan a round trip must keep byte for byte.
const SCAN = Buffer.concat([
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
    'base64',
  ),
  Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
]);

async function insertGazetteerCities(db: Kysely<Database>) {
  for (const [id, nameRu, nameEn, country, searchNames] of [
    [BARANOVICHI, 'Барановичи', 'Baranovichi', 'BY', ['baranovichi', 'baranavichy']],
    [KUZNETSK, 'Кузнецк', 'Kuznetsk', 'RU', ['kuznetsk']],
  ] as const) {
    await db
      .insertInto('city')
      .values({
        id,
        source: 'geonames',
        name_ru: nameRu,
        name_be: null,
        name_en: nameEn,
        search_names: [...searchNames],
        country,
        latitude: 53.1,
        longitude: 26.0,
        population: 170_000,
        timezone: 'Europe/Minsk',
        founded_year: null,
        city_day: null,
      })
      .execute();
  }
}

/** A registry with a record of every kind: the seed article's, and what the article lacks. */
async function seedEveryKind(db: Kysely<Database>) {
  await insertGazetteerCities(db);
  await db.transaction().execute(async (trx) => seedDemo(trx, await readSeedArticle()));
  const baranovichi = await db
    .selectFrom('city')
    .selectAll()
    .where('id', '=', BARANOVICHI)
    .executeTakeFirstOrThrow();
  await updateCity(db, SYSTEM_ACTOR, BARANOVICHI, { version: baranovichi.version, cityDay: '--09-16' });
  const village = await createCity(db, SYSTEM_ACTOR, {
    nameEn: 'Novaya Mysh',
    nameRu: 'Новая Мышь',
    country: 'BY',
  });
  await db.insertInto('home_city').values({ city_id: BARANOVICHI, published: true }).execute();
  const school = await createOrganization(db, SYSTEM_ACTOR, {
    cityId: village.id,
    name: 'Новомышская средняя школа; «Ромашка» "№ 1"\nфилиал',
    kind: 'school',
  });
  const visit = await db.selectFrom('visit').select('id').executeTakeFirstOrThrow();
  const agreement = await db
    .selectFrom('agreement')
    .select(['id', 'version'])
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const person = await db.selectFrom('person').select('id').orderBy('id').executeTakeFirstOrThrow();
  const event = await createEvent(db, SYSTEM_ACTOR, {
    name: 'Турнир по мини-футболу',
    kind: 'competition',
    cityId: village.id,
    startDate: '2025-06-01',
    endDate: '2025-06-02',
    participants: [
      { organizationId: school.id, role: 'хозяева' },
      { cityId: KUZNETSK, role: 'гости' },
      { personId: person.id, role: 'судья' },
    ],
  });
  await createPlanItem(db, SYSTEM_ACTOR, {
    agreementId: agreement.id,
    title: 'Совместная олимпиада',
    dueOn: '2026-04-01',
    status: 'done',
    doneOn: '2026-03-30',
    responsiblePersonId: person.id,
    report: 'Проведена',
  });
  await createProgramItem(db, SYSTEM_ACTOR, {
    visitId: visit.id,
    kind: 'event',
    title: 'Турнир',
    day: '2025-09-19',
    eventId: event.id,
    agreementId: agreement.id,
    organizationId: school.id,
    position: 2,
  });
  await insertTestAccounts(db, [
    ['chief', 'admin', null, null],
    ['editor', 'city_editor', BARANOVICHI, null],
    ['teacher', 'org_editor', null, school.id],
  ]);
  await db
    .updateTable('app_user')
    .set({ password_hash: await hashPassword('a secret password') })
    .execute();
  const editor = await db
    .selectFrom('app_user')
    .select('id')
    .where('email', '=', 'editor@example.org')
    .executeTakeFirstOrThrow();
  await insertFile(db, {
    recordType: 'agreement',
    recordId: agreement.id,
    slot: 'signed_scan',
    name: 'Соглашение (подписанное).png',
    mediaType: 'image/png',
    sha256: createHash('sha256').update(SCAN).digest('hex'),
    content: SCAN,
    text: null,
    uploadedBy: editor.id,
  });
  // Its legal path: signed, then registered with its number, date and registering body.
  const signed = await moveAgreementStage(db, { userId: editor.id }, agreement.id, {
    stage: 'signed',
    enteredOn: '2025-03-03',
    version: agreement.version,
  });
  await moveAgreementStage(db, { userId: editor.id }, agreement.id, {
    stage: 'registered',
    enteredOn: '2025-03-14',
    registrationNumber: 'МС-17/25',
    registrationBody: 'Министерство иностранных дел области',
    version: signed.version,
  });
}

const withoutTime = ({ exportedAt: _at, ...rest }: RegistryExport) => rest;
const count = async (db: Kysely<Database>, table: 'organization' | 'city' | 'app_user') =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const engines = testEngines();
// Into the other engine when both run; PGlite into PGlite when only it does.
const pairs: Array<[TestEngine, TestEngine]> =
  engines.length > 1
    ? [
        [engines[0]!, engines[1]!],
        [engines[1]!, engines[0]!],
      ]
    : [[engines[0]!, engines[0]!]];

describe.each(pairs.map(([from, to]) => ({ from, to, name: `${from.engine} → ${to.engine}` })))(
  'import $name',
  ({ from, to }) => {
    let source: DatabaseHandle;
    let folder: string;
    let file: string;
    let exported: RegistryExport;
    const opened: DatabaseHandle[] = [];
    const fresh = async () => {
      const handle = await to.open();
      opened.push(handle);
      return handle.db;
    };

    beforeAll(async () => {
      source = await from.open();
      await seedEveryKind(source.db);
      folder = await mkdtemp(path.join(os.tmpdir(), 'pobratim-import-'));
      file = path.join(folder, 'registry.json');
      exported = await writeRegistryExport(source.db, file);
    });
    afterAll(async () => {
      for (const handle of opened) await handle.close();
      await source?.close();
      await rm(folder, { recursive: true, force: true });
    });

    it('exports every kind of record, accounts without their passwords', async () => {
      for (const [kind, records] of Object.entries(withoutTime(exported))) {
        if (Array.isArray(records)) expect(records.length, kind).toBeGreaterThan(0);
      }
      const text = await readFile(file, 'utf8');
      expect(text).not.toMatch(/argon|password/i);
      expect(exported.cities.find((city) => city.id === BARANOVICHI)?.cityDay).toBe('--09-16');
      expect(exported.events.flatMap((event) => event.participants)).toHaveLength(6);
      // When each record was made travels too: lists sort by it.
      expect(exported.visits.every((visit) => visit.createdAt?.match(/^\d{4}-\d{2}-\d{2}T/))).toBe(true);
      expect(exported.users.every((user) => user.createdAt !== undefined)).toBe(true);
      // The agreement's legal path travels with it.
      expect(
        exported.agreementStages.map((entry) => [entry.stage, entry.enteredOn, entry.registrationNumber]),
      ).toEqual([
        ['signed', '2025-03-03', null],
        ['registered', '2025-03-14', 'МС-17/25'],
      ]);
      expect(exported.agreements.some((agreement) => agreement.stage === 'registered')).toBe(true);
    });

    it('imports into an empty registry, and exporting that gives the same file', async () => {
      const target = await fresh();
      await importRegistryFile(target, file);
      const again = path.join(folder, `again-${to.engine}.json`);
      await writeRegistryExport(target, again);
      const strip = (text: string) => text.replace(/"exportedAt": "[^"]+"/, '');
      expect(strip(await readFile(again, 'utf8'))).toBe(strip(await readFile(file, 'utf8')));

      // The sequences moved past the imported ids: a new record gets a free one.
      const maxOrg = Math.max(...exported.organizations.map((org) => org.id));
      const made = await createOrganization(target, SYSTEM_ACTOR, { cityId: KUZNETSK, name: 'Новый музей' });
      expect(made.id).toBeGreaterThan(maxOrg);
      const village = await createCity(target, SYSTEM_ACTOR, { nameEn: 'Another', country: 'BY' });
      expect(village.id).toBeGreaterThan(Math.max(...exported.cities.map((city) => city.id)));
    });

    it('restores attached files byte for byte, and refuses a file whose bytes do not match their SHA-256', async () => {
      expect(exported.files).toHaveLength(1);
      expect(exported.files[0]).toMatchObject({
        name: 'Соглашение (подписанное).png',
        size: SCAN.length,
        sha256: createHash('sha256').update(SCAN).digest('hex'),
      });
      const target = await fresh();
      await importRegistryFile(target, file);
      const [restored] = await target
        .selectFrom('attached_file as f')
        .innerJoin('app_user as u', 'u.id', 'f.uploaded_by')
        .select(['f.content', 'f.name', 'f.slot', 'u.email'])
        .execute();
      expect(Buffer.compare(restored!.content, SCAN)).toBe(0);
      expect(restored).toMatchObject({
        name: 'Соглашение (подписанное).png',
        slot: 'signed_scan',
        email: 'editor@example.org',
      });

      const damaged = structuredClone(exported);
      const bytes = Buffer.from(damaged.files[0]!.contentBase64, 'base64');
      bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 1, bytes.length - 1);
      damaged.files[0]!.contentBase64 = bytes.toString('base64');
      const empty = await fresh();
      await expect(importRegistry(empty, damaged)).rejects.toMatchObject({
        code: 'validation_failed',
        details: [{ path: 'files.0.contentBase64', message: 'does not match its sha256' }],
      });
      expect(await count(empty, 'organization')).toBe(0);
    });

    it('fills in the gazetteer places a registry already has with what users entered', async () => {
      const target = await fresh();
      await insertGazetteerCities(target);
      await importRegistry(target, await readRegistryExport(file));
      const city = await target
        .selectFrom('city')
        .selectAll()
        .where('id', '=', BARANOVICHI)
        .executeTakeFirstOrThrow();
      expect(city).toMatchObject({ city_day: '--09-16', search_names: ['baranovichi', 'baranavichy'] });
      const second = await writeRegistryExport(target, path.join(folder, `gazetteer-${to.engine}.json`));
      expect(withoutTime(second)).toEqual(withoutTime(exported));
    });

    it('keeps the accounts a registry has, and lets an administrator sign in to set passwords', async () => {
      // A registry whose first start made its administrator: that account stays as it is.
      const started = await fresh();
      await insertTestAccounts(started, [['editor', 'admin', null, null]]);
      await started
        .updateTable('app_user')
        .set({ password_hash: await hashPassword('first start') })
        .execute();
      const result = await importRegistryFile(started, file);
      expect(result.keptAccounts).toEqual(['editor@example.org']);
      expect(await count(started, 'app_user')).toBe(3);
      expect(await ensureAdministratorCanSignIn(started)).toBeUndefined();

      // A registry without accounts: the imported administrator gets a one-time password.
      const empty = await fresh();
      expect((await importRegistryFile(empty, file)).keptAccounts).toEqual([]);
      const admin = await ensureAdministratorCanSignIn(empty);
      expect(admin?.email).toBe('chief@example.org');
      const stored = await empty
        .selectFrom('app_user')
        .select(['email', 'password_hash'])
        .orderBy('email')
        .execute();
      expect(stored.filter((row) => row.password_hash !== null).map((row) => row.email)).toEqual([
        'chief@example.org',
      ]);
      expect(await verifyPassword(stored[0]!.password_hash!, admin!.password)).toBe(true);
      expect(await ensureAdministratorCanSignIn(empty)).toBeUndefined();
    });

    it('refuses a registry that holds records, and writes nothing', async () => {
      const target = await fresh();
      await importRegistryFile(target, file);
      await expect(importRegistryFile(target, file)).rejects.toMatchObject({
        code: 'validation_failed',
        message: expect.stringMatching(/already holds records \(\d+ twinnings?, 10 organizations,/),
      });
    });

    it('names the path of a bad field or a dangling reference, and writes nothing', async () => {
      const target = await fresh();
      const cities = await count(target, 'city');
      const broken = structuredClone(exported);
      broken.visits[0]!.startDate = '2025-13-45';
      const badFile = path.join(folder, 'bad-date.json');
      await writeFile(badFile, JSON.stringify(broken));
      await expect(importRegistryFile(target, badFile)).rejects.toMatchObject({
        code: 'validation_failed',
        message: expect.stringContaining('visits.0.startDate'),
      });

      const dangling = structuredClone(exported);
      dangling.visits[0]!.headPersonId = 999_999;
      await expect(importRegistry(target, dangling)).rejects.toMatchObject({
        message: expect.stringContaining(
          'visits.0.headPersonId: names person 999999, which the file does not hold',
        ),
      });
      expect(await count(target, 'city')).toBe(cities);
      expect(await count(target, 'organization')).toBe(0);
    });

    it('rolls back everything when the database refuses a record half-way', async () => {
      const target = await fresh();
      const twice = structuredClone(exported);
      // Two documents with one text: the database's unique content hash refuses the second,
      // after cities, organizations and persons were written.
      twice.documents.push({ ...twice.documents[0]!, id: 777_777 });
      await expect(importRegistry(target, twice)).rejects.toThrow();
      expect(await count(target, 'city')).toBe(0);
      expect(await count(target, 'organization')).toBe(0);
      expect(await count(target, 'app_user')).toBe(0);
    });
  },
);
