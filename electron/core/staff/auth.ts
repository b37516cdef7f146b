// Staff sign-in with card + PIN, lockout after repeated wrong PINs, and short-lived tokens that
// staff-only methods check with `requireStaff`. Tokens live in memory: a restart signs staff out.
import { randomBytes } from 'node:crypto';
import type { StaffMember } from '#contract/staff';
import type { KioskContext } from '../context';
import { KioskError } from '../errors';
import { clearAttempts, reserveAttempt } from '../security/attempts';
import { recordEvent } from '../store/event-types';
import { verifyPin } from './pin';

/** A signed-in staff member is signed out after this long without using the token. */
export const STAFF_IDLE_MS = 15 * 60 * 1000;

interface Grant {
  staff: StaffMember;
  lastUsed: number;
}

const grantsByKiosk = new WeakMap<KioskContext, Map<string, Grant>>();

function grants(ctx: KioskContext): Map<string, Grant> {
  let map = grantsByKiosk.get(ctx);
  if (!map) grantsByKiosk.set(ctx, (map = new Map()));
  return map;
}

interface StaffRow {
  id: number;
  display_name: string;
  role: 'staff' | 'technician';
  pin_hash: string;
}

const wrongPin = () => new KioskError('unauthorized', 'Thẻ cán bộ hoặc mã PIN không đúng. Vui lòng thử lại.', { reason: 'wrong_pin' });
const lockedOut = (minutes: number) =>
  new KioskError('refused', `Tài khoản tạm khóa do nhập sai mã PIN nhiều lần. Vui lòng thử lại sau ${minutes} phút.`, {
    reason: 'staff_locked',
    params: { minutes },
  });

/** A hash no PIN matches, so an unknown card costs the same scrypt time as a known one. */
const DECOY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export async function signIn(ctx: KioskContext, card: string, pin: string): Promise<{ token: string; staff: StaffMember; expiresInSeconds: number }> {
  const { db, clock, config } = ctx;
  const row = db.prepare('SELECT id, display_name, role, pin_hash FROM staff WHERE card_number = ?').get(card.trim().toUpperCase()) as StaffRow | undefined;
  if (!row) {
    // Same cost and message as a wrong PIN, so a card number cannot be probed.
    await verifyPin(pin, DECOY_HASH);
    db.transaction(() => recordEvent(db, clock, 'staff.sign_in_failed', { staffId: null, locked: false }))();
    throw wrongPin();
  }
  const reservation = reserveAttempt(db, 'staff', row.id, clock.now(), { maxAttempts: config.staff.maxPinAttempts, lockMinutes: config.staff.lockMinutes });
  if (!reservation.granted) throw lockedOut(reservation.minutes);
  if (!(await verifyPin(pin, row.pin_hash))) {
    db.transaction(() => recordEvent(db, clock, 'staff.sign_in_failed', { staffId: row.id, locked: reservation.last }))();
    if (!reservation.last) throw wrongPin();
    throw new KioskError('refused', `Nhập sai mã PIN ${config.staff.maxPinAttempts} lần: tài khoản bị khóa ${config.staff.lockMinutes} phút.`, {
      reason: 'staff_locked',
      params: { minutes: config.staff.lockMinutes },
    });
  }
  clearAttempts(db, 'staff', row.id, () => recordEvent(db, clock, 'staff.signed_in', { staffId: row.id, role: row.role }));
  const staff: StaffMember = { id: row.id, displayName: row.display_name, role: row.role };
  const token = randomBytes(24).toString('base64url');
  grants(ctx).set(token, { staff, lastUsed: clock.monotonic() });
  return { token, staff, expiresInSeconds: STAFF_IDLE_MS / 1000 };
}

export function signOut(ctx: KioskContext, token: string): void {
  grants(ctx).delete(token);
}

/** The staff member behind a token, or an `unauthorized` error; a technician may do what staff may. */
export function requireStaff(ctx: KioskContext, token: string, role: 'staff' | 'technician' = 'staff'): StaffMember {
  const grant = grants(ctx).get(token);
  const now = ctx.clock.monotonic();
  if (!grant || now - grant.lastUsed > STAFF_IDLE_MS) {
    if (grant) grants(ctx).delete(token);
    throw new KioskError('unauthorized', 'Phiên làm việc của cán bộ đã hết. Vui lòng đăng nhập lại bằng thẻ cán bộ và mã PIN.', { reason: 'staff_signed_out' });
  }
  if (role === 'technician' && grant.staff.role !== 'technician') {
    throw new KioskError('unauthorized', 'Chức năng này chỉ dành cho kỹ thuật viên.', { reason: 'technician_only' });
  }
  grant.lastUsed = now;
  return grant.staff;
}

export function registerStaffAuth(ctx: KioskContext): void {
  ctx.registry.register('staff.signIn', ({ card, pin }) => signIn(ctx, card, pin));
  ctx.registry.register('staff.signOut', ({ staffToken }) => {
    signOut(ctx, staffToken);
    return { ok: true as const };
  });
  ctx.registry.register('staff.whoami', ({ staffToken }) => requireStaff(ctx, staffToken));
}

/** Whether a technician is signed in now (not idle past STAFF_IDLE_MS): USB updates are offered only then. */
export function technicianSignedIn(ctx: KioskContext): boolean {
  const now = ctx.clock.monotonic();
  return [...grants(ctx).values()].some((g) => g.staff.role === 'technician' && now - g.lastUsed < STAFF_IDLE_MS);
}
