#!/usr/bin/env node
/* global process, console, URL */
// Builds the web application (web/ → web/dist) with Vite.
//
//   node scripts/build-web.mjs             a clean build (what `npm run build:web` runs)
//   node scripts/build-web.mjs --if-stale  only when web/dist is missing or older than any source
//                                          (what `npm start` and the tests run first)
//
// A stale build goes to a temporary directory and is moved in file by file, index.html last, and
// the old hashed assets stay: a server (or a test run) serving web/dist meanwhile never sees it
// half-written, and pages loaded from the old build can still fetch their chunks.
import { cpSync, existsSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const web = join(repo, 'web');
const dist = join(web, 'dist');
const SOURCES = ['src', 'index.html', 'vite.config.ts', 'postcss.config.mjs', 'tsconfig.json'];

/** The newest modification time among the web application's sources (and its installed packages). */
function newestSource() {
  let newest = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const source of SOURCES) visit(join(web, source));
  visit(join(repo, 'package-lock.json'));
  return newest;
}

/** Whether web/dist is missing or older than a source. */
export function webBuildIsStale() {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) return true;
  return statSync(index).mtimeMs < newestSource();
}

async function viteBuild(outDir) {
  const { build } = await import('vite');
  await build({
    configFile: join(web, 'vite.config.ts'),
    root: web,
    logLevel: 'error',
    build: { outDir, emptyOutDir: true },
  });
}

/** Builds when stale; returns whether it built. */
export async function buildWebIfStale() {
  if (!webBuildIsStale()) return false;
  const tmp = mkdtempSync(join(web, '.dist-'));
  try {
    await viteBuild(tmp);
    const files = [];
    const collect = (dir) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) collect(path);
        else files.push(relative(tmp, path));
      }
    };
    collect(tmp);
    // index.html last: it names the new assets, which must be there before it is.
    files.sort((a, b) => (a === 'index.html' ? 1 : b === 'index.html' ? -1 : 0));
    for (const file of files) {
      const target = join(dist, file);
      cpSync(join(tmp, file), `${target}.tmp-${process.pid}`);
      renameSync(`${target}.tmp-${process.pid}`, target);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return true;
}

/** A clean build into web/dist. */
export async function buildWeb() {
  await viteBuild(dist);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now();
  if (process.argv.includes('--if-stale')) {
    if (await buildWebIfStale())
      console.log(`web application built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } else {
    await buildWeb();
    console.log(`web application built into web/dist in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}
