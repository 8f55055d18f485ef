import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { readConfig } from './config.ts';

describe('the limits on attached files from the environment', () => {
  it('are 20 MB a file and 2 GB in all unless set, and the set values otherwise, in bytes', () => {
    expect(readConfig({}).fileLimits).toEqual({
      fileMaxBytes: 20 * 1024 * 1024,
      totalMaxBytes: 2048 * 1024 * 1024,
    });
    expect(readConfig({ FILE_MAX_MB: '5', FILES_TOTAL_MAX_MB: '0.5' }).fileLimits).toEqual({
      fileMaxBytes: 5 * 1024 * 1024,
      totalMaxBytes: 512 * 1024,
    });
  });

  it('refuses a value that is not a positive number, naming the variable', () => {
    expect(() => readConfig({ FILE_MAX_MB: 'twenty' })).toThrow(/FILE_MAX_MB/);
    expect(() => readConfig({ FILES_TOTAL_MAX_MB: '-1' })).toThrow(/FILES_TOTAL_MAX_MB/);
  });
});

describe('the worker pool from the environment', () => {
  it('has a thread per core, eight waiting jobs a thread and two minutes a job unless set', () => {
    const threads = availableParallelism();
    expect(readConfig({}).workers).toEqual({ threads, queue: 8 * threads, timeLimitMs: 120_000 });
    expect(
      readConfig({ WORKER_THREADS: '3', WORKER_QUEUE: '0', WORKER_TIME_LIMIT_SECONDS: '0.5' }).workers,
    ).toEqual({ threads: 3, queue: 0, timeLimitMs: 500 });
    // No threads: the work runs inline, and the queue's default does not drop to nothing.
    expect(readConfig({ WORKER_THREADS: '0' }).workers).toEqual({
      threads: 0,
      queue: 8,
      timeLimitMs: 120_000,
    });
  });

  it('refuses a count that is not a whole number, naming the variable', () => {
    expect(() => readConfig({ WORKER_THREADS: '1.5' })).toThrow(/WORKER_THREADS/);
    expect(() => readConfig({ WORKER_QUEUE: '-1' })).toThrow(/WORKER_QUEUE/);
    expect(() => readConfig({ WORKER_TIME_LIMIT_SECONDS: '0' })).toThrow(/WORKER_TIME_LIMIT_SECONDS/);
  });
});
