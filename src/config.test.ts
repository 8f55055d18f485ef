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
