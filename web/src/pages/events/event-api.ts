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

/** Who takes part, as the form holds them: a city, an organization or a person, and their role. */
export interface ParticipantValue {
  type: 'city' | 'organization' | 'person';
  id: number | null;
  role: string;
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
  participants: ParticipantValue[];
}

export const EVENT_FORM_FIELDS = [
  'name',
  'kind',
  'cityId',
  'startDate',
  'endDate',
  'visitId',
  'description',
  'participants',
];

function participantToForm(participant: EventParticipant): ParticipantValue {
  const role = participant.role ?? '';
  if (participant.organizationId !== null)
    return { type: 'organization', id: participant.organizationId, role };
  if (participant.personId !== null) return { type: 'person', id: participant.personId, role };
  return { type: 'city', id: participant.cityId, role };
}

export function eventToForm(event: EventRecord): EventFormValues {
  return {
    name: event.name,
    kind: event.kind,
    cityId: event.cityId,
    startDate: event.startDate,
    endDate: event.endDate,
    visitId: event.visitId,
    description: event.description ?? '',
    participants: event.participants.map(participantToForm),
  };
}

/** The request body: blank text as null, participants not yet chosen left out. */
export function eventFormToBody(values: EventFormValues): Record<string, unknown> {
  return {
    name: values.name.trim(),
    kind: values.kind,
    cityId: values.cityId,
    startDate: values.startDate,
    endDate: values.endDate,
    visitId: values.visitId,
    description: values.description.trim() === '' ? null : values.description.trim(),
    participants: values.participants
      .filter((participant) => participant.id !== null)
      .map((participant) => ({
        cityId: participant.type === 'city' ? participant.id : null,
        organizationId: participant.type === 'organization' ? participant.id : null,
        personId: participant.type === 'person' ? participant.id : null,
        role: participant.role.trim() === '' ? null : participant.role.trim(),
      })),
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
