import { describe, expect, it } from 'vitest';
import { openTestKiosk } from '../../support/kiosk';
import { requirePatron } from '../../../electron/core/patrons/records';

describe('a staff card at a resident screen', () => {
  it('is refused with directions to the staff area, not as an unknown card', async () => {
    const { kiosk } = await openTestKiosk();
    expect(() => requirePatron(kiosk.ctx, 'NV0001')).toThrow(/thẻ cán bộ.*Dành cho cán bộ/);
    expect(() => requirePatron(kiosk.ctx, 'BD999999')).toThrow(/Không tìm thấy thẻ/);
  });
});
