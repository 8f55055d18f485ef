#!/usr/bin/env node
/* global process, console, URL */
// Compiles the server and the command line (src/cli/main.ts and everything it imports) and the
// server's worker thread (src/plugins/work/worker.ts) into dist/ with esbuild: one ES module per
// command's code, node20, packages left in node_modules.
// bin/pobratim.mjs runs dist/ when it is at least as new as src/, and src/ through tsx otherwise.
//
//   node scripts/build-server.mjs             a build into dist/ (`npm run build:server`)
//   node scripts/build-server.mjs --if-stale  only when dist/ is missing or older than a source
//                                             (what `npm install` and `npm start` run first); a
//                                             failure only warns, since the CLI can still use tsx
//   node scripts/build-server.mjs --out DIR   into DIR instead of dist/ (the tests compare the two)
//
// The sources read files beside themselves through import.meta.url (the gazetteer's .tsv files,
// createRequire for az and pdfmake, web/dist, the shared folder). Every `import.meta.url` of a
// source file is compiled to that source file's own URL, computed from where the bundle lies, so
// those reads find the same files as under tsx, wherever in the repository the build is written
// (packages stay external: the build finds them in the repository's node_modules).
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import path, { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const src = join(repo, 'src');
/** Where the build goes; bin/pobratim.mjs runs dist/pobratim.mjs. */
export const DIST = join(repo, 'dist');
const ENTRY = 'pobratim';
/** The server's worker threads run this entry (src/plugins/work/worker.ts). */
const WORKER_ENTRY = 'work-worker';
/** Written last by a build: the sources it read, and (as its modification time) when it read them. */
const STAMP = 'build.json';
/** Read by every build besides the sources the bundle lists. */
const CONFIGURATION = ['tsconfig.json', relative(repo, fileURLToPath(import.meta.url))];

/**
 * Whether `dir` holds no build, or one older than a source it was built from. Only the bundle's own
 * sources count (a changed test does not make it stale); a new source file counts through the file
 * that imports it.
 */
export function serverBuildIsStale(dir = DIST) {
  let stamp;
  try {
    stamp = {
      time: statSync(join(dir, STAMP)).mtimeMs,
      ...JSON.parse(readFileSync(join(dir, STAMP), 'utf8')),
    };
  } catch {
    return true;
  }
  if (!Array.isArray(stamp.sources)) return true;
  return [...CONFIGURATION, ...stamp.sources].some((file) => {
    const stat = statSync(join(repo, file), { throwIfNoEntry: false });
    return !stat || stat.mtimeMs > stamp.time;
  });
}

/** `const specifier = './x.ts'` … `import(specifier)`: esbuild bundles only literal imports. */
function inlineConstantImports(code, file) {
  return code.replace(/\bimport\((\w+)\)/g, (call, name) => {
    const constant = code.match(new RegExp(`\\bconst ${name} = ('[^']+'|"[^"]+");`));
    if (!constant) throw new Error(`${relative(repo, file)}: import(${name}) is not a constant string`);
    return `import(${constant[1]})`;
  });
}

/** The esbuild plugin that keeps import.meta.url and constant dynamic imports meaning what they do in src/. */
function sourceLocations(outdir) {
  return {
    name: 'source-locations',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, (args) => {
        if (!args.path.startsWith(src + sep)) return undefined;
        let code = readFileSync(args.path, 'utf8');
        if (code.includes('import.meta.url')) {
          const fromBundle = relative(outdir, args.path).split(sep).join('/');
          code = code.replaceAll(
            'import.meta.url',
            `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`,
          );
        }
        if (/\bimport\(\w+\)/.test(code)) code = inlineConstantImports(code, args.path);
        return { contents: code, loader: 'ts' };
      });
    },
  };
}

/** Files of earlier builds stay this long: a running server may still import a chunk of its build. */
const KEEP_OLD_MS = 24 * 60 * 60 * 1000;

/**
 * Builds into `outdir` (dist/ unless given). The build is written aside and moved in file by file,
 * the entry and the stamp last, so a process starting meanwhile runs the old build or the new one;
 * chunks are named by their content, and those of earlier builds stay a day for servers running them.
 */
export async function buildServer(outdir = DIST) {
  const { build } = await import('esbuild');
  const started = Date.now();
  mkdirSync(outdir, { recursive: true });
  const tmp = join(dirname(outdir), `.${ENTRY}-build-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  try {
    const { metafile } = await build({
      absWorkingDir: repo,
      entryPoints: {
        [ENTRY]: join(src, 'cli', 'main.ts'),
        [WORKER_ENTRY]: join(src, 'plugins', 'work', 'worker.ts'),
      },
      // Tells src/plugins/work/work-pool.ts it runs from the build: its threads load the built worker.
      define: { POBRATIM_BUNDLE: 'true' },
      outdir: tmp,
      bundle: true,
      // Each command's dynamic import() becomes a chunk of its own, loaded when the command runs.
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      outExtension: { '.js': '.mjs' },
      // Packages load from node_modules as they do under tsx (native modules, WebAssembly, fonts).
      packages: 'external',
      sourcemap: 'linked',
      // Chunks sit beside the entry: the plugin computes source locations from one directory.
      chunkNames: '[name]-[hash]',
      plugins: [sourceLocations(outdir)],
      metafile: true,
      logLevel: 'warning',
    });
    const sources = Object.keys(metafile.inputs).sort();
    writeFileSync(
      join(tmp, STAMP),
      `${JSON.stringify({ sourcesReadAt: new Date(started).toISOString(), sources }, null, 2)}\n`,
    );
    // The stamp carries the time the sources were read: a source saved during the build is newer.
    utimesSync(join(tmp, STAMP), new Date(started), new Date(started));
    const built = readdirSync(tmp);
    const last = [`${ENTRY}.mjs`, STAMP];
    built.sort((a, b) => last.indexOf(a) - last.indexOf(b));
    for (const name of built) renameSync(join(tmp, name), join(outdir, name));
    for (const name of readdirSync(outdir)) {
      const file = join(outdir, name);
      if (!built.includes(name) && statSync(file).mtimeMs < started - KEEP_OLD_MS)
        rmSync(file, { force: true });
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return Date.now() - started;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = process.argv.indexOf('--out');
  const outdir = out > 0 ? path.resolve(process.argv[out + 1]) : DIST;
  const where = relative(process.cwd(), outdir) || '.';
  if (!process.argv.includes('--if-stale')) {
    const ms = await buildServer(outdir);
    console.log(`server and command line built into ${where} in ${(ms / 1000).toFixed(1)} s`);
  } else if (serverBuildIsStale(outdir)) {
    try {
      const ms = await buildServer(outdir);
      console.log(`server and command line built into ${where} in ${(ms / 1000).toFixed(1)} s`);
    } catch (error) {
      console.warn(`pobratim: building ${where} failed, the command line runs through tsx: ${error}`);
    }
  }
}
