import { randomUUID } from 'node:crypto';
import type { FastifyRequest, FastifyServerOptions } from 'fastify';
import type { LogLevel } from '../config.ts';

// Query parameters whose values are secrets, should a client ever send one there.
const SECRET_QUERY = /([?&](?:token|secret|password|key|session|csrf)[^=&]*=)[^&]*/gi;

/**
 * A request's URL as the log keeps it: the calendar feed's address is its secret, and secret-looking
 * query parameters keep their names only.
 */
export function urlForLog(url: string): string {
  return url
    .replace(/^(\/api\/calendar\/)(?!feed(?:[?#]|$))[^/?#]+/, '$1[secret]')
    .replace(SECRET_QUERY, '$1[redacted]');
}

/**
 * Fastify's own pino logger: one line per request received and answered, with the request's id
 * (also sent back as `x-request-id`, so a user can quote it), and every 5xx with its stack (the
 * error handler). Requests are logged by method, URL, host and address only, never their headers or
 * bodies, so no password, token or cookie reaches a line; `redact` guards the same fields should a
 * handler ever log a request or a reply whole.
 */
export function loggerOptions(
  level: LogLevel,
  stream?: NodeJS.WritableStream,
): Pick<FastifyServerOptions, 'logger' | 'genReqId' | 'requestIdLogLabel'> {
  return {
    genReqId: () => randomUUID(),
    requestIdLogLabel: 'reqId',
    logger: {
      level,
      ...(stream ? { stream } : {}),
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'req.headers["x-csrf-token"]',
          'res.headers["set-cookie"]',
          'headers.authorization',
          'headers.cookie',
          '*.password',
          '*.currentPassword',
          '*.newPassword',
          '*.token',
          '*.csrfToken',
          '*.secret',
        ],
        censor: '[redacted]',
      },
      serializers: {
        req: (request: FastifyRequest) => ({
          method: request.method,
          url: urlForLog(request.url),
          host: request.host,
          remoteAddress: request.ip,
        }),
      },
    },
  };
}
