// One-day guest codes for visitors without a library card, created in batches by staff (or a
// technician's `kiosk guest-pass create`).
import type { StaffMember } from '#contract/staff';
import { refused } from '../errors';
import { recordEvent } from '../store/event-types';
import { nowIso, today, type InternetContext } from './context';
import { newGuestCode } from './guest-code';
import * as store from './sessions-store';

export function createGuestPasses(ic: InternetContext, staff: StaffMember | null, minutes: number, count: number): store.GuestPassRow[] {
  const { db, clock } = ic;
  const max = ic.config.guestPass.maxMinutes;
  if (minutes > max) throw refused('guest_too_long', `Mã khách dùng tối đa ${max} phút theo cấu hình của phòng đọc. Hãy chọn số phút nhỏ hơn.`, { max });
  const day = today(ic);
  const at = nowIso(ic);
  const codes: string[] = [];
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      let code = newGuestCode();
      while (store.guestPassByCode(db, code)) code = newGuestCode();
      store.insertGuestPass(db, code, minutes, day, at, staff?.id ?? null);
      codes.push(code);
    }
    if (staff) recordEvent(db, clock, 'staff.action', { staffId: staff.id, action: 'internet.guest_passes', target: `count:${count}` });
  })();
  return codes.map((code) => store.guestPassByCode(db, code)!);
}

export function guestPassesToday(ic: InternetContext): store.GuestPassRow[] {
  return store.guestPassesOn(ic.db, today(ic));
}
