/**
 * The server's pool of worker threads for heavy work (./jobs.ts: extracting press releases, writing
 * report files), so that a 1 MB import or a 50-page report does not stop the process answering
 * everyone else. piscina runs the threads and the queue; this adds what the API promises around it:
 *
 * - a queue limit: a job that finds every thread busy and the queue full is refused at once with
 *   503 `busy` and a Retry-After computed from how long recent jobs took (counted here: piscina's
 *   own `maxQueue` does not count jobs that carry an abort signal, as every job here does);
 * - a time limit per job, counted from the moment a thread starts it: past it the thread is
 *   stopped (piscina terminates it and starts a fresh one) and the request answers 503
 *   `job_timed_out`;
 * - a job whose client went away (the import page cancels a stale preview) leaves the queue, or
 *   stops its thread if it had started.
 *
 * With `threads: 0` (WORKER_THREADS=0) every job runs inline on the request thread, as before the
 * pool: the benchmark's baseline, and a fallback. Threads start on the first job, or all at once,
 * each loading the extractor, when the server listens (`start`).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { defaultWorkerLimits, type WorkerLimits } from '../../config.ts';
import { AppError } from '../../errors.ts';
import { runJob, type Job, type JobKind, type JobResults } from './jobs.ts';

/**
 * How large the pool is (WORKER_THREADS, WORKER_QUEUE, WORKER_TIME_LIMIT_SECONDS): threads (0 runs
 * every job inline on the request thread), jobs that may wait for one (the next is refused with
 * 503 and Retry-After), and how long one job may run once started (ms).
 */
export type WorkPoolOptions = WorkerLimits;

/** A thread per core the process may use, eight waiting jobs per thread, two minutes a job. */
export const defaultWorkPoolOptions = (): WorkPoolOptions => defaultWorkerLimits();

/** What the pool is doing, for /metrics. */
export interface WorkPoolUse {
  threads: number;
  running: number;
  queued: number;
  completed: number;
}

// Defined (true) by scripts/build-server.mjs in the compiled build; undefined under tsx and vitest.
declare const POBRATIM_BUNDLE: boolean | undefined;

/**
 * The worker's entry: dist/work-worker.mjs beside the compiled server's chunks, or the sources
 * through tsx. (`import.meta.dirname` is the chunk's own folder in the build: the build rewrites
 * only `import.meta.url` into the source's location.)
 */
function workerFile(): string {
  if (typeof POBRATIM_BUNDLE !== 'undefined') return path.join(import.meta.dirname, 'work-worker.mjs');
  return fileURLToPath(new URL('./worker.dev.mjs', import.meta.url));
}

/** The reason a job's controller is aborted with when it runs past its time limit. */
class TimeLimitExceeded extends Error {}

const JOB_NAMES: Record<JobKind, string> = {
  extract: 'Extracting the text',
  'annual-report': 'Writing the annual report',
  sheet: 'Writing the export',
  'press-release-docx': 'Writing the press release',
  calendar: 'Writing the calendar feed',
  'warm-up': 'Loading the extractor',
};

/** Bytes from a thread come as a Uint8Array; the routes send Buffers. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export class WorkPool {
  private piscina: Piscina | undefined;
  private running = 0;
  /** Jobs taken and not yet settled: running, or waiting for a thread. */
  private taken = 0;
  /** Run times of the latest jobs (ms), for the Retry-After of a refusal. */
  private readonly recent: number[] = [];
  private closed = false;

  constructor(readonly options: WorkPoolOptions = defaultWorkPoolOptions()) {
    if (!Number.isInteger(options.threads) || options.threads < 0)
      throw new Error(`WorkPool: threads must be a whole number ≥ 0, not ${options.threads}`);
  }

  /**
   * Starts every thread now, each loading the extractor's dictionaries (a listening server); with
   * no threads, loads them in this thread, as the server did before the pool.
   */
  start(): void {
    if (this.closed) return;
    if (this.options.threads > 0) this.threads(true);
    else
      runJob({ kind: 'warm-up' }).catch((error: unknown) =>
        console.error('pobratim: warming up failed', error),
      );
  }

  private threads(warm = false): Piscina {
    this.piscina ??= new Piscina({
      filename: workerFile(),
      minThreads: warm ? this.options.threads : 1,
      maxThreads: this.options.threads,
      // A thread that has loaded the gazetteer is worth keeping; the minimum stay anyway.
      idleTimeout: 10 * 60_000,
      workerData: { warm },
    });
    return this.piscina;
  }

  /** Extracts a press release's facts. */
  extract(text: string, options: { date?: string; homeCity?: string }, signal?: AbortSignal) {
    return this.run({ kind: 'extract', text, date: options.date, homeCity: options.homeCity }, signal);
  }

  /** A file job's bytes as a Buffer. */
  async file(
    job: Extract<Job, { kind: 'annual-report' | 'sheet' | 'press-release-docx' }>,
    signal?: AbortSignal,
  ): Promise<Buffer> {
    return asBuffer(await this.run(job, signal));
  }

  /**
   * Runs a job on a thread (or inline with no threads); `signal` (the client gone) withdraws it.
   * Refused with 503 `busy` when the queue is full, 503 `job_timed_out` past the time limit.
   */
  async run<K extends JobKind>(job: Extract<Job, { kind: K }>, signal?: AbortSignal): Promise<JobResults[K]> {
    if (this.closed)
      throw new AppError('not_ready', 'The server is stopping.', undefined, { retryAfterSeconds: 5 });
    if (this.options.threads === 0) return runJob(job);
    if (this.taken >= this.options.threads + this.options.queue) {
      const seconds = this.retryAfterSeconds();
      throw new AppError(
        'busy',
        `The server is busy: ${this.options.queue} jobs are waiting for its ${this.options.threads} threads; try again in ${seconds} s.`,
        undefined,
        { retryAfterSeconds: seconds },
      );
    }
    const pool = this.threads();
    this.taken += 1;
    const controller = new AbortController();
    const { port1, port2 } = new MessageChannel();
    let timer: NodeJS.Timeout | undefined;
    let startedAt: number | undefined;
    port1.once('message', () => {
      startedAt = performance.now();
      this.running += 1;
      timer = setTimeout(() => controller.abort(new TimeLimitExceeded()), this.options.timeLimitMs);
      port1.close();
    });
    const onClientGone = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onClientGone, { once: true });
    try {
      return (await pool.run(
        { job, started: port2 },
        { transferList: [port2], signal: controller.signal },
      )) as JobResults[K];
    } catch (error) {
      throw this.explain(job.kind, error, controller.signal);
    } finally {
      this.taken -= 1;
      clearTimeout(timer);
      port1.close();
      signal?.removeEventListener('abort', onClientGone);
      if (startedAt !== undefined) {
        this.running -= 1;
        this.recent.push(performance.now() - startedAt);
        if (this.recent.length > 20) this.recent.shift();
      }
    }
  }

  /** The error a failed job answers with. */
  private explain(kind: JobKind, error: unknown, signal: AbortSignal): unknown {
    if (signal.aborted && signal.reason instanceof TimeLimitExceeded) {
      const seconds = Math.round(this.options.timeLimitMs / 100) / 10;
      return new AppError(
        'job_timed_out',
        `${JOB_NAMES[kind]} took longer than the ${seconds} s one job may run (WORKER_TIME_LIMIT_SECONDS) and was stopped.` +
          (kind === 'extract' ? ' Import a shorter text, or split it.' : ''),
      );
    }
    if (signal.aborted) {
      return new AppError('cancelled', `${JOB_NAMES[kind]} was cancelled: the client went away.`);
    }
    return error;
  }

  /** About how long until a place in the queue frees: the queue's turn at the recent run times. */
  private retryAfterSeconds(): number {
    const average = this.recent.length ? this.recent.reduce((a, b) => a + b, 0) / this.recent.length : 1000;
    const turns = (this.options.queue + this.options.threads) / Math.max(1, this.options.threads);
    return Math.min(300, Math.max(1, Math.ceil((average * turns) / 1000)));
  }

  use(): WorkPoolUse {
    return {
      threads: this.piscina?.threads.length ?? 0,
      running: this.running,
      queued: this.taken - this.running,
      completed: this.piscina?.completed ?? 0,
    };
  }

  /** Waits for the running and queued jobs, then stops the threads. */
  async close(): Promise<void> {
    this.closed = true;
    const pool = this.piscina;
    this.piscina = undefined;
    await pool?.close();
  }
}

/**
 * A signal that aborts when the client of a request goes away before its answer was sent: the
 * response's socket closes unfinished.
 */
export function clientGone(response: import('node:http').ServerResponse): AbortSignal {
  const controller = new AbortController();
  response.once('close', () => {
    if (!response.writableFinished) controller.abort(new Error('the client closed the connection'));
  });
  return controller.signal;
}
