// apiErrorText: how every screen words a refusal from the core.
import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiCallError } from '../../../renderer/src/api/client';
import { apiErrorText } from '../../../renderer/src/api/error-text';

const i18n = createInstance();
await i18n.init({
  lng: 'en',
  resources: {
    en: {
      translation: { errors: { pc_busy: 'The PC is busy until {{until}}.', unavailable: 'The kiosk is not answering.' } },
      circulation: { advice: { card_expired: 'Ask the librarian to renew your card.', offline: 'Wait a moment and try again.' } },
    },
  },
});
const t = i18n.t.bind(i18n);

describe('apiErrorText', () => {
  it("uses the screen's sentence for the reason, filled with the error's params", () => {
    const error = new ApiCallError({ code: 'refused', message: 'Máy đang có người dùng.', reason: 'pc_busy', params: { until: '10:30' } });
    expect(apiErrorText(t, error, 'errors.unavailable')).toBe('The PC is busy until 10:30.');
  });

  it("falls back to the core's own sentence when the screen has none for the reason, or there is no reason", () => {
    expect(apiErrorText(t, new ApiCallError({ code: 'refused', message: 'Đợt này đã gửi trả.', reason: 'batch_returned' }), 'errors.unavailable')).toBe(
      'Đợt này đã gửi trả.',
    );
    expect(apiErrorText(t, new ApiCallError({ code: 'internal', message: 'Kiosk gặp lỗi.' }), 'errors.unavailable')).toBe('Kiosk gặp lỗi.');
  });

  it('gives the fallback sentence for anything that is not a reply from the core', () => {
    expect(apiErrorText(t, new Error('socket closed'), 'errors.unavailable')).toBe('The kiosk is not answering.');
  });

  it("shows the core's own Vietnamese sentence on a Vietnamese screen that asks for it, and the screen's advice elsewhere", () => {
    const error = new ApiCallError({
      code: 'refused',
      message: 'Thẻ BD000007 đã hết hạn ngày 31/12/2027. Mời bạn gặp cán bộ để gia hạn.',
      reason: 'card_expired',
    });
    const wording = { namespace: 'circulation', keys: 'advice' };
    expect(apiErrorText(t, error, 'circulation:advice.offline', { ...wording, language: 'vi' })).toBe(error.message);
    expect(apiErrorText(t, error, 'circulation:advice.offline', { ...wording, language: 'en' })).toBe('Ask the librarian to renew your card.');
    expect(apiErrorText(t, new Error('socket closed'), 'circulation:advice.offline', { ...wording, language: 'vi' })).toBe('Wait a moment and try again.');
  });
});
