import { describe, expect, it } from 'vitest';
import { openTestKiosk } from '../../support/kiosk';

type ApiFailure = { apiError: { code: string; reason?: string; message: string } };

describe('staff sign-in', () => {
  it('signs the demo staff member in with card and PIN and recognises the token', async () => {
    const { call } = await openTestKiosk();
    const { token, staff } = await call<{ token: string; staff: { role: string } }>('staff.signIn', { card: 'NV0001', pin: '147258' });
    expect(staff.role).toBe('staff');
    expect(await call('staff.whoami', { staffToken: token })).toMatchObject({ role: 'staff' });
    await call('staff.signOut', { staffToken: token });
    await expect(call('staff.whoami', { staffToken: token })).rejects.toMatchObject({ apiError: { code: 'unauthorized' } });
  });

  it('locks the account for 5 minutes after five wrong PINs', async () => {
    const { call, clock } = await openTestKiosk();
    for (let i = 0; i < 4; i++) {
      await expect(call('staff.signIn', { card: 'NV0001', pin: '0000' })).rejects.toMatchObject({ apiError: { reason: 'wrong_pin' } });
    }
    await expect(call('staff.signIn', { card: 'NV0001', pin: '0000' })).rejects.toMatchObject({ apiError: { reason: 'staff_locked' } });
    // Even the right PIN is refused while locked.
    const locked = (await call('staff.signIn', { card: 'NV0001', pin: '147258' }).catch((e: ApiFailure) => e)) as ApiFailure;
    expect(locked.apiError.reason).toBe('staff_locked');
    expect(locked.apiError.message).toMatch(/phút/);
    clock.advance(5 * 60 * 1000 + 1000);
    await expect(call('staff.signIn', { card: 'NV0001', pin: '147258' })).resolves.toMatchObject({ staff: { role: 'staff' } });
  });

  it('locks after maxPinAttempts when 50 wrong PINs arrive at once, and refuses the right PIN afterwards', async () => {
    const { kiosk } = await openTestKiosk();
    const replies = await Promise.all(
      Array.from({ length: 50 }, (_, i) => kiosk.registry.dispatch('staff.signIn', { card: 'NV0001', pin: String(500000 + i) })),
    );
    expect(replies.every((r) => !r.ok)).toBe(true);
    const reasons = replies.map((r) => (r.ok ? 'ok' : r.error.reason));
    // Exactly maxPinAttempts (5) attempts were counted; the rest met a locked account.
    expect(reasons.filter((r) => r === 'wrong_pin')).toHaveLength(4);
    expect(reasons.filter((r) => r === 'staff_locked')).toHaveLength(46);
    const right = await kiosk.registry.dispatch('staff.signIn', { card: 'NV0001', pin: '147258' });
    expect(right).toMatchObject({ ok: false, error: { reason: 'staff_locked' } });
  });

  it('answers an unknown card exactly like a wrong PIN', async () => {
    const { call } = await openTestKiosk();
    const unknown = (await call('staff.signIn', { card: 'NV9999', pin: '147258' }).catch((e: ApiFailure) => e)) as ApiFailure;
    const wrong = (await call('staff.signIn', { card: 'NV0001', pin: '9999' }).catch((e: ApiFailure) => e)) as ApiFailure;
    expect(unknown.apiError).toEqual(wrong.apiError);
  });

  it('signs staff out after 15 idle minutes', async () => {
    const { call, clock } = await openTestKiosk();
    const { token } = await call<{ token: string }>('staff.signIn', { card: 'KT0001', pin: '246813' });
    clock.advance(16 * 60 * 1000);
    await expect(call('staff.whoami', { staffToken: token })).rejects.toMatchObject({ apiError: { reason: 'staff_signed_out' } });
  });

  it('never stores a PIN in clear', async () => {
    const { kiosk } = await openTestKiosk();
    const rows = kiosk.db.prepare('SELECT pin_hash FROM staff').all() as { pin_hash: string }[];
    expect(rows.every((r) => r.pin_hash.startsWith('scrypt$') && !r.pin_hash.includes('1234'))).toBe(true);
  });
});
