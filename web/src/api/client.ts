import { useCallback, useEffect, useRef, useState } from 'react';
import type { ErrorFacts } from '../../../src/errors.ts';

/** One problem with one field, as the API reports it («visits.0.end»). */
export interface FieldIssue {
  path: string;
  message: string;
}

/** Every failed request: the API's one error body, or a network failure (status 0, code `network`). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: FieldIssue[];
  /** The numbers the error carries by its code: seconds to wait, a record's version now. */
  readonly facts: ErrorFacts;
  constructor(
    status: number,
    code: string,
    message: string,
    issues: FieldIssue[] = [],
    facts: ErrorFacts = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.issues = issues;
    this.facts = facts;
  }
}

let csrfToken: string | null = null;
/** Remembers the CSRF token of the session (from sign-in or /auth/me); writes repeat it in a header. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called on any 401 from the API, so the application can show the sign-in page. */
let onUnauthenticated: (() => void) | null = null;
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

export type Query = Record<string, string | number | boolean | null | undefined | (string | number)[]>;

/** `/api` + path + the query's defined values; arrays are joined with commas, as the API reads them. */
export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  const search = params.toString();
  return `/api${path}${search ? `?${search}` : ''}`;
}

async function toApiError(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as {
      error?: { code?: string; message?: string; details?: FieldIssue[] } & ErrorFacts;
    };
    if (body.error?.code) {
      const { retryAfterSeconds, currentVersion } = body.error;
      return new ApiError(
        response.status,
        body.error.code,
        body.error.message ?? '',
        body.error.details ?? [],
        {
          ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
          ...(currentVersion === undefined ? {} : { currentVersion }),
        },
      );
    }
  } catch {
    // Not the API's JSON (a proxy's page): fall through to a generic error.
  }
  return new ApiError(response.status, response.status >= 500 ? 'internal' : 'unknown', response.statusText);
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

/** A request to the API: JSON in and out, the session cookie, the CSRF header on writes; throws ApiError. */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const init: RequestInit = { method, credentials: 'same-origin', headers };
  if (options.signal) init.signal = options.signal;
  if (options.body !== undefined) {
    if (options.body instanceof FormData) {
      init.body = options.body;
    } else {
      headers['content-type'] = 'application/json';
      init.body = JSON.stringify(options.body);
    }
  }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), init);
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'network', (error as Error).message);
  }
  if (!response.ok) {
    const error = await toApiError(response);
    if (error.status === 401 && path !== '/auth/session') onUnauthenticated?.();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  return (type.includes('application/json') ? await response.json() : await response.text()) as T;
}

/** The API's verbs. */
export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) =>
    request<T>('GET', path, { ...(query ? { query } : {}), ...(signal ? { signal } : {}) }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  /** DELETE; versioned records take `{ version }` in the query. */
  delete: <T = void>(path: string, query?: Query) => request<T>('DELETE', path, query ? { query } : {}),
};

/** A page of a cursor-paged list, as every list route answers. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface ApiState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  /** Loads again (after a write). */
  reload: () => void;
  /** Replaces the data locally (after a write that answered with the new record). */
  setData: (data: T) => void;
}

/**
 * Loads `GET path?query` and re-loads when they change; `path` null waits (nothing to load yet).
 * A small hand-written hook instead of a data-fetching library: the app needs only load, reload
 * and abort-on-change, and the brief allows no new packages.
 */
export function useApi<T>(path: string | null, query?: Query): ApiState<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [loading, setLoading] = useState(path !== null);
  const [generation, setGeneration] = useState(0);
  const key = path === null ? null : apiUrl(path, query);
  const queryRef = useRef(query);
  queryRef.current = query;

  useEffect(() => {
    if (path === null) {
      setLoading(false);
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    setError(undefined);
    api
      .get<T>(path, queryRef.current, controller.signal)
      .then((result) => {
        setData(result);
        setLoading(false);
      })
      .catch((caught: unknown) => {
        if (controller.signal.aborted) return;
        setError(caught instanceof ApiError ? caught : new ApiError(0, 'network', String(caught)));
        setLoading(false);
      });
    return () => controller.abort();
    // `key` stands for path and query together (the query object may be new on every render).
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { data, error, loading, reload, setData };
}
