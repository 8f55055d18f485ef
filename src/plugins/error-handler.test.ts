import { describe, expect, it } from 'vitest';
import { AppError, ERROR_CODES, type ErrorCode } from '../errors.ts';
import { openDatabase } from '../db/connect.ts';
import { buildApp } from '../server/app.ts';
import { toErrorBody } from './error-handler.ts';

describe('the one error shape', () => {
  for (const code of Object.keys(ERROR_CODES) as ErrorCode[]) {
    it(`renders ${code} with its status and code`, () => {
      const { status, body } = toErrorBody(new AppError(code, 'Что-то не так.'));
      expect(status).toBe(ERROR_CODES[code].status);
      expect(body.error.code).toBe(code);
      expect(body.error.message).toBe('Что-то не так.');
    });
  }

  it('documents every error code in the OpenAPI document, on every route', async () => {
    const database = await openDatabase({ dataDir: 'memory://' });
    const app = await buildApp({ database });
    try {
      const spec = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json();
      expect(spec.components.schemas.Error.properties.error.properties.code.enum.sort()).toEqual(
        Object.keys(ERROR_CODES).sort(),
      );
      const visits = spec.paths['/api/visits'].post.responses;
      expect(visits['4XX'].content['application/json'].schema.$ref).toBe('#/components/schemas/Error');
    } finally {
      await app.close();
      await database.close();
    }
  });

  it('hides the insides of an unexpected failure', () => {
    const { status, body } = toErrorBody(
      new Error('relation "visit" does not exist at /srv/pobratim/src/db'),
    );
    expect(status).toBe(500);
    expect(body).toEqual({ error: { code: 'internal', message: 'Internal error.' } });
  });

  it('answers 400, not 500, when the database refuses a value a schema let through', () => {
    const refusal = Object.assign(new Error('value "3000000000" is out of range for type integer'), {
      code: '22003',
    });
    expect(toErrorBody(refusal)).toMatchObject({
      status: 400,
      body: { error: { code: 'validation_failed' } },
    });
    expect(toErrorBody(Object.assign(new Error('deadlock detected'), { code: '40P01' })).status).toBe(500);
  });
});
