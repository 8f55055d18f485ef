import { z } from 'zod';

/**
 * How an operation is authenticated, as the OpenAPI document says it (Swagger UI and generated
 * clients send the session cookie or the bearer token by it). Every /api operation is
 * `SIGNED_IN` unless its route says otherwise (the onRoute hook of app.ts).
 */
export const SIGNED_IN: Array<Record<string, string[]>> = [{ session: [] }, { token: [] }];
/** An operation the public may call too (it answers published records to the public). */
export const SIGNED_IN_OR_PUBLIC: Array<Record<string, string[]>> = [{ session: [] }, { token: [] }, {}];
/** An operation that needs no sign-in at all (health, signing in, a calendar feed's secret URL). */
export const PUBLIC: Array<Record<string, string[]>> = [];

/**
 * A 200 response that is a file, in the OpenAPI document: its media types, each a binary body
 * (JSON ones a JSON document).
 */
export function fileResponse(description: string, mediaTypes: readonly string[]) {
  return {
    description,
    content: Object.fromEntries(
      mediaTypes.map((type) => [
        type,
        {
          schema: type.startsWith('application/json') ? z.unknown() : z.string().meta({ format: 'binary' }),
        },
      ]),
    ),
  };
}
