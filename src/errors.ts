/** Every error the application reports to its users, each with a stable code and an HTTP status. */
export const ERROR_CODES = {
  validation_failed: { status: 400, reported: false },
  unauthenticated: { status: 401, reported: false },
  forbidden: { status: 403, reported: false },
  not_found: { status: 404, reported: false },
  conflict: { status: 409, reported: false },
  stale_version: { status: 409, reported: false },
  payload_too_large: { status: 413, reported: false },
  // An attached file refused (issue 16 §1), each for its own reason so the interface can say which.
  file_empty: { status: 400, reported: false },
  file_too_large: { status: 413, reported: false },
  file_kind_mismatch: { status: 400, reported: false },
  file_kind_not_allowed: { status: 400, reported: false },
  files_storage_full: { status: 507, reported: false },
  // Mail (issue 16 §5): the SMTP server refused or could not be reached; the message says which.
  mail_failed: { status: 502, reported: false },
  rate_limited: { status: 429, reported: false },
  data_dir_locked: { status: 503, reported: true },
  not_ready: { status: 503, reported: false },
  // The worker pool (src/plugins/work): its queue full, a job past its time limit, a client gone.
  busy: { status: 503, reported: false },
  job_timed_out: { status: 503, reported: true },
  cancelled: { status: 499, reported: false },
  internal: { status: 500, reported: true },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** One problem with one field of the input, addressed by its path («visits.0.end»). */
export interface FieldProblem {
  path: string;
  message: string;
}

/**
 * The numbers some errors carry beside their message, typed per code, so that a client need not
 * read them out of the English text: how long to wait before trying again, the version a record
 * has now.
 */
export interface ErrorFacts {
  /** `rate_limited`, `not_ready`, `busy`: seconds to wait (also sent as the Retry-After header). */
  retryAfterSeconds?: number;
  /** `stale_version`: the record's version now, to reload and merge against. */
  currentVersion?: number;
}

/** An error meant for the user: its message is shown as is; `details` lists field problems. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: FieldProblem[] | undefined;
  readonly facts: ErrorFacts;
  constructor(code: ErrorCode, message: string, details?: FieldProblem[], facts: ErrorFacts = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.details = details;
    this.facts = facts;
  }
}

export const validationFailed = (message: string, details?: FieldProblem[]) =>
  new AppError('validation_failed', message, details);
export const unauthenticated = (message = 'Sign in to continue.') => new AppError('unauthenticated', message);
export const forbidden = (message = 'You do not have permission for this.') =>
  new AppError('forbidden', message);
export const notFound = (what: string, id: number | string) =>
  new AppError('not_found', `${what} ${id} does not exist.`);
export const conflict = (message: string) => new AppError('conflict', message);
export const staleVersion = (what: string, id: number, current: number) =>
  new AppError(
    'stale_version',
    `${what} ${id} was changed by someone else (now version ${current}); reload and merge.`,
    undefined,
    { currentVersion: current },
  );
/** Too many attempts: try again in `seconds` (when known). */
export const rateLimited = (message: string, seconds?: number) =>
  new AppError(
    'rate_limited',
    message,
    undefined,
    seconds === undefined ? {} : { retryAfterSeconds: seconds },
  );
export const payloadTooLarge = (limit: string) =>
  new AppError('payload_too_large', `The request body is over ${limit}.`);
