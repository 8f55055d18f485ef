/** How bench/startup.bench.ts measures a child process: its CPU time, its wall time, medians. */
import { execFileSync, spawn, spawnSync, type SpawnOptions } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/**
 * CPU seconds (user and system) of every child this process has waited for, grandchildren
 * included (npx → node): Linux's cutime and cstime of /proc/self/stat, in clock ticks.
 */
function childrenCpu(): number {
  // Fields 16 and 17 of proc(5): cutime and cstime.
  return cpuFields('self', 13);
}

/** Two consecutive CPU-time fields of /proc/PID/stat, in seconds, counted from the state (field 3). */
function cpuFields(pid: number | 'self', index: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[index]) + Number(fields[index + 1])) / TICKS_PER_SECOND;
}

/** One run of a command: CPU seconds of its whole process tree and wall seconds. */
export interface Run {
  cpu: number;
  wall: number;
}

/** Runs a command to its end, output discarded; fails when it fails. */
export function runCommand(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Run {
  const cpu = childrenCpu();
  const started = performance.now();
  const result = spawnSync(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const wall = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  return { cpu: childrenCpu() - cpu, wall };
}

/** A port nothing listens on now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

/**
 * Starts `pobratim serve` (by `node`, so the child is the server) and measures the time until GET
 * /api/health answers 200 (asked every 20 ms): wall seconds, and the CPU seconds the server had
 * used by then (its utime and stime: fields 14 and 15). Then stops it with SIGTERM and waits.
 */
export async function timeToReady(args: string[], options: SpawnOptions): Promise<Run> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn('node', [...args, '--port', String(port)], {
    ...options,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let alive = true;
  void exited.then(() => (alive = false));
  try {
    for (;;) {
      if (!alive) throw new Error(`the server exited before it was ready: ${stderr}`);
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`)
        .then((response) => response.ok)
        .catch(() => false);
      if (ok) return { wall: (performance.now() - started) / 1000, cpu: cpuFields(child.pid!, 11) };
      if (performance.now() - started > 300_000) throw new Error(`not ready in 300 s: ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
