import { describe, expect, it } from 'vitest';
import { hashPin, verifyPin } from '../../../electron/core/staff/pin';

describe('staff PIN hashing', () => {
  it('stores an scrypt hash that verifies the right PIN only', async () => {
    const stored = await hashPin('4821');
    expect(stored).toMatch(/^scrypt\$/);
    expect(stored).not.toContain('4821');
    expect(await verifyPin('4821', stored)).toBe(true);
    expect(await verifyPin('4822', stored)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPin('1234')).not.toBe(await hashPin('1234'));
  });

  it('rejects a malformed stored value instead of throwing', async () => {
    expect(await verifyPin('1234', 'plain-1234')).toBe(false);
  });
});
