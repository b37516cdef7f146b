// Staff on room methods. A kiosk checks its staff's card and PIN itself and vouches for them by card
// and role (its certificate proves the kiosk); the hub then acts for the staff member of ITS OWN
// records with that card, never above the role either side knows. So an officer enrolled on the hub
// can manage the room's patrons from any paired PC, and a card the hub does not know does nothing.
import type { StaffMember } from '#contract/staff';
import type { Access } from '#contract';
import type { Caller } from '../api/access';
import { KioskError } from '../errors';
import type { Db } from '../store/open';

export interface VouchedStaff {
  card: string;
  role: StaffMember['role'];
}

/** The kiosk side: the card of the staff member this kiosk signed in (the registry resolved the token). */
export function vouchFor(db: Db, staff: StaffMember): VouchedStaff {
  const row = db.prepare('SELECT card_number FROM staff WHERE id = ?').get(staff.id) as { card_number: string } | undefined;
  if (!row)
    throw new KioskError('unauthorized', 'Phiên làm việc của cán bộ đã hết. Vui lòng đăng nhập lại bằng thẻ cán bộ và mã PIN.', { reason: 'staff_signed_out' });
  return { card: row.card_number, role: staff.role };
}

/** The hub side: the caller a vouched staff member is on the hub, for a method of this access. */
export function roomStaffCaller(db: Db, vouched: VouchedStaff | undefined, access: Exclude<Access, 'anyone' | 'resident'>): Caller {
  const row = vouched
    ? (db.prepare('SELECT id, display_name, role FROM staff WHERE card_number = ?').get(vouched.card.trim().toUpperCase()) as
        { id: number; display_name: string; role: StaffMember['role'] } | undefined)
    : undefined;
  if (!vouched || !row) {
    throw new KioskError(
      'unauthorized',
      'Thẻ cán bộ này chưa có trên máy trung tâm của phòng đọc, nên việc này không làm được từ máy trạm. Hãy thêm cán bộ trên máy trung tâm hoặc làm việc này ngay tại máy trung tâm.',
      { reason: 'room_staff_unknown' },
    );
  }
  if (access === 'technician' && (row.role !== 'technician' || vouched.role !== 'technician')) {
    throw new KioskError('unauthorized', 'Chức năng này chỉ dành cho kỹ thuật viên.', { reason: 'technician_only' });
  }
  return { access, staff: { id: row.id, displayName: row.display_name, role: row.role } };
}
