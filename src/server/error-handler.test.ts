import { describe, expect, it } from 'vitest';
import { AppError, ERROR_CODES, type ErrorCode } from '../errors.ts';
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

  it('hides the insides of an unexpected failure', () => {
    const { status, body } = toErrorBody(
      new Error('relation "visit" does not exist at /srv/pobratim/src/db'),
    );
    expect(status).toBe(500);
    expect(body).toEqual({ error: { code: 'internal', message: 'Internal error.' } });
  });
});
