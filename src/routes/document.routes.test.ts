import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../db/connect.ts';
import type { Role } from '../db/database.ts';
import { testEngines } from '../db/test-database.ts';
import { sharedDir } from '../shared-dir.ts';
import { insertApiToken } from '../modules/auth/api-token.repository.ts';
import { buildApp } from '../server/app.ts';
import { insertTestCity } from '../modules/audit/test-cities.ts';

const SEED_TEXT = readFileSync(sharedDir('seed', '000_99b162f3906cbee7.txt'), 'utf8');

type Draft = {
  cities: Array<{ ref: string; name: string; chosenId: number | null; include?: boolean }>;
  organizations: Array<{
    ref: string;
    name: string;
    chosenId: number | null;
    matches: unknown[];
    include: boolean;
    cityRef: string | null;
  }>;
  persons: Array<{ ref: string; name: string; chosenId: number | null; cityRef?: string | null }>;
  visits: Array<{ ref: string; start: string; end: string; headRef: string | null }>;
  agreements: unknown[];
  projects: unknown[];
  events: unknown[];
};

for (const engine of testEngines()) {
  describe(`importing a press release on ${engine.engine}`, () => {
    let database: DatabaseHandle;
    let app: FastifyInstance;
    const ids = { baranovichi: 0, kuznetsk: 0, kutno: 0, lyceum: 0, shcherbakov: 0 };
    const tokens: Record<string, string> = {};

    beforeAll(async () => {
      database = await engine.open();
      app = await buildApp({ database });
      const { db } = database;
      const cities = await db
        .insertInto('city')
        .values([
          {
            id: 630429,
            source: 'geonames',
            name_ru: 'Барановичи',
            name_en: 'Baranovichi',
            country: 'BY',
            population: 179000,
            search_names: ['барановичи', 'baranovichi'],
          },
          {
            id: 537737,
            source: 'geonames',
            name_ru: 'Кузнецк',
            name_en: 'Kuznetsk',
            country: 'RU',
            population: 90480,
            search_names: ['кузнецк', 'kuznetsk'],
          },
        ])
        .returning('id')
        .execute();
      [ids.baranovichi, ids.kuznetsk] = cities.map((c) => c.id) as [number, number];
      ids.kutno = await insertTestCity(db, 'Кутно', 'Kutno', 'PL');
      ids.lyceum = (
        await db
          .insertInto('organization')
          .values({ city_id: ids.kuznetsk, name: 'Лицей № 21', kind: 'lyceum' })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      ids.shcherbakov = (
        await db
          .insertInto('person')
          .values({ full_name: 'Вадим Щербаков', city_id: ids.baranovichi })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      // Kuznetsk, with no editors of its own, is Baranovichi's partner: its institutions are
      // Baranovichi's staff's to name in their records.
      await db
        .insertInto('twinning')
        .values({ city_a_id: ids.kuznetsk, city_b_id: ids.baranovichi, status: 'active' })
        .execute();
      const grants: Array<[string, Role, number | null]> = [
        ['admin', 'admin', null],
        ['editor', 'city_editor', ids.baranovichi],
        ['viewer', 'city_viewer', ids.baranovichi],
      ];
      for (const [who, role, cityId] of grants) {
        const user = await db
          .insertInto('app_user')
          .values({ email: `${who}@example.org`, display_name: who })
          .returning('id')
          .executeTakeFirstOrThrow();
        await db.insertInto('user_role').values({ user_id: user.id, role, city_id: cityId }).execute();
        tokens[who] = (await insertApiToken(db, user.id, 'test')).secret;
      }
    });
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
    const importSeed = (who = 'editor') =>
      app.inject({
        method: 'POST',
        url: '/api/documents',
        headers: as(who),
        payload: { text: SEED_TEXT, publishedOn: '2025-09-25', homeCity: 'Барановичи' },
      });

    it('drafts the seed article matched to the registry: cities, the known lyceum, the known person, dated visit', async () => {
      const response = await importSeed();
      expect(response.statusCode).toBe(201);
      const { draft, duplicate, extraction } = response.json() as {
        draft: Draft;
        duplicate: boolean;
        extraction: { visits: unknown[] };
      };
      expect(duplicate).toBe(false);
      expect(extraction.visits).toHaveLength(1);
      const chosen = (list: Array<{ name: string; chosenId: number | null }>, name: string) =>
        list.find((item) => item.name === name)?.chosenId;
      expect(chosen(draft.cities, 'Барановичи')).toBe(ids.baranovichi);
      expect(chosen(draft.cities, 'Кузнецк')).toBe(ids.kuznetsk);
      expect(chosen(draft.organizations, 'лицей № 21')).toBe(ids.lyceum);
      expect(chosen(draft.organizations, 'гимназия № 5')).toBeNull();
      expect(draft.organizations).toHaveLength(9);
      expect(chosen(draft.persons, 'Вадим Щербаков')).toBe(ids.shcherbakov);
      expect(draft.visits[0]).toMatchObject({ start: '2025-09-18', end: '2025-09-21' });
      expect(draft.agreements).toHaveLength(2);
      expect(draft.projects).toHaveLength(2);
    });

    it('offers the same document when the same text comes again', async () => {
      const again = await importSeed();
      expect(again.statusCode).toBe(200);
      expect(again.json().duplicate).toBe(true);
      const count = await database.db
        .selectFrom('document')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(count.n).toBe(1);
    });

    it('refuses a draft with an unresolved city, naming it, and writes nothing', async () => {
      const { document, draft } = (await importSeed()).json() as { document: { id: number }; draft: Draft };
      draft.cities[0]!.chosenId = null;
      const response = await app.inject({
        method: 'POST',
        url: `/api/documents/${document.id}/accept`,
        headers: as('editor'),
        payload: draft,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details[0].path).toBe('cities.0.chosenId');
      const visits = await database.db.selectFrom('visit').select('id').execute();
      expect(visits).toEqual([]);
    });

    it('does not let a viewer import', async () => {
      expect((await importSeed('viewer')).statusCode).toBe(403);
    });

    it('accepts the draft into linked records in one go, each pointing back to the document; a second accept is refused', async () => {
      const { document, draft } = (await importSeed()).json() as { document: { id: number }; draft: Draft };
      const url = `/api/documents/${document.id}/accept`;
      // Kuznetsk is Baranovichi's partner without editors of its own: Baranovichi's editor keeps its
      // institutions. A draft changed to put one of them in Kutno, which Baranovichi does not keep
      // (a city the draft does not even include), is refused, naming it, and writes nothing.
      const kuznetskOrganization = draft.organizations.findIndex(
        (o) =>
          o.include &&
          !o.chosenId &&
          draft.cities.find((c) => c.ref === o.cityRef)?.chosenId === ids.kuznetsk,
      );
      const elsewhere: Draft = structuredClone(draft);
      elsewhere.cities.push({
        ...elsewhere.cities[0]!,
        ref: 'c99',
        name: 'Кутно',
        chosenId: ids.kutno,
        include: false,
      });
      elsewhere.organizations[kuznetskOrganization]!.cityRef = 'c99';
      const organizationsBefore = await database.db.selectFrom('organization').select('id').execute();
      const refused = await app.inject({ method: 'POST', url, headers: as('editor'), payload: elsewhere });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.details).toEqual([
        expect.objectContaining({ path: `organizations.${kuznetskOrganization}` }),
      ]);
      expect(await database.db.selectFrom('organization').select('id').execute()).toEqual(
        organizationsBefore,
      );
      const response = await app.inject({ method: 'POST', url, headers: as('editor'), payload: draft });
      expect(response.statusCode, response.body).toBe(200);
      const records = response.json().records as Array<{ type: string; id: number; action: string }>;
      expect(records.filter((r) => r.type === 'organization' && r.action === 'created')).toHaveLength(8);
      expect(records).toContainEqual(
        expect.objectContaining({ type: 'organization', id: ids.lyceum, action: 'linked' }),
      );
      const visitId = records.find((r) => r.type === 'visit')!.id;
      const visit = (
        await app.inject({ method: 'GET', url: `/api/visits/${visitId}`, headers: as('viewer') })
      ).json();
      expect(visit).toMatchObject({
        fromCityId: ids.baranovichi,
        toCityId: ids.kuznetsk,
        startDate: '2025-09-18',
        endDate: '2025-09-21',
        kind: 'working',
        status: 'done',
        headPersonId: ids.shcherbakov,
      });
      const agreements = await database.db
        .selectFrom('agreement')
        .select(['signed_at_visit_id', 'document_id'])
        .execute();
      expect(agreements).toEqual([
        { signed_at_visit_id: visitId, document_id: document.id },
        { signed_at_visit_id: visitId, document_id: document.id },
      ]);
      const sources = await database.db
        .selectFrom('record_source')
        .select('record_type')
        .where('document_id', '=', document.id)
        .execute();
      expect(sources.length).toBe(records.length);
      const twice = await app.inject({ method: 'POST', url, headers: as('admin'), payload: draft });
      expect(twice.statusCode).toBe(409);
      const shown = await app.inject({
        method: 'GET',
        url: `/api/documents/${document.id}`,
        headers: as('viewer'),
      });
      expect(shown.statusCode).toBe(200);
      expect(
        shown.json().draft.organizations.find((o: { name: string }) => o.name === 'гимназия № 5').chosenId,
      ).not.toBeNull();
    });

    it('accepts a release imported with no home city: people the text places nowhere are still kept', async () => {
      // No home city is set up and none is given: the editor's own city stands for it, and an
      // administrator, who works for no city, keeps the people unplaced.
      expect(await database.db.selectFrom('home_city').select('city_id').execute()).toEqual([]);
      const text =
        '14 мая 2025 года делегация города Кузнецка посетила Барановичи. ' +
        'Гостей встретила начальник отдела культуры Марина Лаптева. ' +
        'В составе делегации был директор музея Олег Гусаков.';
      for (const who of ['editor', 'admin']) {
        const imported = await app.inject({
          method: 'POST',
          url: '/api/documents',
          headers: as(who),
          payload: { text: `${text} (${who})`, publishedOn: '2025-05-15' },
        });
        expect(imported.statusCode, imported.body).toBe(201);
        const { document, draft } = imported.json() as { document: { id: number }; draft: Draft };
        expect(draft.persons.length).toBeGreaterThan(1);
        const cityOf = (person: Draft['persons'][number]) =>
          draft.cities.find((city) => city.ref === person.cityRef)?.chosenId ?? null;
        expect(draft.persons.map(cityOf)).toEqual(
          draft.persons.map(() => (who === 'editor' ? ids.baranovichi : null)),
        );
        const accepted = await app.inject({
          method: 'POST',
          url: `/api/documents/${document.id}/accept`,
          headers: as(who),
          payload: draft,
        });
        expect(accepted.statusCode, accepted.body).toBe(200);
        const records = accepted.json().records as Array<{ type: string; action: string }>;
        expect(records.filter((r) => r.type === 'person')).toHaveLength(draft.persons.length);
      }
    });

    it('shows a visit with its delegation, program, agreements signed, events and sources', async () => {
      const visitId = (await database.db.selectFrom('visit').select('id').executeTakeFirstOrThrow()).id;
      const documentId = (await database.db.selectFrom('document').select('id').executeTakeFirstOrThrow()).id;
      const item = {
        visitId,
        kind: 'organization_visit',
        title: 'Посещение лицея № 21',
        organizationId: ids.lyceum,
        day: '2025-09-19',
      };
      const post = (who: string) =>
        app.inject({ method: 'POST', url: '/api/visit-program-items', headers: as(who), payload: item });
      expect((await post('viewer')).statusCode).toBe(403);
      expect((await post('editor')).statusCode).toBe(201);
      const details = await app.inject({
        method: 'GET',
        url: `/api/visits/${visitId}/details`,
        headers: as('viewer'),
      });
      expect(details.statusCode).toBe(200);
      const body = details.json();
      expect(body).toMatchObject({ id: visitId, kind: 'working', headPersonId: ids.shcherbakov });
      expect(body.delegation).toEqual([
        { personId: ids.shcherbakov, fullName: 'Вадим Щербаков', role: 'руководитель делегации' },
      ]);
      expect(body.program).toEqual([
        expect.objectContaining({
          title: 'Посещение лицея № 21',
          organizationId: ids.lyceum,
          day: '2025-09-19',
        }),
      ]);
      expect(body.agreementsSigned).toHaveLength(2);
      // Kuznetsk's city day, held during the visit, is Kuznetsk's record: the event links to the visit,
      // so it shows on the visit's page to those who may read it (an administrator), not to
      // Baranovichi's viewer.
      expect(body.events).toEqual([]);
      const asAdmin = await app.inject({
        method: 'GET',
        url: `/api/visits/${visitId}/details`,
        headers: as('admin'),
      });
      expect(asAdmin.json().events.map((event: { kind: string }) => event.kind)).toContain('city_day');
      expect(body.sources).toEqual([expect.objectContaining({ documentId })]);
      const agreementId = body.agreementsSigned[0].id;
      const agreement = await app.inject({
        method: 'GET',
        url: `/api/agreements/${agreementId}/details`,
        headers: as('viewer'),
      });
      expect(agreement.json()).toMatchObject({ id: agreementId, planItems: [], sources: [{ documentId }] });
    });

    it('finds what was accepted: by surname, by a word form, by a transliterated name, marked in the fragment', async () => {
      const search = async (q: string) =>
        (
          await app.inject({
            method: 'GET',
            url: `/api/search?q=${encodeURIComponent(q)}`,
            headers: as('viewer'),
          })
        ).json();
      const groups = (
        result: { groups: Array<{ kind: string; hits: Array<{ label: string }> }> },
        kind: string,
      ) => result.groups.find((group) => group.kind === kind)?.hits.map((hit) => hit.label) ?? [];
      const surname = await search('Щербаков');
      expect(groups(surname, 'person')).toContain('Вадим Щербаков');
      expect(surname.groups[0].kind).toBe('person');
      const library = await search('библиотечной');
      expect(groups(library, 'organization')).toContain('централизованная библиотечная система');
      const hit = library.groups.find((g: { kind: string }) => g.kind === 'organization').hits[0];
      expect(
        hit.fragment.filter((part: { match: boolean }) => part.match).map((p: { text: string }) => p.text),
      ).toContain('библиотечная');
      expect(groups(await search('Baranavichy'), 'city')[0]).toBe('Барановичи (BY)');
      expect(groups(await search('Кузнецка'), 'city')[0]).toBe('Кузнецк (RU)');
      // A town whose letters are closer to «Baranavichy» than Baranovichi's: only the gazetteer's
      // transliteration-aware search puts Baranovichi first.
      await database.db
        .insertInto('city')
        .values({
          id: 1277082,
          source: 'geonames',
          name_ru: 'Баранагар',
          name_en: 'Baranagar',
          country: 'IN',
          population: 260072,
          search_names: ['баранагар', 'baranagar'],
        })
        .execute();
      const cities = await app.inject({ method: 'GET', url: '/api/cities?q=Baranavichy' });
      expect(cities.json()[0]).toMatchObject({ id: ids.baranovichi, nameRu: 'Барановичи' });
      expect(groups(await search('побратим'), 'document')).toHaveLength(1);
      const bad = await app.inject({ method: 'GET', url: '/api/search?q=a', headers: as('viewer') });
      expect(bad.statusCode).toBe(400);
    });
  });
}
