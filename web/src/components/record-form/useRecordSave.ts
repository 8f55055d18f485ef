import type { UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import { recordPath, type RecordKind } from '../../app/record-paths.ts';
import { useVersionedSave, type ConflictField } from '../ConflictDialog.tsx';
import { changedFields, useFormSubmit } from './form-submit.ts';

/** How a record's form saves: where, what it sends, and what follows. */
export interface RecordSaveOptions<V, T> {
  form: UseFormReturnType<V>;
  /** The kind of record: its page is where a save and an edit's «Отмена» lead. */
  kind: RecordKind;
  /** The API's collection ('/visits'): POSTed to on create, `<path>/<id>` PATCHed on edit. The list page has the same path. */
  path: string;
  /** The fields the API may report problems on, as the form names them. */
  fields: string[];
  /** The request body of the form's values (blank text as null). */
  toBody: (values: V) => Record<string, unknown>;
  /** The stored record and the values the form loaded from it; null for a new record. */
  editing: { record: T; initial: V } | null;
  /** The fields the conflict dialog compares, on edit. */
  conflictFields?: ConflictField[];
  /** The notice once created («Визит создан»); an edit says «Сохранено». */
  createdMessage?: string;
  /**
   * Whether the form's own checks must pass before the request. Without them the API judges
   * every submission, so its message lands on the field even where the as-you-type checks warned.
   */
  validateFirst?: boolean;
  /** What follows a save (the record's page unless told). */
  onSaved?: (saved: T) => void;
  /** What «Отмена» does (the record's page on edit, the list on create, unless told). */
  onCancel?: () => void;
}

/** What a record form needs from its save: the submit handler, its state and the conflict dialog. */
export interface RecordSave {
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
  onCancel: () => void;
  busy: boolean;
  problem: string | null;
  editing: boolean;
  dialog: ReactNode;
}

/**
 * Creating or updating a record from a form: a new record is POSTed; an edit PATCHes only the
 * fields changed, with its version, opening the conflict dialog on a stale save. The API's field
 * problems land on the fields, any other in one message; a notice and the record's page follow.
 */
export function useRecordSave<V, T extends { id: number; version: number }>(
  options: RecordSaveOptions<V, T>,
): RecordSave {
  const { form, kind, path, fields, toBody, editing, validateFirst = true } = options;
  const { t } = useTranslation();
  const navigate = useNavigate();
  const submit = useFormSubmit(form, fields);
  const saved = (record: T, message: string) => {
    notifications.show({ color: 'green', message });
    if (options.onSaved) options.onSaved(record);
    else void navigate(recordPath(kind, record.id));
  };
  const versioned = useVersionedSave<T>(
    editing ? `${path}/${editing.record.id}` : path,
    options.conflictFields ?? [],
    (record) => saved(record, t('saved')),
  );
  const send = () =>
    void submit.run(async () => {
      const body = toBody(form.getValues());
      if (editing) {
        await versioned.save(changedFields(toBody(editing.initial), body), editing.record.version);
      } else {
        saved(await api.post<T>(path, body), options.createdMessage ?? t('saved'));
      }
    });
  const onSubmit = validateFirst
    ? form.onSubmit(send)
    : (event?: FormEvent<HTMLFormElement>) => {
        event?.preventDefault();
        send();
      };
  const onCancel =
    options.onCancel ?? (() => void navigate(editing ? recordPath(kind, editing.record.id) : path));
  return {
    onSubmit,
    onCancel,
    busy: submit.busy,
    problem: submit.problem,
    editing: editing !== null,
    dialog: versioned.dialog,
  };
}
