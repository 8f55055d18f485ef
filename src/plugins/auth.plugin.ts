import fastifyCookie from '@fastify/cookie';
import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { Actor } from '../modules/audit/audit.schema.ts';
import { AppError, forbidden, unauthenticated } from '../errors.ts';
import { API_TOKEN_PREFIX, findPrincipalByApiToken } from '../modules/auth/api-token.repository.ts';
import { can, isAdministrator, type Action, type Scope } from '../modules/auth/policy.ts';
import { PUBLIC, type Principal } from '../modules/auth/principal.ts';
import { sameSecret } from '../modules/auth/secret-token.ts';
import { findLiveSession } from '../modules/auth/session.repository.ts';

/** The cookie that carries the session secret. */
export const SESSION_COOKIE = 'pobratim_session';
/** The header a cookie-authenticated write must repeat the session's CSRF token in. */
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal;
    /** How the request proved who it is; cookies need CSRF protection, tokens do not. */
    authVia: 'session' | 'token' | 'none';
    /** The secret of the session cookie and its CSRF token, when signed in by cookie. */
    session: { secret: string; csrfToken: string } | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** The writes a session opened with someone else's password may make: change it, sign in or out. */
const WHILE_PASSWORD_CHANGE_REQUIRED = new Set([
  'POST /api/auth/password',
  'POST /api/auth/session',
  'DELETE /api/auth/session',
]);

/** Who is asking, from a bearer token or the session cookie; the public otherwise. */
export const authPlugin = fp<{ db: Kysely<Database> }>(async (app, { db }) => {
  await app.register(fastifyCookie);
  // Reference-typed decorations are set per request in the hook, never shared between requests.
  app.decorateRequest('principal', null as never);
  app.decorateRequest('authVia', 'none');
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request) => {
    request.principal = PUBLIC;
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (bearer) {
      const principal = bearer.startsWith(API_TOKEN_PREFIX)
        ? await findPrincipalByApiToken(db, bearer)
        : undefined;
      if (!principal) throw unauthenticated('The API token is unknown, expired or revoked.');
      request.principal = principal;
      request.authVia = 'token';
      return;
    }
    const secret = request.cookies[SESSION_COOKIE];
    if (!secret) return;
    const session = await findLiveSession(db, secret);
    if (!session) return;
    request.principal = session.principal;
    request.authVia = 'session';
    request.session = { secret, csrfToken: session.csrfToken };
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameSecret(sent, session.csrfToken)) {
        throw new AppError('forbidden', `A write signed in by cookie must send the ${CSRF_HEADER} header.`);
      }
      const route = `${request.method} ${request.routeOptions.url ?? ''}`;
      if (session.passwordChangeRequired && !WHILE_PASSWORD_CHANGE_REQUIRED.has(route)) {
        throw new AppError(
          'forbidden',
          'This session signed in with a password someone else chose: change it first (POST /api/auth/password).',
        );
      }
    }
  });
});

/** Refuses the request unless the asker may do the action on the scope: 401 for the public, else 403. */
export function authorize(request: FastifyRequest, action: Action, scope: Scope): void {
  if (can(request.principal, action, scope)) return;
  if (request.principal.kind === 'public') throw unauthenticated();
  throw forbidden();
}

/** The signed-in user, or 401. */
export function requireUser(request: FastifyRequest): Extract<Principal, { kind: 'user' }> {
  if (request.principal.kind !== 'user') throw unauthenticated();
  return request.principal;
}

/** The signed-in administrator, or 401 for the public and 403 (saying what is refused) for anyone else. */
export function requireAdministrator(
  request: FastifyRequest,
  refusal: string,
): Extract<Principal, { kind: 'user' }> {
  const user = requireUser(request);
  if (!isAdministrator(user)) throw forbidden(refusal);
  return user;
}

/** Sets the session cookie: HttpOnly, SameSite=Lax, Secure when the request came over HTTPS. */
export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  secret: string,
  expires: Date,
): void {
  reply.setCookie(SESSION_COOKIE, secret, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    expires,
  });
}

/** Who the audit trail records for this request: the signed-in user. */
export function actorOf(request: FastifyRequest): Actor {
  return { userId: request.principal.kind === 'user' ? request.principal.userId : null };
}
