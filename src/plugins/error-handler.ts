import { z } from 'zod';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, ERROR_CODES, type ErrorCode, type ErrorFacts, type FieldProblem } from '../errors.ts';

/** The one shape of every error answer, as the OpenAPI document describes it. */
export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]),
      message: z.string(),
      details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
      retryAfterSeconds: z
        .number()
        .int()
        .optional()
        .describe(
          'rate_limited, not_ready, busy: seconds to wait before trying again (also the Retry-After header)',
        ),
      currentVersion: z.number().int().optional().describe('stale_version: the version the record has now'),
    }),
  })
  .meta({ id: 'Error' });

interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: FieldProblem[] } & ErrorFacts;
}

/**
 * A database's data exception (SQLSTATE class 22: a number or date out of a column's range, a
 * character the encoding cannot hold): input the schemas should have refused, still the caller's.
 */
function isDataException(error: unknown): boolean {
  const sqlState = (error as { code?: unknown } | null)?.code;
  return typeof sqlState === 'string' && /^22[0-9A-Z]{3}$/.test(sqlState);
}

/** Maps a thrown value to the one error shape the API answers with; a 5xx never shows its insides. */
export function toErrorBody(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof AppError) {
    const body: ErrorBody = { error: { code: error.code, message: error.message, ...error.facts } };
    if (error.details) body.error.details = error.details;
    return { status: error.status, body };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const details = error.validation.map((issue) => ({
      path: [error.validationContext, ...issue.instancePath.split('/')].filter(Boolean).join('.'),
      message: issue.message ?? 'is invalid',
    }));
    const summary = details.map((detail) => `${detail.path}: ${detail.message}`).join('; ');
    return {
      status: 400,
      body: { error: { code: 'validation_failed', message: `Invalid input: ${summary}`, details } },
    };
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return {
      status: 413,
      body: { error: { code: 'payload_too_large', message: 'The request body is too large.' } },
    };
  }
  if (
    typeof fastifyError.statusCode === 'number' &&
    fastifyError.statusCode >= 400 &&
    fastifyError.statusCode < 500
  ) {
    return {
      status: fastifyError.statusCode,
      body: { error: { code: 'validation_failed', message: fastifyError.message } },
    };
  }
  if (isDataException(error)) {
    const message = (error as Error).message;
    return {
      status: 400,
      body: { error: { code: 'validation_failed', message: `The database refused a value: ${message}` } },
    };
  }
  return {
    status: ERROR_CODES.internal.status,
    body: { error: { code: 'internal', message: 'Internal error.' } },
  };
}

/** Installs the single error handler and the JSON 404 of the API. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const { status, body } = toErrorBody(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    // A bound a schema misses: answered as bad input, logged to be added to the schema.
    else if (isDataException(error)) {
      request.log.warn({ err: error }, 'input refused by the database');
    }
    if (body.error.retryAfterSeconds !== undefined) reply.header('retry-after', body.error.retryAfterSeconds);
    return reply.status(status).send(body);
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .send({ error: { code: 'not_found', message: `No route ${request.method} ${request.url}.` } }),
  );
}
