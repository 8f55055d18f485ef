import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';

/** Where `npm run build:web` writes the web application. */
export const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/** Vite names every built asset by its content hash: a year's cache is safe for them. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><title>Побратим — веб-приложение не собрано</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#222}
code{background:#f1f3f5;padding:.1rem .3rem;border-radius:3px}</style></head>
<body>
<h1>Веб-приложение не собрано</h1>
<p>Сервер и API работают, но файлов веб-приложения нет (каталог <code>web/dist</code>).
Соберите его командой <code>npm run build:web</code> и обновите страницу.
(<code>npm start</code> собирает его сам.)</p>
<hr>
<h2 lang="en">The web application is not built</h2>
<p lang="en">The server and the API work, but the web application's files (<code>web/dist</code>) are missing.
Build them with <code>npm run build:web</code> and reload this page (<code>npm start</code> builds them itself).</p>
<p><a href="/api/docs">API: /api/docs</a></p>
</body></html>`;

/**
 * Whether the client accepts JSON and nothing else (`Accept: application/json`): a script that
 * mistyped an address wants the JSON 404, while a browser, curl (which accepts anything) or a link
 * checker gets the page.
 */
function wantsJsonOnly(request: FastifyRequest): boolean {
  const types = (request.headers.accept ?? '')
    .split(',')
    .map((part) => part.split(';')[0]!.trim().toLowerCase())
    .filter(Boolean);
  return types.length > 0 && types.every((type) => type === 'application/json' || type.endsWith('+json'));
}

/** A path whose last segment has an extension names a file (a script, a style, an image), not a page. */
function namesFile(path: string): boolean {
  return /\.[a-z0-9]{1,8}$/i.test(path.slice(path.lastIndexOf('/') + 1));
}

function apiNotFound(request: FastifyRequest, reply: FastifyReply) {
  return reply
    .status(404)
    .send({ error: { code: 'not_found', message: `No route ${request.method} ${request.url}.` } });
}

/**
 * Serves the built web application next to the API: hashed assets with a long cache, index.html
 * (never cached) for every other page address unless the client asks for JSON alone, so the client's
 * routes work on reload.
 * Files are looked up per request rather than listed at start, so a rebuild (scripts/build-web.mjs
 * moves new files in while the server runs) is served without a restart.
 */
export const webPlugin: FastifyPluginAsync<{ distDir?: string }> = async (app, options) => {
  const dist = options.distDir ?? WEB_DIST;
  // @fastify/static only for its sendFile (ranges, ETags, traversal checks); routing is ours.
  await app.register(fastifyStatic, { root: dist, serve: false, cacheControl: false, index: false });
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (path === '/api' || path.startsWith('/api/')) return apiNotFound(request, reply);
    const file = builtFile(dist, path);
    if (file) {
      reply.header('cache-control', file.startsWith('assets/') ? IMMUTABLE : 'no-cache');
      return reply.sendFile(file);
    }
    // A missing script or image answered with the page would fail in the browser in a confusing way.
    if (namesFile(path) || wantsJsonOnly(request)) return apiNotFound(request, reply);
    if (!existsSync(join(dist, 'index.html'))) {
      return reply.status(503).type('text/html; charset=utf-8').send(NOT_BUILT_PAGE);
    }
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html');
  });
};

/** The built file a URL path names, relative to dist, or undefined (directories, outside paths). */
function builtFile(dist: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded === '/' || decoded.includes('\0')) return undefined;
  const full = resolve(dist, `.${decoded}`);
  const rel = relative(dist, full);
  if (!rel || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  try {
    return statSync(full).isFile() ? rel.split(sep).join('/') : undefined;
  } catch {
    return undefined;
  }
}
