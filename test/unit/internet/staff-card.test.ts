import { describe, expect, it } from 'vitest';
import { openTestKiosk } from '../../support/kiosk';

describe('a staff card at the internet sign-in', () => {
  it('is refused with directions to the staff area, like at Mượn / trả sách', async () => {
    const { call } = await openTestKiosk();
    await expect(call('internet.signIn', { kind: 'card', text: 'NV0001', manual: true })).rejects.toMatchObject({ apiError: { reason: 'staff_card' } });
    await expect(call('internet.signIn', { kind: 'card', text: 'BD999999', manual: true })).rejects.toMatchObject({ apiError: { reason: 'card_unknown' } });
  });
});
