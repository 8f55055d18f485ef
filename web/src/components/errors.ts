import type { TFunction } from 'i18next';
import { ApiError, type FieldIssue } from '../api/client.ts';

/**
 * The API writes its messages in English for developers and scripts; the interface shows each
 * error in the user's language by its stable code, and the common field problems by their kind.
 */
export function errorMessage(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('errors.unknown');
  if (error.code === 'rate_limited') {
    const seconds = error.facts.retryAfterSeconds;
    return seconds === undefined ? t('errors.rate_limited') : t('errors.rate_limited_wait', { seconds });
  }
  if (error.code === 'busy') {
    const seconds = error.facts.retryAfterSeconds;
    return seconds === undefined ? t('errors.busy') : t('errors.busy_wait', { seconds });
  }
  const key = `errors.${error.code}`;
  const text = t(key);
  return text === key ? t('errors.unknown') : text;
}

/** One field problem in the user's language (the API's words only in English). */
export function issueMessage(t: TFunction, issue: FieldIssue, language: string): string {
  const text = issue.message;
  const min = /at least (\d+)|>=\s*(\d+)/i.exec(text);
  const max = /at most (\d+)|<=\s*(\d+)/i.exec(text);
  if (/e-?mail/i.test(text)) return t('validation.email');
  // The API's date-order rules («A visit cannot end before it starts.», «An event ends on or after…»).
  if (/end(s)? (on or after|before)|expire before/i.test(text)) return t('validation.dateOrder');
  if (/required|received undefined/i.test(text)) return t('validation.required');
  if (min && /character/i.test(text)) return t('validation.minLength', { count: Number(min[1] ?? min[2]) });
  if (max && /character/i.test(text)) return t('validation.maxLength', { count: Number(max[1] ?? max[2]) });
  return language === 'en' ? text : t('validation.invalid');
}

/** A form that takes errors by field path, as @mantine/form's `setErrors`. */
interface ErrorTarget {
  setErrors(errors: Record<string, string>): void;
}

/**
 * Puts the API's field problems on the form's fields («body.visits.0.end» → «visits.0.end»);
 * returns the problems no field of the form shows, for a general message.
 */
export function applyFieldErrors(
  form: ErrorTarget,
  error: unknown,
  t: TFunction,
  language: string,
  fields?: string[],
): FieldIssue[] {
  if (!(error instanceof ApiError)) return [];
  const errors: Record<string, string> = {};
  const rest: FieldIssue[] = [];
  for (const issue of error.issues) {
    const path = issue.path.replace(/^(body|querystring|params)\./, '');
    if (fields && !fields.some((field) => path === field || path.startsWith(`${field}.`))) {
      rest.push(issue);
      continue;
    }
    errors[path] = issueMessage(t, issue, language);
  }
  form.setErrors(errors);
  return rest;
}
