import { describe, expect, it } from 'vitest';
import { emailKey, emailSchema } from './email.ts';

describe('e-mail addresses that identify accounts', () => {
  it.each([
    ['\u0430dmin@example.org', 'a Cyrillic «а» among Latin letters'],
    ['admin@ex\u0430mple.org', 'a Cyrillic «а» in the domain'],
    ['\u0430\u0440\u0440\u0435@example.org', 'Cyrillic letters that all look Latin («арре»)'],
    ['admin@example.\u0441\u043e', 'a Cyrillic top-level part passing for Latin («.со»)'],
    ['\u202egro.elpmaxe@nimda', 'a right-to-left override'],
    ['admin\u00a0@example.org', 'a no-break space'],
    ['admin @example.org', 'a space'],
    ['ad\u0000min@example.org', 'the NUL character'],
    ['admin@@example.org', 'two at signs'],
  ])('refuses %j (%s)', (email) => {
    expect(emailSchema.safeParse(email).success).toBe(false);
  });

  it.each([
    ['admin@example.org', 'admin@example.org'],
    ['  Admin@Example.org ', 'Admin@Example.org'],
    ['ad\u200bmin@exa\u200dmple.org\ufeff', 'admin@example.org'],
    ['\uff41dmin@example.org', 'admin@example.org'],
    ['\u0438\u0432\u0430\u043d@\u043f\u043e\u0447\u0442\u0430.\u0440\u0444', 'иван@почта.рф'],
  ])('accepts %j as %j', (email, stored) => {
    expect(emailSchema.parse(email)).toBe(stored);
  });

  it('finds the account by the normalized address in lower case', () => {
    expect(emailKey('AD\u200bMIN@Example.org')).toBe('admin@example.org');
  });
});
