// A PC in maintenance (issue #18, item 4): staff take it out of service for residents — a broken
// keyboard, a scanner being replaced — from the room's console or at the PC itself. Its resident
// screens then say it is out of service and point to another PC; staff still sign in at it. The
// flag lives in this PC's store, so it outlasts a restart. A room kiosk follows what the hub says of
// it with each heartbeat (`room` marks a flag set that way, which only the hub then clears).
import type { Maintenance } from '#contract/system';
import type { KioskContext } from '../context';
import { refused } from '../errors';
import { getMeta, setMeta } from '../store/meta';
import type { Db } from '../store/open';

const MAINTENANCE_META = 'kiosk.maintenance';

interface Stored extends Maintenance {
  room?: true;
}

function stored(db: Db): Stored | null {
  const raw = getMeta(db, MAINTENANCE_META);
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<Stored>;
    return typeof value.by === 'string' && typeof value.at === 'string' ? (value as Stored) : null;
  } catch {
    return null;
  }
}

/** Whether this PC is in maintenance, by whom and since when. */
export function maintenanceOf(db: Db): Maintenance | null {
  const value = stored(db);
  return value ? { by: value.by, at: value.at } : null;
}

function save(ctx: KioskContext, value: Stored | null): void {
  setMeta(ctx.db, MAINTENANCE_META, value ? JSON.stringify(value) : '');
  ctx.bus.emit('system.maintenance', { maintenance: value ? { by: value.by, at: value.at } : null });
}

/** Staff at this PC's store (the hub's own PC, or a standalone kiosk) put it into maintenance or back. */
export function setOwnMaintenance(ctx: KioskContext, by: string | null): void {
  const now = stored(ctx.db);
  if (by !== null && !now) save(ctx, { by: by.slice(0, 120), at: new Date(ctx.clock.now()).toISOString() });
  else if (by === null && now) save(ctx, null);
}

/** A room kiosk follows the hub: true when this PC changed. A flag staff set here is not the hub's to clear. */
export function followRoomMaintenance(ctx: KioskContext, room: Maintenance | null): boolean {
  const now = stored(ctx.db);
  if (room && !now) {
    save(ctx, { ...room, room: true });
    return true;
  }
  if (!room && now?.room) {
    save(ctx, null);
    return true;
  }
  return false;
}

/** What a resident service says on a PC in maintenance (a page left open, a card scanned). */
export function refuseInMaintenance(db: Db): void {
  if (maintenanceOf(db)) {
    throw refused('maintenance', 'Máy này đang được bảo trì. Vui lòng dùng máy khác trong phòng hoặc hỏi cán bộ thư viện.');
  }
}
