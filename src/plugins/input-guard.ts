import type { FastifyInstance } from 'fastify';
import { validationFailed, type FieldProblem } from '../errors.ts';

const MAX_DEPTH = 32;

/** Collects the paths («body.parties.0.name») of the strings in `value` that hold U+0000, up to ten. */
function nulPaths(value: unknown, path: string, found: string[], depth = 0): void {
  if (found.length >= 10 || depth > MAX_DEPTH) return;
  if (typeof value === 'string') {
    if (value.includes('\u0000')) found.push(path);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => nulPaths(item, `${path}.${index}`, found, depth + 1));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\u0000')) found.push(`${path}.${key.replaceAll('\u0000', '\\0')}`);
      nulPaths(item, `${path}.${key}`, found, depth + 1);
    }
  }
}

/**
 * Refuses, before any route sees them, strings that hold the NUL character anywhere in a request's
 * URL parameters, query or JSON body: PostgreSQL text cannot store or even compare them, so left to
 * the database they become a 500. A field schema may refuse them too; this covers every route and
 * every field at once, including the ones a schema passes through untouched (search words, e-mails).
 */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const found: string[] = [];
    nulPaths(request.params, 'params', found);
    nulPaths(request.query, 'querystring', found);
    nulPaths(request.body, 'body', found);
    if (found.length === 0) return;
    const details: FieldProblem[] = found.map((path) => ({
      path,
      message: 'must not contain the NUL character',
    }));
    throw validationFailed(`Invalid input: ${found.join(', ')} must not contain the NUL character`, details);
  });
}
