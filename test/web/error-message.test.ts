import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../web/src/api/client.ts';
import { errorMessage } from '../../web/src/components/errors.ts';
import be from '../../web/src/i18n/locales/be/common.json' with { type: 'json' };
import en from '../../web/src/i18n/locales/en/common.json' with { type: 'json' };
import ru from '../../web/src/i18n/locales/ru/common.json' with { type: 'json' };

describe("an API error in the user's language", () => {
  it('says how long to wait from the number the API sends, whatever its English message says', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({
      lng: 'ru',
      resources: { ru: { translation: ru }, be: { translation: be }, en: { translation: en } },
      interpolation: { escapeValue: false },
    });
    const throttled = new ApiError(429, 'rate_limited', 'Bitte warten.', [], { retryAfterSeconds: 42 });
    expect(errorMessage(i18n.t, throttled)).toContain('42');
    await i18n.changeLanguage('be');
    expect(errorMessage(i18n.t, throttled)).toContain('42');
    // Without a number, the general words, not a number read out of the message.
    const busy = new ApiError(429, 'rate_limited', 'try again in 7 s');
    expect(errorMessage(i18n.t, busy)).toBe(be.errors.rate_limited);
    expect(errorMessage(i18n.t, new ApiError(503, 'not_ready', 'Not ready.'))).toBe(be.errors.not_ready);
  });
});
