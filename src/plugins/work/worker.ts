/**
 * A worker thread of the server's pool (./work-pool.ts), as piscina runs it: tells the pool when a
 * job starts (its time limit counts from then, not from its wait in the queue), then runs it.
 * Built as dist/work-worker.mjs for the compiled server; ./worker.dev.mjs loads it through tsx.
 */
import type { MessagePort } from 'node:worker_threads';
import { workerData } from 'piscina';
import { runJob, type Job } from './jobs.ts';

/** What the pool posts for one job: the job and the port to say «started» on. */
export interface JobMessage {
  job: Job;
  started: MessagePort;
}

// A listening server's threads load the extractor's dictionaries and gazetteer as they start, so
// the first preview does not wait for them; the tests' threads load them on their first extraction.
if ((workerData as { warm?: boolean } | undefined)?.warm) {
  runJob({ kind: 'warm-up' }).catch((error: unknown) => console.error('pobratim: warming up failed', error));
}

export default async function work({ job, started }: JobMessage): Promise<unknown> {
  started.postMessage('started');
  started.close();
  return runJob(job);
}
