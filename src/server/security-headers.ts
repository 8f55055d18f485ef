import type { FastifyInstance } from 'fastify';

/**
 * The Content-Security-Policy of every answer. Scripts only from the application's own files (the
 * built pages and Swagger UI load theirs by `src`, none inline); styles may be inline because
 * Mantine and ECharts set `style` attributes and Mantine adds its CSS variables in a `<style>`;
 * images from data: URIs (the favicon, Swagger UI's icons) and blob: (charts saved as images).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Security headers on every answer (pages, assets, the API, errors). @fastify/helmet would set
 * these, but it is not among the installed packages (the build runs offline), and the few headers
 * needed fit in one hook: the policy above, no framing by other sites (clickjacking), no MIME
 * sniffing, no Referer leaving the site (a calendar feed's address is its secret), and HSTS when
 * the request came over HTTPS.
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    reply.header('x-frame-options', 'DENY');
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('cross-origin-opener-policy', 'same-origin');
    if (request.protocol === 'https') {
      reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    }
    return payload;
  });
}
