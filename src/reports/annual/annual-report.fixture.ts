import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { readSeedArticle, seedDemo } from '../../commands/seed-demo.ts';
import { createAgreement } from '../../modules/agreements/agreement.service.ts';
import { SYSTEM_ACTOR } from '../../modules/audit/audit.schema.ts';
import { insertTestCity } from '../../modules/audit/test-cities.ts';
import { createEvent } from '../../modules/events/event.service.ts';
import { createOrganization } from '../../modules/organizations/organization.service.ts';
import { createPerson } from '../../modules/persons/person.service.ts';
import { createPlanItem } from '../../modules/plans/plan-item.service.ts';
import { createVisit } from '../../modules/visits/visit.service.ts';

/** The ids a report test needs. */
export interface ReportFixture {
  baranovichi: number;
  kuznetsk: number;
  inboundVisitId: number;
}

/**
 * A year of links for the tests: the seed article's records (the September visit to Kuznetsk, two
 * agreements, two projects, the city day), loaded by seed-demo, and what a real year adds around
 * them: a plan of joint activities with items done, done late, slipped and cancelled, an agreement
 * that lapsed, a delegation received and a festival at home.
 */
export async function loadReportFixture(db: Kysely<Database>): Promise<ReportFixture> {
  const baranovichi = await insertTestCity(db, 'Барановичи', 'Baranovichi', 'BY');
  const kuznetsk = await insertTestCity(db, 'Кузнецк', 'Kuznetsk', 'RU');
  const article = await readSeedArticle();
  await db.transaction().execute((trx) => seedDemo(trx, article));
  const actor = SYSTEM_ACTOR;

  const cities = [{ cityId: baranovichi }, { cityId: kuznetsk }];
  const plan = await createAgreement(db, actor, {
    kind: 'plan',
    title: 'План совместных мероприятий городов Барановичи и Кузнецк на 2025-2026 годы',
    signedOn: '2025-02-14',
    validUntil: '2026-12-31',
    parties: cities,
  });
  const items = [
    {
      title: 'Обмен делегациями школьников в летний период',
      dueOn: '2025-07-31',
      status: 'done',
      doneOn: '2025-07-20',
      report: 'Группа из 15 учащихся гимназии № 5 отдохнула в лагере "Сура"',
    },
    {
      title: 'Участие делегации в праздновании 245-летия г. Кузнецка',
      dueOn: '2025-09-30',
      status: 'done',
      doneOn: '2025-09-21',
      report: null,
    },
    {
      title: 'Совместная выставка краеведческих музеев',
      dueOn: '2025-05-18',
      status: 'done',
      doneOn: '2025-06-10',
      report: 'Выставка открыта с опозданием из-за ремонта зала',
    },
    {
      title: 'Молодёжный форум городов-побратимов',
      dueOn: '2025-06-01',
      status: 'planned',
      doneOn: null,
      report: null,
    },
    {
      title: 'Турнир по мини-футболу среди юношей',
      dueOn: '2025-08-15',
      status: 'cancelled',
      doneOn: null,
      report: 'Перенесён по решению сторон',
    },
    {
      title: 'Конференция библиотекарей',
      dueOn: '2026-04-20',
      status: 'planned',
      doneOn: null,
      report: null,
    },
  ] as const;
  for (const item of items) {
    await createPlanItem(db, actor, {
      agreementId: plan.id,
      responsibleText: 'отдел идеологической работы',
      ...item,
    });
  }

  const club = await createOrganization(db, actor, {
    cityId: baranovichi,
    name: 'ДЮСШ № 2',
    kind: 'sport_club',
    sphere: 'sport',
  });
  const partnerClub = await createOrganization(db, actor, {
    cityId: kuznetsk,
    name: 'спортивная школа "Олимп"',
    kind: 'sport_club',
    sphere: 'sport',
  });
  await createAgreement(db, actor, {
    kind: 'cooperation',
    title: 'Договор о сотрудничестве ДЮСШ № 2 и спортивной школы "Олимп"',
    status: 'expired',
    signedOn: '2020-05-15',
    validUntil: '2025-05-14',
    parties: [{ organizationId: club.id }, { organizationId: partnerClub.id }],
  });

  const mayor = await createPerson(db, actor, { fullName: 'Ирина Сергеевна Петрова', cityId: kuznetsk });
  const deputy = await createPerson(db, actor, { fullName: 'Олег Николаевич Романов', cityId: kuznetsk });
  const inbound = await createVisit(db, actor, {
    fromCityId: kuznetsk,
    toCityId: baranovichi,
    startDate: '2025-06-12',
    endDate: '2025-06-15',
    kind: 'official',
    status: 'done',
    headPersonId: mayor.id,
    headPosition: 'глава г. Кузнецка',
    purpose: 'Участие в фестивале "Дружба без границ", встречи в гимназии № 5',
    outcomes: 'Согласованы мероприятия плана на второе полугодие',
    members: [
      { personId: mayor.id, role: 'руководитель делегации' },
      { personId: deputy.id, role: 'член делегации' },
    ],
  });
  await createEvent(db, actor, {
    name: 'Фестиваль "Дружба без границ"',
    kind: 'festival',
    cityId: baranovichi,
    startDate: '2025-06-13',
    endDate: '2025-06-14',
    visitId: inbound.id,
    participants: [
      { cityId: kuznetsk, role: 'делегация' },
      { organizationId: club.id, role: 'спортивная программа' },
    ],
  });
  return { baranovichi, kuznetsk, inboundVisitId: inbound.id };
}
