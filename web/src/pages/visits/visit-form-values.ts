import type { Visit, VisitKind, VisitStatus } from './visit-api.ts';

/** What the visit form holds while the user types (empty text, not null, in text fields). */
export interface VisitFormValues {
  fromCityId: number | null;
  toCityId: number | null;
  startDate: string | null;
  endDate: string | null;
  kind: VisitKind | null;
  status: VisitStatus;
  headPersonId: number | null;
  headPosition: string;
  purpose: string;
  outcomes: string;
  members: { personId: number | null; role: string }[];
}

/** The fields the API may report problems on, as the form names them. */
export const VISIT_FORM_FIELDS = [
  'fromCityId',
  'toCityId',
  'startDate',
  'endDate',
  'kind',
  'status',
  'headPersonId',
  'headPosition',
  'purpose',
  'outcomes',
  'members',
];

/** An empty form; a city editor's visits start from their city. */
export function emptyVisitForm(fromCityId: number | null): VisitFormValues {
  return {
    fromCityId,
    toCityId: null,
    startDate: null,
    endDate: null,
    kind: null,
    status: 'planned',
    headPersonId: null,
    headPosition: '',
    purpose: '',
    outcomes: '',
    members: [],
  };
}

/** The form of a stored visit. */
export function visitToForm(visit: Visit): VisitFormValues {
  return {
    fromCityId: visit.fromCityId,
    toCityId: visit.toCityId,
    startDate: visit.startDate,
    endDate: visit.endDate,
    kind: visit.kind,
    status: visit.status,
    headPersonId: visit.headPersonId,
    headPosition: visit.headPosition ?? '',
    purpose: visit.purpose ?? '',
    outcomes: visit.outcomes ?? '',
    members: visit.members.map((member) => ({ personId: member.personId, role: member.role ?? '' })),
  };
}

const text = (value: string) => (value.trim() === '' ? null : value.trim());

/** The request body of the form: blank text as null, unfinished delegation rows left out. */
export function formToBody(values: VisitFormValues): Record<string, unknown> {
  return {
    fromCityId: values.fromCityId,
    toCityId: values.toCityId,
    startDate: values.startDate,
    endDate: values.endDate,
    kind: values.kind,
    status: values.status,
    headPersonId: values.headPersonId,
    headPosition: text(values.headPosition),
    purpose: text(values.purpose),
    outcomes: text(values.outcomes),
    members: values.members
      .filter((member) => member.personId !== null)
      .map((member) => ({ personId: member.personId, role: text(member.role) })),
  };
}

/** The checks the API makes, shown as the user types. */
export function validateVisitForm(values: VisitFormValues, t: (key: string) => string) {
  return {
    fromCityId: values.fromCityId === null ? t('validation.required') : null,
    toCityId:
      values.toCityId === null
        ? t('validation.required')
        : values.toCityId === values.fromCityId
          ? t('visits:form.sameCity')
          : null,
    startDate: values.startDate === null ? t('validation.required') : null,
    endDate:
      values.endDate === null
        ? t('validation.required')
        : values.startDate !== null && values.endDate < values.startDate
          ? t('validation.dateOrder')
          : null,
  };
}
