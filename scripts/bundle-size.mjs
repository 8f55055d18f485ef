#!/usr/bin/env node
/* global console, process, URL */
// Builds the web application into a temporary directory and prints the gzipped size of the
// JavaScript the first screen loads: index.html's entry script, its modulepreloads and everything
// they import statically (dynamic import() chunks — pages, charts, the map — are not counted).
//
//   node scripts/bundle-size.mjs            the table and the total; exits 1 over the budget
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const BUDGET_KB = 300;
const web = fileURLToPath(new URL('../web/', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'pobratim-bundle-'));

try {
  await build({
    configFile: join(web, 'vite.config.ts'),
    root: web,
    logLevel: 'error',
    build: { outDir: out, emptyOutDir: true },
  });
  const html = readFileSync(join(out, 'index.html'), 'utf8');
  const roots = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((match) => match[1].replace(/^\//, ''));
  const cssFiles = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) =>
    m[1].replace(/^\//, ''),
  );

  // Static imports and re-exports of the built chunks («import{a}from"./x.js"», «import"./y.js"»);
  // `import(` is a dynamic import and does not match.
  const STATIC = /\b(?:import|export)\s*(?:[^"'();]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g;
  const seen = new Set();
  const queue = [...roots];
  while (queue.length > 0) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(out, file), 'utf8');
    for (const match of code.matchAll(STATIC)) queue.push(posix.join(posix.dirname(file), match[1]));
  }

  const rows = [...seen].map((file) => {
    const content = readFileSync(join(out, file));
    return { file, raw: content.length, gzip: gzipSync(content, { level: 9 }).length };
  });
  rows.sort((a, b) => b.gzip - a.gzip);
  const kb = (bytes) => (bytes / 1024).toFixed(1);
  for (const row of rows)
    console.log(`${kb(row.gzip).padStart(8)} KB gz  ${kb(row.raw).padStart(8)} KB  ${row.file}`);
  const total = rows.reduce((sum, row) => sum + row.gzip, 0);
  const css = cssFiles.reduce(
    (sum, file) => sum + gzipSync(readFileSync(join(out, file)), { level: 9 }).length,
    0,
  );
  console.log(
    `initial JavaScript: ${kb(total)} KB gzipped in ${rows.length} file(s) (budget ${BUDGET_KB} KB)`,
  );
  console.log(`initial CSS: ${kb(css)} KB gzipped`);
  if (total > BUDGET_KB * 1024) process.exitCode = 1;
} finally {
  rmSync(out, { recursive: true, force: true });
}
