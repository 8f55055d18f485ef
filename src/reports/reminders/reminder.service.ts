/** Reminders for cities: the registry read once per kind, the rules applied, the asker's scope kept. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { can, isAdministrator, type Scope } from '../../modules/auth/policy.ts';
import type { Principal } from '../../modules/auth/principal.ts';
import { cityNameForms, loadCityCases } from './city-case.ts';
import { windowOf } from './reminder-dates.ts';
import {
  agreementReminder,
  annualListReminders,
  planItemReminder,
  quietPartnershipReminder,
  registrationReminder,
} from './reminder-duties.ts';
import { readLegalSettings } from '../../modules/agreements/legal-settings.ts';
import {
  cityDayReminders,
  headBirthdayReminders,
  headTookOfficeReminder,
  jubileeReminders,
  twinningAnniversaryReminders,
  type CityHeadRow,
} from './reminder-occasions.ts';
import {
  AGREEMENT_NOTICE_DAYS,
  PLAN_ITEM_NOTICE_DAYS,
  compareReminders,
  noticeHorizon,
  type PartnerRow,
} from './reminder-rules.ts';
import {
  selectActiveTwinnings,
  selectAgreementScopes,
  selectCityHeads,
  selectDuePlanItems,
  selectEndingAgreements,
  selectHomeCityIds,
  selectLastActivity,
  selectOrganizationCities,
  selectPublishingCityIds,
  selectUnregisteredAgreements,
} from './reminder.queries.ts';
import type { Reminder, ReminderKind, ReminderList } from './reminder.schema.ts';

type Db = Kysely<Database>;

/** Today's date in UTC, `YYYY-MM-DD`: the default first day of a reminder window. */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Who the reminders are for: a principal whose read scope filters them, or the shell (everything). */
export type ReminderReader = Principal | 'everything';

export interface ReminderRequest {
  /** The cities to remind about (their partners, agreements and plans). */
  cityIds: number[];
  /** The window's first day, `YYYY-MM-DD`. */
  from: string;
  /** The window's length for dated occasions. */
  days: number;
  /** Only these kinds (all when omitted). */
  kinds?: ReminderKind[];
}

/** The cities a principal may read reminders of when none is named: administrators the home cities. */
export async function readableCityIds(db: Db, reader: ReminderReader): Promise<number[]> {
  if (reader === 'everything' || isAdministrator(reader)) return selectHomeCityIds(db);
  if (reader.kind === 'public') return [];
  const cityIds = new Set<number>();
  const organizationIds: number[] = [];
  for (const grant of reader.roles) {
    if (grant.role === 'city_editor' || grant.role === 'city_viewer') cityIds.add(grant.cityId);
    if (grant.role === 'org_editor') organizationIds.push(grant.organizationId);
  }
  for (const cityId of (await selectOrganizationCities(db, organizationIds)).values()) cityIds.add(cityId);
  return [...cityIds].sort((a, b) => a - b);
}

/** Every reminder for the cities in the window that the reader may read, overdue first, then by date. */
export async function listReminders(
  db: Db,
  reader: ReminderReader,
  request: ReminderRequest,
): Promise<ReminderList> {
  const window = windowOf(request.from, request.days);
  const wanted = (kind: ReminderKind) => request.kinds === undefined || request.kinds.includes(kind);
  const found: Array<{ reminder: Reminder; scope: Scope }> = [];

  const partnerKinds: ReminderKind[] = [
    'city_day',
    'jubilee',
    'twinning_anniversary',
    'partnership_quiet',
    'head_birthday',
    'head_took_office',
  ];
  if (partnerKinds.some(wanted)) {
    await loadCityCases();
    const partners = partnerRows(await selectActiveTwinnings(db, request.cityIds), request.cityIds);
    const lastActivity = wanted('partnership_quiet')
      ? await selectLastActivity(db, [...new Set(partners.map((row) => row.twinningId))], request.from)
      : new Map<number, string | null>();
    const heads = new Map<number, CityHeadRow[]>();
    if (wanted('head_birthday') || wanted('head_took_office')) {
      const partnerIds = [...new Set(partners.map((row) => row.partnerId))];
      for (const head of await selectCityHeads(db, partnerIds, window.from)) {
        heads.set(head.cityId, [...(heads.get(head.cityId) ?? []), head]);
      }
    }
    for (const row of partners) {
      const scope = { cityIds: [row.cityId, row.partnerId], organizationIds: [] };
      const reminders = [
        ...(wanted('city_day') ? cityDayReminders(row, window) : []),
        ...(wanted('jubilee') ? jubileeReminders(row, window) : []),
        ...(wanted('twinning_anniversary') ? twinningAnniversaryReminders(row, window) : []),
      ];
      const quiet = wanted('partnership_quiet')
        ? quietPartnershipReminder(row, lastActivity.get(row.twinningId) ?? null, request.from)
        : undefined;
      if (quiet) reminders.push(quiet);
      for (const head of heads.get(row.partnerId) ?? []) {
        if (wanted('head_birthday')) reminders.push(...headBirthdayReminders(row, head, window));
        const tookOffice = wanted('head_took_office') ? headTookOfficeReminder(row, head, window) : undefined;
        if (tookOffice) reminders.push(tookOffice);
      }
      for (const reminder of reminders) found.push({ reminder, scope });
    }
  }

  const agreements = wanted('agreement_ending')
    ? await selectEndingAgreements(db, request.cityIds, noticeHorizon(request.from, AGREEMENT_NOTICE_DAYS))
    : [];
  const planItems = wanted('plan_item_due')
    ? await selectDuePlanItems(db, request.cityIds, noticeHorizon(request.from, PLAN_ITEM_NOTICE_DAYS))
    : [];
  const agreementScopes = await selectAgreementScopes(db, [
    ...agreements.map((row) => row.id),
    ...planItems.map((row) => row.agreementId),
  ]);
  const responsibleCities = await selectOrganizationCities(
    db,
    planItems.flatMap((row) =>
      row.responsibleOrganizationId === null ? [] : [row.responsibleOrganizationId],
    ),
  );
  for (const row of agreements) {
    const reminder = agreementReminder(row, request.from);
    const scope = agreementScopes.get(row.id) ?? { cityIds: [], organizationIds: [] };
    if (reminder) found.push({ reminder, scope });
  }
  for (const row of planItems) {
    const reminder = planItemReminder(row, request.from);
    const parties = agreementScopes.get(row.agreementId) ?? { cityIds: [], organizationIds: [] };
    const responsible = row.responsibleOrganizationId;
    const scope =
      responsible === null
        ? parties
        : {
            cityIds: [
              ...parties.cityIds,
              ...(responsibleCities.has(responsible) ? [responsibleCities.get(responsible) as number] : []),
            ],
            organizationIds: [...parties.organizationIds, responsible],
          };
    if (reminder) found.push({ reminder, scope });
  }

  if (wanted('registration_due') || wanted('annual_list_due')) {
    const settings = await readLegalSettings(db);
    if (wanted('registration_due')) {
      const unregistered = await selectUnregisteredAgreements(db, request.cityIds);
      const scopes = await selectAgreementScopes(
        db,
        unregistered.map((row) => row.id),
      );
      for (const row of unregistered) {
        found.push({
          reminder: registrationReminder(row, settings.registrationWorkingDays, request.from),
          scope: scopes.get(row.id) ?? { cityIds: [], organizationIds: [] },
        });
      }
    }
    if (wanted('annual_list_due')) {
      // The list is the office's own report to its region: for the home cities among those asked about.
      const homes = new Set(await selectHomeCityIds(db));
      for (const cityId of request.cityIds.filter((id) => homes.has(id))) {
        for (const reminder of annualListReminders(cityId, settings.annualListDue, window)) {
          found.push({ reminder, scope: { cityIds: [cityId], organizationIds: [] } });
        }
      }
    }
  }

  const publishing = reader === 'everything' ? new Set<number>() : await selectPublishingCityIds(db);
  const items = found
    .filter(({ scope }) => {
      if (reader === 'everything') return true;
      return can(reader, 'read', { ...scope, published: scope.cityIds.some((id) => publishing.has(id)) });
    })
    .map(({ reminder }) => reminder)
    .sort(compareReminders);
  return { from: window.from, to: window.to, items };
}

/** Each twinning once for each of its sides among the asked-about cities. */
function partnerRows(
  twinnings: Awaited<ReturnType<typeof selectActiveTwinnings>>,
  cityIds: number[],
): PartnerRow[] {
  const rows: PartnerRow[] = [];
  for (const twinning of twinnings) {
    for (const [cityId, partnerId] of [
      [twinning.cityAId, twinning.cityBId],
      [twinning.cityBId, twinning.cityAId],
    ] as const) {
      if (!cityIds.includes(cityId)) continue;
      const partner = twinning.cities[partnerId];
      if (!partner) continue;
      rows.push({
        twinningId: twinning.id,
        tier: twinning.tier,
        cityId,
        partnerId,
        partnerName: partner.name,
        partnerNames: { ru: partner.nameRu, be: partner.nameBe, en: partner.nameEn },
        partnerForms: cityNameForms(partner.name),
        foundedYear: partner.foundedYear,
        cityDay: partner.cityDay,
        establishedOn: twinning.establishedOn,
        establishedYear: twinning.establishedYear,
      });
    }
  }
  return rows;
}
