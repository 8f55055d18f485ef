import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSeedArticle, seedDemo } from '../../commands/seed-demo.ts';
import type { DatabaseHandle } from '../../db/connect.ts';
import type { Database } from '../../db/database.ts';
import { testEngines } from '../../db/test-database.ts';
import { extract, prepareExtractor, type ExtractionResult } from '../../extract/index.ts';
import { comparableFacts } from './round-trip.fixture.ts';
import { createAgreement } from '../../modules/agreements/agreement.service.ts';
import { SYSTEM_ACTOR } from '../../modules/audit/audit.schema.ts';
import { insertTestCity } from '../../modules/audit/test-cities.ts';
import { createEvent } from '../../modules/events/event.service.ts';
import { createOrganization } from '../../modules/organizations/organization.service.ts';
import { createPerson } from '../../modules/persons/person.service.ts';
import { createTwinning } from '../../modules/twinnings/twinning.service.ts';
import { createProgramItem } from '../../modules/visit-program/program-item.service.ts';
import { findVisitByRoute } from '../../modules/visits/visit.repository.ts';
import { createVisit } from '../../modules/visits/visit.service.ts';
import { NBSP } from '../russian/typography.ts';
import { writePressRelease } from './press-release.service.ts';

const actor = SYSTEM_ACTOR;

describe.each(testEngines())('the press release of a visit on $engine', ({ open }) => {
  let handle: DatabaseHandle;
  let db: Kysely<Database>;
  let baranovichi: number;
  let kuznetsk: number;

  beforeAll(async () => {
    handle = await open();
    db = handle.db;
    baranovichi = await insertTestCity(db, 'Барановичи', 'Baranovichi', 'BY');
    kuznetsk = await insertTestCity(db, 'Кузнецк', 'Kuznetsk', 'RU');
    await prepareExtractor();
  });
  afterAll(() => handle.close());

  it('written from the seed article’s records, reads back to the seed’s facts', async () => {
    const article = await readSeedArticle();
    await db.transaction().execute((trx) => seedDemo(trx, article));
    const visit = await findVisitByRoute(db, {
      fromCityId: baranovichi,
      toCityId: kuznetsk,
      startDate: '2025-09-18',
    });
    const release = await writePressRelease(db, visit!.id, { today: '2025-09-25' });

    const plain = release.text.replaceAll(NBSP, ' ');
    expect(release.title).toBe('Рабочий визит делегации города Барановичи в город-побратим Кузнецк');
    expect(release.lead.replaceAll(NBSP, ' ')).toBe(
      'С 18 по 21 сентября официальная делегация из города Барановичи во главе с заместителем ' +
        'председателя горисполкома Вадимом Щербаковым совершила рабочий визит в город-побратим Кузнецк (Россия).',
    );
    expect(plain).toContain(
      'были подписаны договоры о партнёрском сотрудничестве между гимназией № 5 г. Барановичи и лицеем № 21 ' +
        'г. Кузнецка, а также между централизованной библиотечной системой г. Барановичи и Кузнецкой ' +
        'центральной городской библиотекой им. А. Н. Радищева.',
    );
    expect(plain).toContain(
      'приняла участие в празднике города, приуроченном к 245-летнему юбилею Кузнецка.',
    );
    expect(plain).toContain('В рамках визита состоялось концертное выступление Дианы Лугиной.');
    expect(plain).toContain('Рабочий визит делегации из Барановичей в Кузнецк стал важным этапом');
    // Typography: «№» and «г.» never end a line.
    expect(release.text).toContain(`гимназией №${NBSP}5`);
    expect(release.text).toContain(`г.${NBSP}Барановичи`);

    const expected = comparableFacts(article.extraction as ExtractionResult);
    const read = comparableFacts(extract(release.text, { date: '2025-09-25', homeCity: 'Барановичи' }));
    expect(read.visits).toEqual(expected.visits);
    expect(read.agreements).toEqual(expected.agreements);
    expect(read.projects).toEqual(expected.projects);
    expect(read.persons).toEqual(expected.persons);
    expect(read.organizations).toEqual(expected.organizations);
    // The visit's purpose names the jubilee once more; the extractor does not read that repetition as
    // an event of its own, so the release reads back to the seed's events, one for one, in their
    // cities and on their dates. A name may come back shorter («праздник города, приуроченный к
    // 245-летнему юбилею» is read as the jubilee): one name holds the other.
    expect(read.events).toHaveLength(expected.events.length);
    for (const event of expected.events) {
      expect(
        read.events.filter(
          (other) =>
            other.city === event.city &&
            other.date === event.date &&
            (other.name.includes(event.name) || event.name.includes(other.name)),
        ),
        event.name,
      ).toHaveLength(1);
    }
  });

  it('names a woman heading the delegation, the program, a memorandum of two cities and a dated event', async () => {
    const brest = await insertTestCity(db, 'Брест', 'Brest', 'BY');
    const novgorod = await insertTestCity(db, 'Великий Новгород', 'Veliky Novgorod', 'RU');
    await createTwinning(db, actor, { cityIds: [brest, novgorod], tier: 'partner', status: 'active' });
    const head = await createPerson(db, actor, {
      fullName: 'Ольга Иванова',
      positions: [{ title: 'начальник управления образования', cityId: brest }],
    });
    const director = await createPerson(db, actor, {
      fullName: 'Пётр Сидоров',
      positions: [{ title: 'директор гимназии № 1', cityId: brest }],
    });
    const lyceum = await createOrganization(db, actor, {
      cityId: novgorod,
      name: 'лицей № 21',
      kind: 'lyceum',
    });
    const visit = await createVisit(db, actor, {
      fromCityId: brest,
      toCityId: novgorod,
      startDate: '2024-05-16',
      endDate: '2024-05-16',
      kind: 'official',
      status: 'done',
      headPersonId: head.id,
      members: [{ personId: head.id }, { personId: director.id, role: 'член делегации' }],
    });
    await createProgramItem(db, actor, {
      visitId: visit.id,
      kind: 'meeting',
      title: 'Встреча с главой администрации',
    });
    await createProgramItem(db, actor, {
      visitId: visit.id,
      kind: 'organization_visit',
      title: 'Посещение лицея',
      organizationId: lyceum.id,
    });
    await createAgreement(db, actor, {
      kind: 'memorandum',
      title: 'Меморандум о сотрудничестве',
      signedOn: '2024-05-16',
      signedAtVisitId: visit.id,
      parties: [{ cityId: brest }, { cityId: novgorod }],
    });
    await createEvent(db, actor, {
      name: 'Дни белорусской культуры',
      kind: 'festival',
      cityId: novgorod,
      startDate: '2024-05-16',
      visitId: visit.id,
    });

    const release = await writePressRelease(db, visit.id, { today: '2025-01-10' });
    const plain = release.text.replaceAll(NBSP, ' ');
    expect(release.title).toBe('Официальный визит делегации города Бреста в город-партнёр Великий Новгород');
    expect(release.lead.replaceAll(NBSP, ' ')).toBe(
      '16 мая 2024 года официальная делегация из города Бреста во главе с начальником управления образования ' +
        'Ольгой Ивановой совершила официальный визит в город-партнёр Великий Новгород (Россия).',
    );
    expect(plain).toContain('В состав делегации также вошли директор гимназии № 1 Пётр Сидоров.');
    expect(plain).toContain('В рамках визита члены делегации посетили лицей № 21 г. Великий Новгород.');
    expect(plain).toContain('Программа визита включала встречу с главой администрации.');
    expect(plain).toContain(
      '16 мая 2024 года был подписан меморандум о сотрудничестве между городами Брест и Великий Новгород.',
    );
    expect(plain).toContain('16 мая 2024 года состоялись дни белорусской культуры.');
    expect(plain).toContain('Официальный визит делегации из Бреста в Великий Новгород стал важным этапом');

    const [read] = extract(release.text, { date: '2024-05-20', homeCity: 'Брест' }).visits;
    expect(read).toMatchObject({
      from_city: 'Брест',
      to_city: 'Великий Новгород',
      start: '2024-05-16',
      end: '2024-05-16',
      kind: 'official',
      head: { name: 'Ольга Иванова', position: 'начальник управления образования' },
    });
  });

  it('announces a planned visit in the future tense; an indeclinable city keeps its name', async () => {
    const grodno = await insertTestCity(db, 'Гродно', 'Grodno', 'BY');
    const hannover = await insertTestCity(db, 'Ганновер', 'Hannover', 'DE');
    const visit = await createVisit(db, actor, {
      fromCityId: grodno,
      toCityId: hannover,
      startDate: '2026-03-01',
      endDate: '2026-03-02',
      kind: 'business',
      status: 'planned',
    });
    await createEvent(db, actor, {
      name: 'Ярмарка ремёсел',
      kind: 'exhibition',
      cityId: hannover,
      visitId: visit.id,
      participants: [{ cityId: grodno, role: 'делегация' }],
    });
    const release = await writePressRelease(db, visit.id, { today: '2026-02-20' });
    expect(release.lead).toBe(
      'С 1 по 2 марта делегация из города Гродно совершит деловой визит в город Ганновер (Германия).',
    );
    expect(release.text).toContain('Делегация примет участие в ярмарке ремёсел.');
    expect(release.text).toContain('Деловой визит делегации из Гродно в Ганновер станет важным этапом');
  });

  it('refuses a cancelled visit and a visit that does not exist', async () => {
    const visit = await createVisit(db, actor, {
      fromCityId: baranovichi,
      toCityId: kuznetsk,
      startDate: '2026-03-01',
      endDate: '2026-03-02',
      status: 'cancelled',
    });
    await expect(writePressRelease(db, visit.id)).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(writePressRelease(db, 999_999)).rejects.toMatchObject({ code: 'not_found' });
  });
});
