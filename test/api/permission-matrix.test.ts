import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { testEngines } from '../../src/db/test-database.ts';
import { insertTestCity } from '../../src/modules/audit/test-cities.ts';
import { buildApp } from '../../src/server/app.ts';
import { insertTestAccounts } from '../../src/server/test-accounts.ts';

type Who = 'admin' | 'cityEditor' | 'cityViewer' | 'orgEditor' | 'public';
type Side = 'own' | 'other';
type Ids = {
  baranovichi: number;
  kuznetsk: number;
  minsk: number;
  gymnasium: number;
  lyceum: number;
  minskSchool: number;
  ownAgreement: number;
  otherAgreement: number;
  ownVisit: number;
  otherVisit: number;
  ownPerson: number;
  otherPerson: number;
  ownEvent: number;
  otherEvent: number;
};

// What each kind of record looks like on the Baranovichi side ("own": the editors' city, where the
// organization editor's gymnasium is) and on the Minsk side ("other").
const KINDS: Record<string, (ids: Ids, side: Side) => object> = {
  organizations: (ids, side) => ({
    cityId: side === 'own' ? ids.baranovichi : ids.minsk,
    name: `школа № ${Math.random()}`,
  }),
  persons: (ids, side) => ({ fullName: 'Иван Петров', cityId: side === 'own' ? ids.baranovichi : ids.minsk }),
  visits: (ids, side) => ({
    fromCityId: side === 'own' ? ids.baranovichi : ids.minsk,
    toCityId: ids.kuznetsk,
    startDate: '2025-09-18',
    endDate: '2025-09-21',
  }),
  agreements: (ids, side) => ({
    kind: 'cooperation',
    title: 'Соглашение',
    parties: [
      { organizationId: side === 'own' ? ids.gymnasium : ids.minskSchool },
      { organizationId: ids.lyceum },
    ],
  }),
  projects: (ids, side) => ({
    title: 'Проект',
    parties: [
      { organizationId: side === 'own' ? ids.gymnasium : ids.minskSchool },
      { organizationId: ids.lyceum },
    ],
  }),
  'plan-items': (ids, side) => ({
    agreementId: side === 'own' ? ids.ownAgreement : ids.otherAgreement,
    title: 'Обмен делегациями учащихся',
  }),
  events: (ids, side) => ({
    name: 'День города',
    kind: 'city_day',
    cityId: side === 'own' ? ids.baranovichi : ids.minsk,
  }),
  'visit-program-items': (ids, side) => ({
    visitId: side === 'own' ? ids.ownVisit : ids.otherVisit,
    kind: 'organization_visit',
    title: 'Посещение лицея № 21',
    organizationId: ids.lyceum,
  }),
};

// Expected answers to get, create, update, delete: A allowed, D 403, U 401; then the list: A when the
// record is listed, - when the list answers without it, U 401 (no city publishes here, so the public
// has no lists). Written out by hand from the roles' definitions (PRODUCT.md, the API issue), not
// computed from the policy code.
const EXPECTED: Record<Who, Record<string, Record<Side, string>>> = {
  admin: Object.fromEntries(Object.keys(KINDS).map((kind) => [kind, { own: 'AAAAA', other: 'AAAAA' }])),
  cityEditor: Object.fromEntries(Object.keys(KINDS).map((kind) => [kind, { own: 'AAAAA', other: 'DDDD-' }])),
  cityViewer: Object.fromEntries(Object.keys(KINDS).map((kind) => [kind, { own: 'ADDDA', other: 'DDDD-' }])),
  orgEditor: {
    // The gymnasium's editor may edit the gymnasium, but not found other organizations in its city.
    organizations: { own: 'DDDD-', other: 'DDDD-' },
    persons: { own: 'DDDD-', other: 'DDDD-' },
    visits: { own: 'DDDD-', other: 'DDDD-' },
    agreements: { own: 'AAAAA', other: 'DDDD-' },
    projects: { own: 'AAAAA', other: 'DDDD-' },
    'plan-items': { own: 'AAAAA', other: 'DDDD-' },
    events: { own: 'DDDD-', other: 'DDDD-' },
    'visit-program-items': { own: 'DDDD-', other: 'DDDD-' },
  },
  public: Object.fromEntries(Object.keys(KINDS).map((kind) => [kind, { own: 'UUUUU', other: 'UUUUU' }])),
};

// The public once Baranovichi publishes (tested after all the rest): the own side of the publishable
// records is read and listed, the other side is left out of the lists; people and plan items are
// never public; every write stays 401.
const PUBLISHED: Record<string, Record<Side, string>> = {
  organizations: { own: 'AUUUA', other: 'UUUU-' },
  persons: { own: 'UUUUU', other: 'UUUUU' },
  visits: { own: 'AUUUA', other: 'UUUU-' },
  agreements: { own: 'AUUUA', other: 'UUUU-' },
  projects: { own: 'AUUUA', other: 'UUUU-' },
  'plan-items': { own: 'UUUUU', other: 'UUUUU' },
  events: { own: 'AUUUA', other: 'UUUU-' },
  'visit-program-items': { own: 'AUUUA', other: 'UUUU-' },
};

// A city's facts (PATCH /api/cities/:id) and its publishing (PUT /api/home-cities/:id), for the
// editors' own city, a partner twinned with it, and a city whose twinning with it ended: the home
// city's staff keep their partners' facts (partners have no editors of their own in a regional
// installation), but neither publish for them nor keep the facts of a former partner.
type CityTarget = 'own' | 'partner' | 'former partner';
const CITY_EXPECTED: Record<Who, Record<CityTarget, string>> = {
  admin: { own: 'AA', partner: 'AA', 'former partner': 'AA' },
  cityEditor: { own: 'AA', partner: 'AD', 'former partner': 'DD' },
  cityViewer: { own: 'DD', partner: 'DD', 'former partner': 'DD' },
  orgEditor: { own: 'DD', partner: 'DD', 'former partner': 'DD' },
  public: { own: 'UU', partner: 'UU', 'former partner': 'UU' },
};

// Reordering a visit's whole program (PUT /api/visits/:id/program/order), on a visit from the
// editors' city and on one from Minsk: whoever may update the visit's program items may reorder them.
const ORDER_EXPECTED: Record<Who, Record<Side, string>> = {
  admin: { own: 'A', other: 'A' },
  cityEditor: { own: 'A', other: 'D' },
  cityViewer: { own: 'D', other: 'D' },
  orgEditor: { own: 'D', other: 'D' },
  public: { own: 'U', other: 'U' },
};

// A reference is a read: every id in a body that names another record must name one the writer may
// read. Each row: a record of the editors' own side whose one field names a record of the own side
// ("readable") or of the Minsk side ("unreadable", as GET answers the city editor 403), or of Kuznetsk,
// the partner with no editors of its own that Baranovichi keeps ("partner's"). The city editor's
// create and update of the own record: A allowed, D 403 naming the field.
type Target = 'readable' | 'unreadable';
const REFERENCES: Array<[kind: string, field: string, body: (ids: Ids, target: Target) => object]> = [
  [
    'persons',
    'positions.0.organizationId',
    (ids, target) => ({
      fullName: 'Анна Смирнова',
      cityId: ids.baranovichi,
      positions: [
        { title: 'учитель', organizationId: target === 'readable' ? ids.gymnasium : ids.minskSchool },
      ],
    }),
  ],
  [
    'visits',
    'headPersonId',
    (ids, target) => ({
      ...KINDS.visits!(ids, 'own'),
      headPersonId: target === 'readable' ? ids.ownPerson : ids.otherPerson,
    }),
  ],
  [
    'visits',
    'members.0.personId',
    (ids, target) => ({
      ...KINDS.visits!(ids, 'own'),
      members: [{ personId: target === 'readable' ? ids.ownPerson : ids.otherPerson, role: null }],
    }),
  ],
  [
    'agreements',
    'parties.1.organizationId',
    (ids, target) => ({
      kind: 'cooperation',
      title: 'Соглашение',
      parties: [
        { organizationId: ids.gymnasium },
        { organizationId: target === 'readable' ? ids.lyceum : ids.minskSchool },
      ],
    }),
  ],
  [
    'agreements',
    'signedAtVisitId',
    (ids, target) => ({
      ...KINDS.agreements!(ids, 'own'),
      signedAtVisitId: target === 'readable' ? ids.ownVisit : ids.otherVisit,
    }),
  ],
  [
    'projects',
    'parties.1.organizationId',
    (ids, target) => ({
      title: 'Проект',
      parties: [
        { organizationId: ids.gymnasium },
        { organizationId: target === 'readable' ? ids.lyceum : ids.minskSchool },
      ],
    }),
  ],
  [
    'events',
    'visitId',
    (ids, target) => ({
      ...KINDS.events!(ids, 'own'),
      visitId: target === 'readable' ? ids.ownVisit : ids.otherVisit,
    }),
  ],
  [
    'events',
    'participants.0.personId',
    (ids, target) => ({
      ...KINDS.events!(ids, 'own'),
      participants: [{ personId: target === 'readable' ? ids.ownPerson : ids.otherPerson }],
    }),
  ],
  [
    'plan-items',
    'responsiblePersonId',
    (ids, target) => ({
      ...KINDS['plan-items']!(ids, 'own'),
      responsiblePersonId: target === 'readable' ? ids.ownPerson : ids.otherPerson,
    }),
  ],
  [
    'plan-items',
    'responsibleOrganizationId',
    (ids, target) => ({
      ...KINDS['plan-items']!(ids, 'own'),
      responsibleOrganizationId: target === 'readable' ? ids.gymnasium : ids.minskSchool,
    }),
  ],
  [
    'visit-program-items',
    'organizationId',
    (ids, target) => ({
      ...KINDS['visit-program-items']!(ids, 'own'),
      organizationId: target === 'readable' ? ids.gymnasium : ids.minskSchool,
    }),
  ],
  [
    'visit-program-items',
    'eventId',
    (ids, target) => ({
      ...KINDS['visit-program-items']!(ids, 'own'),
      eventId: target === 'readable' ? ids.ownEvent : ids.otherEvent,
    }),
  ],
  [
    'visit-program-items',
    'agreementId',
    (ids, target) => ({
      ...KINDS['visit-program-items']!(ids, 'own'),
      agreementId: target === 'readable' ? ids.ownAgreement : ids.otherAgreement,
    }),
  ],
];
const REFERENCE_EXPECTED: Record<'admin' | 'cityEditor', Record<Target, string>> = {
  admin: { readable: 'AA', unreadable: 'AA' },
  cityEditor: { readable: 'AA', unreadable: 'DD' },
};

const letter = (status: number) =>
  status < 300 ? 'A' : status === 403 ? 'D' : status === 401 ? 'U' : `?${status}`;

for (const engine of testEngines()) {
  describe(`every role × every record route × own and other city on ${engine.engine}`, () => {
    let database: DatabaseHandle;
    let app: FastifyInstance;
    const ids = {} as Ids;
    const tokens = {} as Record<Who, string | null>;

    beforeAll(async () => {
      database = await engine.open();
      app = await buildApp({ database });
      const { db } = database;
      ids.baranovichi = await insertTestCity(db, 'Барановичи', 'Baranovichi');
      ids.kuznetsk = await insertTestCity(db, 'Кузнецк', 'Kuznetsk', 'RU');
      ids.minsk = await insertTestCity(db, 'Минск', 'Minsk');
      const org = async (cityId: number, name: string) =>
        (
          await db
            .insertInto('organization')
            .values({ city_id: cityId, name })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
      ids.gymnasium = await org(ids.baranovichi, 'гимназия № 5');
      ids.lyceum = await org(ids.kuznetsk, 'лицей № 21');
      ids.minskSchool = await org(ids.minsk, 'средняя школа № 3');
      Object.assign(
        tokens,
        await insertTestAccounts(db, [
          ['admin', 'admin', null, null],
          ['cityEditor', 'city_editor', ids.baranovichi, null],
          ['cityViewer', 'city_viewer', ids.baranovichi, null],
          ['orgEditor', 'org_editor', null, ids.gymnasium],
        ]),
      );
      tokens.public = null;
      ids.ownAgreement = (
        await call('admin', 'POST', '/api/agreements', KINDS.agreements!(ids, 'own'))
      ).json().id;
      ids.otherAgreement = (
        await call('admin', 'POST', '/api/agreements', KINDS.agreements!(ids, 'other'))
      ).json().id;
      for (const [partner, status] of [
        [ids.kuznetsk, 'active'],
        [ids.minsk, 'ended'],
      ] as const) {
        const twinning = await call('admin', 'POST', '/api/twinnings', {
          cityIds: [ids.baranovichi, partner],
          status,
        });
        expect(twinning.statusCode, twinning.body).toBe(201);
      }
      ids.ownVisit = (await call('admin', 'POST', '/api/visits', KINDS.visits!(ids, 'own'))).json().id;
      ids.otherVisit = (await call('admin', 'POST', '/api/visits', KINDS.visits!(ids, 'other'))).json().id;
      ids.ownPerson = (await call('admin', 'POST', '/api/persons', KINDS.persons!(ids, 'own'))).json().id;
      ids.otherPerson = (await call('admin', 'POST', '/api/persons', KINDS.persons!(ids, 'other'))).json().id;
      ids.ownEvent = (await call('admin', 'POST', '/api/events', KINDS.events!(ids, 'own'))).json().id;
      ids.otherEvent = (await call('admin', 'POST', '/api/events', KINDS.events!(ids, 'other'))).json().id;
    });
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    function call(
      who: Who,
      method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
      url: string,
      payload?: object,
    ) {
      const headers = tokens[who] ? { authorization: `Bearer ${tokens[who]}` } : {};
      return app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
    }

    async function fresh(kind: string, side: Side): Promise<{ id: number; version: number }> {
      const response = await call('admin', 'POST', `/api/${kind}`, KINDS[kind]!(ids, side));
      expect(response.statusCode, response.body).toBe(201);
      return response.json();
    }

    /** The answers of one asker on a fresh record: get, create, update, delete, then the list. */
    async function answers(who: Who, kind: string, side: Side): Promise<string> {
      const record = await fresh(kind, side);
      const get = await call(who, 'GET', `/api/${kind}/${record.id}`);
      // The record just made is the newest: first in the list if the asker may see it.
      const list = await call(who, 'GET', `/api/${kind}?sort=createdAt&order=desc&limit=1`);
      const listed =
        list.statusCode === 200
          ? list.json().items.some((item: { id: number }) => item.id === record.id)
            ? 'A'
            : '-'
          : letter(list.statusCode);
      const create = await call(who, 'POST', `/api/${kind}`, KINDS[kind]!(ids, side));
      const update = await call(who, 'PATCH', `/api/${kind}/${record.id}`, { version: record.version });
      // An allowed update moved the version on; the delete names the version now current.
      const current = (await call('admin', 'GET', `/api/${kind}/${record.id}`)).json();
      const remove = await call(who, 'DELETE', `/api/${kind}/${record.id}?version=${current.version}`);
      return [get, create, update, remove].map((response) => letter(response.statusCode)).join('') + listed;
    }

    for (const who of Object.keys(EXPECTED) as Who[]) {
      for (const kind of Object.keys(KINDS)) {
        for (const side of ['own', 'other'] as Side[]) {
          it(`${who} on ${side} ${kind}: ${EXPECTED[who][kind]![side]}`, async () => {
            expect(await answers(who, kind, side)).toBe(EXPECTED[who][kind]![side]);
          });
        }
      }
    }

    for (const who of Object.keys(CITY_EXPECTED) as Who[]) {
      for (const target of ['own', 'partner', 'former partner'] as CityTarget[]) {
        it(`${who} on the facts and the publishing of the ${target} city: ${CITY_EXPECTED[who][target]}`, async () => {
          const cityId = { own: ids.baranovichi, partner: ids.kuznetsk, 'former partner': ids.minsk }[target];
          const { version, population } = (await call('admin', 'GET', `/api/cities/${cityId}`)).json();
          const facts = await call(who, 'PATCH', `/api/cities/${cityId}`, {
            population: population + 1,
            cityDay: '--09-20',
            version,
          });
          const publish = await call(who, 'PUT', `/api/home-cities/${cityId}`, { published: false });
          expect(letter(facts.statusCode) + letter(publish.statusCode)).toBe(CITY_EXPECTED[who][target]);
          const after = (await call('admin', 'GET', `/api/cities/${cityId}`)).json();
          // A refused change leaves the city as it was.
          expect(after.population).toBe(facts.statusCode === 200 ? population + 1 : population);
        });
      }
    }

    for (const who of Object.keys(ORDER_EXPECTED) as Who[]) {
      for (const side of ['own', 'other'] as Side[]) {
        it(`${who} reordering the program of the ${side} visit: ${ORDER_EXPECTED[who][side]}`, async () => {
          const visit = await fresh('visits', side);
          const added = await call('admin', 'POST', '/api/visit-program-items', {
            visitId: visit.id,
            kind: 'meeting',
            title: 'Встреча с главой города',
          });
          expect(added.statusCode, added.body).toBe(201);
          const item = added.json() as { id: number; version: number };
          const order = await call(who, 'PUT', `/api/visits/${visit.id}/program/order`, {
            items: [{ id: item.id, version: item.version, day: '2025-09-19', position: 1 }],
          });
          expect(letter(order.statusCode)).toBe(ORDER_EXPECTED[who][side]);
          const after = (await call('admin', 'GET', `/api/visit-program-items/${item.id}`)).json();
          // A refused reorder leaves the item where it was.
          expect([after.day, after.position]).toEqual(
            order.statusCode === 200 ? ['2025-09-19', 1] : [null, 0],
          );
        });
      }
    }

    for (const [kind, field, body] of REFERENCES) {
      for (const who of Object.keys(REFERENCE_EXPECTED) as Array<keyof typeof REFERENCE_EXPECTED>) {
        for (const target of ['readable', 'unreadable'] as Target[]) {
          const expected = REFERENCE_EXPECTED[who][target];
          it(`${who} naming a ${target} record in ${kind}.${field}: create, update ${expected}`, async () => {
            const create = await call(who, 'POST', `/api/${kind}`, body(ids, target));
            // The update adds the reference to an own record that did not make it.
            const record = await fresh(kind, 'own');
            const key = field.split('.')[0]!;
            const changes = { [key]: (body(ids, target) as Record<string, unknown>)[key] };
            const update = await call(who, 'PATCH', `/api/${kind}/${record.id}`, {
              ...changes,
              version: record.version,
            });
            expect(letter(create.statusCode) + letter(update.statusCode), create.body + update.body).toBe(
              expected,
            );
            for (const refused of [create, update].filter((response) => response.statusCode === 403)) {
              expect(refused.json().error.details).toEqual([
                { path: field, message: expect.stringContaining('you may not read') },
              ]);
            }
            const after = (await call('admin', 'GET', `/api/${kind}/${record.id}`)).json();
            // A refused update leaves the record as it was.
            if (update.statusCode === 403) expect(after.version).toBe(record.version);
          });
        }
      }
    }

    for (const kind of Object.keys(KINDS)) {
      for (const side of ['own', 'other'] as Side[]) {
        it(`public on ${side} ${kind} once Baranovichi publishes: ${PUBLISHED[kind]![side]}`, async () => {
          const publish = await call('admin', 'PUT', `/api/home-cities/${ids.baranovichi}`, {
            published: true,
          });
          expect(publish.statusCode, publish.body).toBe(200);
          expect(await answers('public', kind, side)).toBe(PUBLISHED[kind]![side]);
        });
      }
    }
  });
}
