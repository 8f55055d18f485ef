#!/usr/bin/env node
// The `pobratim` command line. Runs the compiled build in dist/ (which `npm install` and `npm start`
// make with scripts/build-server.mjs) when it is at least as new as every source, and the
// TypeScript sources through tsx otherwise: while src/ is being edited, when the build is missing,
// or when POBRATIM_TSX=1 asks for it.
/* global process */
import { serverBuildIsStale } from '../scripts/build-server.mjs';

if (process.env.POBRATIM_TSX !== '1' && !serverBuildIsStale()) {
  await import('../dist/pobratim.mjs');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
