import { agreementRecord } from '../../modules/agreements/agreement.record.ts';
import type { Party } from '../../modules/agreements/party.schema.ts';
import { everyPage } from '../../modules/audit/cursor-page.ts';
import { queryIdSchema } from '../../modules/audit/fields.schema.ts';
import { documentListQuerySchema, type DocumentSummary } from '../../modules/documents/document.schema.ts';
import { listDocuments } from '../../modules/documents/document.service.ts';
import { eventRecord } from '../../modules/events/event.record.ts';
import { organizationRecord } from '../../modules/organizations/organization.record.ts';
import { personRecord } from '../../modules/persons/person.record.ts';
import type { Person } from '../../modules/persons/person.schema.ts';
import { planItemRecord } from '../../modules/plans/plan-item.record.ts';
import { projectRecord } from '../../modules/projects/project.record.ts';
import { twinningListQuerySchema, type Twinning } from '../../modules/twinnings/twinning.schema.ts';
import { listTwinningsOfCity } from '../../modules/twinnings/twinning.service.ts';
import { userListQuerySchema, type User } from '../../modules/users/user.schema.ts';
import { listUsers } from '../../modules/users/user.service.ts';
import { programItemRecord } from '../../modules/visit-program/program-item.record.ts';
import { visitRecord } from '../../modules/visits/visit.record.ts';
import { can, INSTALLATION } from '../../modules/auth/policy.ts';
import { readableDocuments, resolveScope } from '../../modules/auth/record-scope.ts';
import {
  commaJoined,
  date,
  idColumn,
  mayRead,
  number,
  recordExport,
  sheetSource,
  text,
  type ExportKind,
  type SheetSource,
} from './export-kind.ts';
import { registryCities } from './export-cities.ts';
import { RU, yesNo } from './labels.ts';
import type { NameBook } from './names.ts';

const NO_FILTERS = async () => true;

/** Names joined one a line-free list: «гимназия № 5; лицей № 21». */
const joined = (values: Array<string | null>) => values.filter((value) => value).join('; ') || null;
const partyNames = (parties: Party[]) => joined(parties.map((party) => party.name));
const partyRefs = (parties: Party[]) => ({
  cityIds: parties.map((party) => party.cityId),
  organizationIds: parties.map((party) => party.organizationId),
});

const organizations = recordExport(organizationRecord, {
  kind: 'organizations',
  title: 'Организации',
  refs: (org) => ({ cityIds: [org.cityId] }),
  columns: [
    idColumn(),
    text('Название', 40, (org) => org.name),
    text('Краткое название', 20, (org) => org.shortName),
    text('Вид', 16, (org) => RU.organizationKind[org.kind]),
    text('Сфера', 16, (org) => RU.sphere[org.sphere]),
    text('Город', 18, (org, names) => names.city(org.cityId)),
    text('Адрес', 30, (org) => org.address),
    text('Сайт', 24, (org) => org.website),
    text('Эл. почта', 24, (org) => org.email),
    text('Телефоны', 24, (org) => joined(org.phones)),
    text('Примечания', 40, (org) => org.notes),
  ],
});

const positionText = (position: Person['positions'][number], names: NameBook) =>
  commaJoined(position.title, names.organization(position.organizationId) ?? names.city(position.cityId));

const persons = recordExport(personRecord, {
  kind: 'persons',
  title: 'Люди',
  refs: (person) => ({
    cityIds: [person.cityId, ...person.positions.map((position) => position.cityId)],
    organizationIds: person.positions.map((position) => position.organizationId),
  }),
  columns: [
    idColumn(),
    text('ФИО', 32, (person) => person.fullName),
    text('Фамилия', 16, (person) => person.lastName),
    text('Имя', 14, (person) => person.firstName),
    text('Отчество', 16, (person) => person.patronymic),
    text('Город', 18, (person, names) => names.city(person.cityId)),
    text('Должности', 50, (person, names) =>
      joined(person.positions.map((position) => positionText(position, names))),
    ),
    text('Эл. почта', 24, (person) => person.email),
    text('Телефоны', 24, (person) => joined(person.phones)),
    text('Адрес', 30, (person) => person.address),
    text('Обращение', 28, (person) => person.salutation),
    date('День рождения', (person) => person.birthday),
    text('Языки', 20, (person) => joined(person.languages)),
    text('Примечания', 40, (person) => person.notes),
  ],
});

const visits = recordExport(visitRecord, {
  kind: 'visits',
  title: 'Визиты',
  refs: (visit) => ({
    cityIds: [visit.fromCityId, visit.toCityId],
    personIds: [visit.headPersonId, ...visit.members.map((member) => member.personId)],
  }),
  columns: [
    idColumn(),
    date('Начало', (visit) => visit.startDate),
    date('Окончание', (visit) => visit.endDate),
    text('Откуда', 18, (visit, names) => names.city(visit.fromCityId)),
    text('Куда', 18, (visit, names) => names.city(visit.toCityId)),
    text('Вид визита', 14, (visit) => (visit.kind ? RU.visitKind[visit.kind] : null)),
    text('Статус', 14, (visit) => RU.visitStatus[visit.status]),
    text('Глава делегации', 26, (visit, names) => names.person(visit.headPersonId)),
    text('Должность главы делегации', 32, (visit) => visit.headPosition),
    text('Состав делегации', 50, (visit, names) =>
      joined(visit.members.map((member) => commaJoined(names.person(member.personId), member.role))),
    ),
    text('Цель', 40, (visit) => visit.purpose),
    text('Итоги', 50, (visit) => visit.outcomes),
  ],
});

const agreements = recordExport(agreementRecord, {
  kind: 'agreements',
  title: 'Соглашения',
  refs: (agreement) => partyRefs(agreement.parties),
  columns: [
    idColumn(),
    text('Название', 50, (agreement) => agreement.title),
    text('Вид', 20, (agreement) => RU.agreementKind[agreement.kind]),
    text('Статус', 14, (agreement) => RU.agreementStatus[agreement.status]),
    text('Стороны', 50, (agreement) => partyNames(agreement.parties)),
    date('Дата подписания', (agreement) => agreement.signedOn),
    date('Действует с', (agreement) => agreement.validFrom),
    date('Действует до', (agreement) => agreement.validUntil),
    text('Автопролонгация', 10, (agreement) => yesNo(agreement.autoRenew)),
    text('Примечания', 40, (agreement) => agreement.notes),
  ],
});

const planItems = recordExport(planItemRecord, {
  kind: 'plan-items',
  title: 'План мероприятий',
  refs: (item) => ({
    agreementIds: [item.agreementId],
    organizationIds: [item.responsibleOrganizationId],
    personIds: [item.responsiblePersonId],
  }),
  columns: [
    idColumn(),
    text('Мероприятие', 50, (item) => item.title),
    text('Соглашение', 36, (item, names) => names.agreement(item.agreementId)),
    text('Ответственная организация', 30, (item, names) =>
      names.organization(item.responsibleOrganizationId),
    ),
    text('Ответственное лицо', 26, (item, names) => names.person(item.responsiblePersonId)),
    text('Ответственные (как записано)', 30, (item) => item.responsibleText),
    date('Срок', (item) => item.dueOn),
    text('Статус', 14, (item) => RU.planItemStatus[item.status]),
    date('Дата выполнения', (item) => item.doneOn),
    text('Отчёт о выполнении', 50, (item) => item.report),
  ],
});

const projects = recordExport(projectRecord, {
  kind: 'projects',
  title: 'Проекты',
  refs: (project) => partyRefs(project.parties),
  columns: [
    idColumn(),
    text('Название', 50, (project) => project.title),
    text('Сфера', 16, (project) => RU.sphere[project.sphere]),
    text('Статус', 14, (project) => RU.projectStatus[project.status]),
    text('Участники', 50, (project) => partyNames(project.parties)),
    date('Начало', (project) => project.startedOn),
    date('Окончание', (project) => project.endedOn),
    text('Описание', 50, (project) => project.description),
  ],
});

const events = recordExport(eventRecord, {
  kind: 'events',
  title: 'Мероприятия',
  refs: (event) => ({
    cityIds: [event.cityId, ...event.participants.map((participant) => participant.cityId)],
    organizationIds: event.participants.map((participant) => participant.organizationId),
    personIds: event.participants.map((participant) => participant.personId),
  }),
  columns: [
    idColumn(),
    text('Название', 40, (event) => event.name),
    text('Вид', 16, (event) => RU.eventKind[event.kind]),
    text('Город', 18, (event, names) => names.city(event.cityId)),
    date('Начало', (event) => event.startDate),
    date('Окончание', (event) => event.endDate),
    text('Участники', 50, (event, names) =>
      joined(
        event.participants.map((participant) =>
          commaJoined(
            names.city(participant.cityId) ??
              names.organization(participant.organizationId) ??
              names.person(participant.personId),
            participant.role,
          ),
        ),
      ),
    ),
    text('Описание', 50, (event) => event.description),
  ],
});

/** «10:00–11:30», «10:00», or nothing. */
function timeSpan(start: string | null, end: string | null): string | null {
  if (!start && !end) return null;
  return [start, end].filter(Boolean).join('–');
}

const programItems = recordExport(programItemRecord, {
  kind: 'visit-program-items',
  title: 'Программа визита',
  refs: (item) => ({ organizationIds: [item.organizationId], agreementIds: [item.agreementId] }),
  columns: [
    number('Визит', (item) => item.visitId),
    number('№', (item) => item.position),
    date('День', (item) => item.day),
    text('Время', 12, (item) => timeSpan(item.startTime, item.endTime)),
    text('Вид', 20, (item) => RU.programItemKind[item.kind]),
    text('Пункт программы', 50, (item) => item.title),
    text('Организация', 30, (item, names) => names.organization(item.organizationId)),
    text('Соглашение', 30, (item, names) => names.agreement(item.agreementId)),
    text('Примечания', 40, (item) => item.notes),
  ],
});

const documents: ExportKind<DocumentSummary> = {
  kind: 'documents',
  title: 'Документы',
  query: documentListQuerySchema,
  collect: (db, principal, query) => {
    const { cursor: _cursor, limit: _limit, ...filters } = query;
    // The asker's scope is a condition of the list query, as on the documents list route.
    return everyPage(
      (page) => listDocuments(db, { ...filters, ...page }, readableDocuments(principal)),
      NO_FILTERS,
    );
  },
  refs: () => ({}),
  columns: [
    idColumn(),
    text('Заголовок', 50, (document) => document.title),
    text('Вид', 16, (document) => RU.documentKind[document.kind]),
    text('Язык', 6, (document) => document.language),
    date('Дата публикации', (document) => document.publishedOn),
    text('Источник', 40, (document) => document.sourceUrl),
    text('Файл', 24, (document) => document.fileName),
  ],
};

/** A city's twinnings: the list on a city's page (its sort and order), so the city is required. */
const twinningQuerySchema = twinningListQuerySchema.extend({ cityId: queryIdSchema });

const twinnings: ExportKind<Twinning> = {
  kind: 'twinnings',
  title: 'Города-побратимы',
  query: twinningQuerySchema,
  async collect(db, principal, query) {
    const { cityId, ...sorting } = twinningQuerySchema.parse(query);
    const visible: Twinning[] = [];
    for (const twinning of await listTwinningsOfCity(db, cityId, sorting)) {
      const scope = () =>
        resolveScope(db, { cityIds: [twinning.cityAId, twinning.cityBId] }, { publishable: true });
      if (await mayRead(principal, scope)) visible.push(twinning);
    }
    // The city asked about first, its partner second: the list is of one city's partners.
    return visible.map((twinning) =>
      twinning.cityAId === cityId ? twinning : { ...twinning, cityAId: cityId, cityBId: twinning.cityAId },
    );
  },
  refs: (twinning) => ({ cityIds: [twinning.cityAId, twinning.cityBId] }),
  columns: [
    text('Город', 20, (twinning, names) => names.city(twinning.cityAId)),
    text('Город-партнёр', 20, (twinning, names) => names.city(twinning.cityBId)),
    text('Страна партнёра', 10, (twinning, names) => names.country(twinning.cityBId)),
    text('Уровень связей', 20, (twinning) => RU.twinningTier[twinning.tier]),
    text('Статус', 14, (twinning) => RU.twinningStatus[twinning.status]),
    date('Дата установления', (twinning) => twinning.establishedOn),
    number('Год установления', (twinning) => twinning.establishedYear),
    date('Дата прекращения', (twinning) => twinning.endedOn),
    text('Примечания', 40, (twinning) => twinning.notes),
  ],
};

const users: ExportKind<User> = {
  kind: 'users',
  title: 'Пользователи',
  query: userListQuerySchema,
  collect: (db, principal, query) => {
    // Accounts are for administrators only; the route checks it, this keeps it true for any caller.
    if (!can(principal, 'manage_users', INSTALLATION)) return Promise.resolve([]);
    const { cursor: _cursor, limit: _limit, ...filters } = query;
    return everyPage((page) => listUsers(db, { ...filters, ...page }), NO_FILTERS);
  },
  refs: (user) => ({
    cityIds: user.roles.map((grant) => ('cityId' in grant ? grant.cityId : null)),
    organizationIds: user.roles.map((grant) => ('organizationId' in grant ? grant.organizationId : null)),
  }),
  columns: [
    idColumn(),
    text('Эл. почта', 30, (user) => user.email),
    text('Имя', 26, (user) => user.displayName),
    text('Язык интерфейса', 14, (user) => RU.locale[user.locale]),
    text('Отключён', 10, (user) => yesNo(user.disabled)),
    text('Роли', 50, (user, names) =>
      joined(
        user.roles.map((grant) => {
          const where =
            'cityId' in grant
              ? names.city(grant.cityId)
              : 'organizationId' in grant
                ? names.organization(grant.organizationId)
                : null;
          return where ? `${RU.role[grant.role]} (${where})` : RU.role[grant.role];
        }),
      ),
    ),
  ],
};

/** Every list the application shows, as exports, by URL segment. */
export const EXPORT_KINDS: SheetSource[] = [
  sheetSource(organizations),
  sheetSource(persons),
  sheetSource(visits),
  sheetSource(programItems),
  sheetSource(agreements),
  sheetSource(planItems),
  sheetSource(projects),
  sheetSource(events),
  sheetSource(documents),
  sheetSource(twinnings),
  sheetSource(registryCities),
  sheetSource(users),
];

/** Kinds only administrators may export (the list itself is theirs only). */
export const ADMIN_ONLY_KINDS: ReadonlySet<string> = new Set(['users']);
