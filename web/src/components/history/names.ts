import { useEffect, useState } from 'react';
import { api, type Page } from '../../api/client.ts';
import { cityLabel, type CityOption } from '../Pickers.tsx';

/** An account as GET /api/users lists it. */
export interface UserSummary {
  id: number;
  email: string;
  displayName: string;
}

/** The kinds of record whose names a diff or a role shows by id. */
export type NamedKind = 'city' | 'organization' | 'person' | 'document';

const ROUTE: Record<NamedKind, string> = {
  city: '/cities',
  organization: '/organizations',
  person: '/persons',
  document: '/documents',
};

/**
 * Names of records by id, fetched once per page load and shared by every component that shows
 * them (a role «Редактор: Барановичи», a diff's «Город: Кутно»). A missing or unreadable record
 * resolves to null and the caller shows its number.
 */
const cache = new Map<string, Promise<unknown>>();

function fetchRecord(kind: NamedKind, id: number): Promise<unknown> {
  const key = `${kind}:${id}`;
  let found = cache.get(key);
  if (!found) {
    found = api.get<unknown>(`${ROUTE[kind]}/${id}`).catch(() => null);
    cache.set(key, found);
  }
  return found;
}

/** The record's name in the interface language. */
export function nameOfRecord(kind: NamedKind, record: unknown, language: string): string | null {
  if (!record || typeof record !== 'object') return null;
  const value = record as Record<string, unknown>;
  if (kind === 'city') return cityLabel(value as unknown as CityOption, language);
  if (kind === 'person') {
    const parts = [value.lastName, value.firstName, value.patronymic].filter(
      (part): part is string => typeof part === 'string' && part !== '',
    );
    if (parts.length > 0) return parts.join(' ');
    return typeof value.fullName === 'string' ? value.fullName : null;
  }
  if (typeof value.name === 'string') return value.name;
  // A document is answered with its draft: { document, draft }.
  if (kind === 'document' && value.document && typeof value.document === 'object')
    return nameOfRecord(kind, value.document, language);
  return typeof value.title === 'string' ? value.title : null;
}

/** The name of one record (null while loading or when it cannot be read). */
export function useRecordName(
  kind: NamedKind,
  id: number | null | undefined,
  language: string,
): string | null {
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    if (id === null || id === undefined) return;
    let live = true;
    void fetchRecord(kind, id).then((record) => {
      if (live) setName(nameOfRecord(kind, record, language));
    });
    return () => {
      live = false;
    };
  }, [kind, id, language]);
  return name;
}

let usersPromise: Promise<Map<number, UserSummary>> | null = null;

/**
 * Every account by id, for administrators (GET /api/users is theirs only): the audit trail and the
 * history name who made each change. Others get an empty map and see «Пользователь № 5».
 */
export function useUserNames(enabled: boolean): Map<number, UserSummary> {
  const [users, setUsers] = useState<Map<number, UserSummary>>(new Map());
  useEffect(() => {
    if (!enabled) return;
    usersPromise ??= loadAllUsers().catch(() => {
      usersPromise = null;
      return new Map<number, UserSummary>();
    });
    let live = true;
    void usersPromise.then((map) => {
      if (live) setUsers(map);
    });
    return () => {
      live = false;
    };
  }, [enabled]);
  return users;
}

/** Forgets the loaded accounts (after creating one), so the next page shows the new name. */
export function forgetUserNames(): void {
  usersPromise = null;
}

async function loadAllUsers(): Promise<Map<number, UserSummary>> {
  const map = new Map<number, UserSummary>();
  let cursor: string | null = null;
  // Ten pages of 500: an installation's staff, with room to spare; the rest show by number.
  for (let page = 0; page < 10; page += 1) {
    const answer: Page<UserSummary> = await api.get<Page<UserSummary>>('/users', {
      limit: 500,
      ...(cursor ? { cursor } : {}),
    });
    for (const user of answer.items) map.set(user.id, user);
    cursor = answer.nextCursor;
    if (!cursor) break;
  }
  return map;
}

/** The names of several records of one kind, by id (a record not yet loaded is absent). */
export function useRecordNames(kind: NamedKind, ids: number[], language: string): Map<number, string> {
  const [names, setNames] = useState<Map<number, string>>(new Map());
  const key = ids.join(',');
  useEffect(() => {
    let live = true;
    void Promise.all(ids.map((id) => fetchRecord(kind, id).then((record) => [id, record] as const))).then(
      (records) => {
        if (!live) return;
        const map = new Map<number, string>();
        for (const [id, record] of records) {
          const name = nameOfRecord(kind, record, language);
          if (name) map.set(id, name);
        }
        setNames(map);
      },
    );
    return () => {
      live = false;
    };
    // `key` stands for the ids (the array may be new on every render).
  }, [kind, key, language]);
  return names;
}

/** Reads one record through the shared cache (a city's organization for its report, say). */
export function loadRecord<T>(kind: NamedKind, id: number): Promise<T | null> {
  return fetchRecord(kind, id) as Promise<T | null>;
}
