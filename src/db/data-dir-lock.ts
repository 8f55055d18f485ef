import fs from 'node:fs';
import path from 'node:path';

/** Who holds the data directory, as written in its lock file. */
export interface LockOwner {
  pid: number;
  purpose: string;
  startedAt: string;
}

/** Raised when another live process holds the embedded database's data directory. */
export class DataDirLockedError extends Error {
  readonly owner: LockOwner;
  constructor(dataDir: string, owner: LockOwner) {
    super(
      `The data directory ${dataDir} is in use by process ${owner.pid} (${owner.purpose}, since ${owner.startedAt}). ` +
        'The embedded database allows one process at a time: stop that process and run the command again, ' +
        'or do this through the running server (its web application or API), ' +
        'or set DATABASE_URL to use a PostgreSQL server that many processes can share.',
    );
    this.name = 'DataDirLockedError';
    this.owner = owner;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the single-process lock of a PGlite data directory and returns its release function.
 * Written by hand rather than with an mtime-refreshing lock library: PGlite runs long synchronous
 * WebAssembly work on the main thread (the gazetteer load), during which timer-refreshed locks go
 * stale; a PID check is exact for a directory on the local machine, which PGlite requires anyway.
 */
export function lockDataDir(dataDir: string, purpose: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, 'pobratim.lock');
  const owner: LockOwner = { pid: process.pid, purpose, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockPath, JSON.stringify(owner), { flag: 'wx' });
      return () => {
        try {
          const current = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockOwner;
          if (current.pid === process.pid) fs.unlinkSync(lockPath);
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readOwner(lockPath);
    if (holder && holder.pid !== process.pid && isAlive(holder.pid))
      throw new DataDirLockedError(dataDir, holder);
    if (holder && holder.pid === process.pid) {
      throw new DataDirLockedError(dataDir, { ...holder, purpose: `${holder.purpose}, this same process` });
    }
    // The holder died without releasing: the lock is stale.
    fs.rmSync(lockPath, { force: true });
  }
  throw new Error(`Could not take the lock ${lockPath}: it keeps reappearing.`);
}

function readOwner(lockPath: string): LockOwner | undefined {
  try {
    return JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockOwner;
  } catch {
    return undefined;
  }
}
