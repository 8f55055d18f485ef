import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * The Content-Security-Policy directives of every answer. Scripts only from the application's own
 * files (the built pages and Swagger UI load theirs by `src`, none inline); styles may be inline
 * because Mantine and ECharts set `style` attributes and Mantine adds its CSS variables in a
 * `<style>`; images from data: URIs (the favicon, Swagger UI's icons) and blob: (charts saved as
 * images). No `upgrade-insecure-requests` (Helmet's default): an office that serves Pobratim over
 * plain HTTP on its own network would find every asset request sent to an HTTPS port nobody serves.
 */
const DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
} as const;

/** The policy as the header reads (Helmet writes the directives in this order). */
export const CONTENT_SECURITY_POLICY = Object.entries(DIRECTIVES)
  .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
  .join(';');

/**
 * Security headers on every answer (pages, assets, the API, errors), set by @fastify/helmet: the
 * policy above, no framing by other sites (clickjacking), no MIME sniffing, no Referer leaving the
 * site (a calendar feed's address is its secret), the opener and resource isolation headers, and
 * HSTS (browsers heed it only over HTTPS).
 */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: Object.fromEntries(
        Object.entries(DIRECTIVES).map(([directive, sources]) => [directive, [...sources]]),
      ),
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
  });
}
