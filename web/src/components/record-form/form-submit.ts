import type { UseFormReturnType } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { applyFieldErrors, errorMessage } from '../errors.ts';

/**
 * Submitting a form to the API: the API's field problems land on the fields, any other problem in
 * one message above the form; the values typed stay as they are.
 */
export function useFormSubmit<V>(form: UseFormReturnType<V>, fields: string[]) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setProblem(null);
    try {
      await action();
    } catch (error) {
      const rest = applyFieldErrors(form, error, t, i18n.language, fields);
      if (!(error instanceof ApiError) || error.issues.length === 0 || rest.length > 0)
        setProblem(errorMessage(t, error));
    } finally {
      setBusy(false);
    }
  };
  return { busy, problem, run };
}

/** The fields whose values differ from those loaded (what a PATCH sends). */
export function changedFields<V extends Record<string, unknown>>(loaded: V, current: V): Partial<V> {
  const changed: Partial<V> = {};
  for (const key of Object.keys(current) as (keyof V)[]) {
    if (JSON.stringify(loaded[key]) !== JSON.stringify(current[key])) changed[key] = current[key];
  }
  return changed;
}

/** An empty text field as null, as the API stores it. */
export function orNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}
