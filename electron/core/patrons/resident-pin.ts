// The resident's optional PIN: it protects a card number typed on screen (someone who knows or
// guesses a neighbour's number cannot borrow on it). Chosen at registration or set at the staff
// desk; stored only as a scrypt hash; wrong tries counted atomically like staff PINs
// (security/attempts.ts) and the PIN locks for a while after too many.
import type { KioskContext } from '../context';
import { KioskError, refused } from '../errors';
import { clearAttempts, reserveAttempt } from '../security/attempts';
import { hashPin, verifyPin } from '../staff/pin';
import { recordEvent } from '../store/event-types';
import type { Patron } from './lookup';
import { pinModeOf } from './categories';

export const RESIDENT_PIN = /^\d{4,6}$/;

export function hasResidentPin(ctx: KioskContext, patronId: number): boolean {
  return ctx.db.prepare('SELECT 1 FROM patron_pins WHERE patron_id = ?').get(patronId) !== undefined;
}

/** A PIN easy to guess by a neighbour: all the same digit or a straight run (1111, 1234, 4321). */
export function residentPinProblem(pin: string): string | undefined {
  if (!RESIDENT_PIN.test(pin)) return 'Mã PIN gồm 4 đến 6 chữ số. Hãy nhập lại.';
  const digits = [...pin].map(Number);
  const same = digits.every((d) => d === digits[0]);
  const up = digits.every((d, i) => i === 0 || d === (digits[i - 1]! + 1) % 10);
  const down = digits.every((d, i) => i === 0 || d === (digits[i - 1]! + 9) % 10);
  if (same || up || down) return 'Mã PIN này quá dễ đoán (các số giống nhau hoặc liên tiếp). Hãy chọn mã khác.';
  return undefined;
}

/** A category that asks the PIN at every card sign-in cannot issue a card without one. */
export function requirePinWhenCategoryAsks(ctx: KioskContext, category: string, pin: string | undefined): void {
  if (pin === undefined && pinModeOf(ctx.config, category) === 'required') {
    throw refused('resident_pin_missing', 'Loại bạn đọc này cần mã PIN riêng để dùng thẻ. Hãy chọn mã PIN gồm 4 đến 6 chữ số.');
  }
}

/** The scrypt hash of a PIN this category allows and a neighbour would not guess, or a refusal. */
export async function pinHashFor(ctx: KioskContext, category: string, pin: string): Promise<string> {
  if (pinModeOf(ctx.config, category) === 'off') {
    throw refused('resident_pin_off', 'Loại bạn đọc này không dùng mã PIN riêng theo cấu hình của thư viện.');
  }
  const problem = residentPinProblem(pin);
  if (problem) throw refused('resident_pin_weak', problem);
  return hashPin(pin);
}

/** Stores a PIN hash for a patron (new or replacing one, which also clears a lock), inside the caller's transaction. */
export function storePinHash(ctx: KioskContext, patronId: number, hash: string, by: 'resident' | 'staff'): void {
  ctx.db
    .prepare(
      `INSERT INTO patron_pins (patron_id, pin_hash, set_at, set_by) VALUES (?, ?, ?, ?)
       ON CONFLICT (patron_id) DO UPDATE SET pin_hash = excluded.pin_hash, failed_attempts = 0, locked_until = NULL, set_at = excluded.set_at, set_by = excluded.set_by`,
    )
    .run(patronId, hash, new Date(ctx.clock.now()).toISOString(), by);
}

/** Sets (or with `null` removes) a resident's PIN. A category that requires one cannot lose it. */
export async function setResidentPin(ctx: KioskContext, patron: Patron, pin: string | null, by: 'resident' | 'staff', staffId: number | null): Promise<void> {
  if (pin === null && pinModeOf(ctx.config, patron.category) === 'required') {
    throw refused('resident_pin_required_by_category', 'Loại bạn đọc này luôn cần mã PIN, nên không xóa được. Hãy đặt một mã PIN mới thay vì xóa.');
  }
  const hash = pin === null ? null : await pinHashFor(ctx, patron.category, pin);
  ctx.db.transaction(() => {
    if (hash === null) ctx.db.prepare('DELETE FROM patron_pins WHERE patron_id = ?').run(patron.id);
    else storePinHash(ctx, patron.id, hash, by);
    if (staffId !== null)
      recordEvent(ctx.db, ctx.clock, 'staff.action', {
        staffId,
        action: hash === null ? 'resident_pin.removed' : 'resident_pin.set',
        target: String(patron.id),
      });
  })();
}

/** Checks a resident's PIN; wrong tries count towards the lock in one write transaction each. */
export async function checkResidentPin(ctx: KioskContext, patron: Patron, pin: string | undefined): Promise<void> {
  const row = ctx.db.prepare('SELECT pin_hash FROM patron_pins WHERE patron_id = ?').get(patron.id) as { pin_hash: string } | undefined;
  if (!row) throw refused('resident_pin_needed', 'Thẻ này chỉ dùng được khi quét thẻ. Hãy quét thẻ thư viện hoặc CCCD, hoặc gặp cán bộ để đặt mã PIN.');
  if (pin === undefined) throw new KioskError('unauthorized', 'Hãy nhập mã PIN của bạn để dùng thẻ này.', { reason: 'resident_pin_required' });
  const policy = { maxAttempts: ctx.config.circulation.residentPinAttempts, lockMinutes: ctx.config.circulation.residentPinLockMinutes };
  const reservation = reserveAttempt(ctx.db, 'patron_pins', patron.id, ctx.clock.now(), policy);
  // A card whose category asks the PIN even when scanned cannot fall back on the scan.
  const instead = pinModeOf(ctx.config, patron.category) === 'required' ? '' : 'Hãy quét thẻ, ';
  if (!reservation.granted) {
    throw refused(
      'resident_pin_locked',
      `Mã PIN của thẻ này tạm khóa vì nhập sai nhiều lần. ${instead}${instead ? 't' : 'T'}hử lại sau ${reservation.minutes} phút, hoặc gặp cán bộ thư viện để đặt mã PIN mới.`,
      { minutes: reservation.minutes },
    );
  }
  if (await verifyPin(pin, row.pin_hash)) {
    clearAttempts(ctx.db, 'patron_pins', patron.id);
    return;
  }
  if (reservation.last) {
    throw refused(
      'resident_pin_locked',
      `Nhập sai mã PIN quá nhiều lần: mã PIN của thẻ này khóa ${policy.lockMinutes} phút. ${instead ? 'Hãy quét thẻ hoặc gặp' : 'Hãy gặp'} cán bộ thư viện để đặt mã PIN mới.`,
      { minutes: policy.lockMinutes },
    );
  }
  throw new KioskError('unauthorized', 'Mã PIN không đúng. Hãy nhập lại.', { reason: 'resident_pin_wrong' });
}
