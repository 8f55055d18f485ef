/** The shapes of the event routes the pages read (src/modules/events/event.schema.ts). */
export const EVENT_KINDS = [
  'city_day',
  'anniversary',
  'festival',
  'forum',
  'concert',
  'exhibition',
  'competition',
  'conference',
  'other',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export interface EventParticipant {
  id: number;
  cityId: number | null;
  organizationId: number | null;
  personId: number | null;
  role: string | null;
}

export interface EventRecord {
  id: number;
  version: number;
  updatedAt: string;
  name: string;
  kind: EventKind;
  cityId: number;
  startDate: string | null;
  endDate: string | null;
  visitId: number | null;
  description: string | null;
  participants: EventParticipant[];
}

/** What the event form holds while the user types. */
export interface EventFormValues {
  name: string;
  kind: EventKind;
  cityId: number | null;
  startDate: string | null;
  endDate: string | null;
  visitId: number | null;
  description: string;
}

export const EVENT_FORM_FIELDS = ['name', 'kind', 'cityId', 'startDate', 'endDate', 'visitId', 'description'];

export function eventToForm(event: EventRecord): EventFormValues {
  return {
    name: event.name,
    kind: event.kind,
    cityId: event.cityId,
    startDate: event.startDate,
    endDate: event.endDate,
    visitId: event.visitId,
    description: event.description ?? '',
  };
}

/** The request body: blank text as null. */
export function eventFormToBody(values: EventFormValues): Record<string, unknown> {
  return {
    name: values.name.trim(),
    kind: values.kind,
    cityId: values.cityId,
    startDate: values.startDate,
    endDate: values.endDate,
    visitId: values.visitId,
    description: values.description.trim() === '' ? null : values.description.trim(),
  };
}

/** The checks the API makes, shown as the user types. */
export function validateEventForm(values: EventFormValues, t: (key: string) => string) {
  return {
    name: values.name.trim() === '' ? t('validation.required') : null,
    cityId: values.cityId === null ? t('validation.required') : null,
    endDate:
      values.endDate !== null && (values.startDate === null || values.endDate < values.startDate)
        ? t('validation.dateOrder')
        : null,
  };
}
