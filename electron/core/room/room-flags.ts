// What staff set for the room from its console and every PC follows (issue #18, item 4): the
// emergency close of the whole room's internet, and a PC put into maintenance. Both live in the
// hub's store, so they outlast a restart, and ride on every heartbeat's answer, so a PC offline at
// the time follows on its return (heartbeat.ts). On a standalone kiosk they are that PC's own.
import { roomEmergency as roomEmergencySchema, type RoomConsolePc, type RoomEmergency } from '#contract/room';
import type { StaffMember } from '#contract/staff';
import { maintenance as maintenanceSchema, type Maintenance } from '#contract/system';
import { z } from 'zod';
import type { KioskContext } from '../context';
import { refused } from '../errors';
import { internetOf } from '../internet/context';
import { openSession } from '../internet/sessions-store';
import { emergencyClose, reopen } from '../internet/staff-actions';
import { emergencyClosed } from '../internet/state';
import { recordEvent } from '../store/event-types';
import { getMeta, setMeta } from '../store/meta';
import { setOwnMaintenance } from '../system/maintenance';
import { readRoomState } from './state';
import { wakePc, wakeRoom } from './wake';

const ROOM_EMERGENCY_META = 'room.emergency_closed';
/** The paired PCs in maintenance: their id → who and since when. */
const ROOM_MAINTENANCE_META = 'room.pcs_in_maintenance';
const maintenanceMap = z.record(z.string(), maintenanceSchema);

const isHub = (ctx: KioskContext) => readRoomState(ctx.dataDir)?.role === 'hub';
const stamp = (ctx: KioskContext, staff: StaffMember) => ({ by: staff.displayName.slice(0, 120), at: new Date(ctx.clock.now()).toISOString() });

function readJson<T>(ctx: KioskContext, key: string, schema: z.ZodType<T>): T | null {
  const raw = getMeta(ctx.db, key);
  if (!raw) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Whether staff closed the room's internet: the hub's room-wide flag, or a standalone kiosk's own close. */
export function roomEmergency(ctx: KioskContext): RoomEmergency | null {
  if (!isHub(ctx)) {
    const own = emergencyClosed(internetOf(ctx));
    return own ? { by: own.by, at: own.at } : null;
  }
  return readJson(ctx, ROOM_EMERGENCY_META, roomEmergencySchema);
}

/**
 * Closes the internet of every PC in the room, ending their sessions, or reopens it. The hub records
 * who asked and closes its own PC at once; each paired PC follows with its next heartbeat, at once when
 * its wait at the hub is answered (wake.ts; one cut off
 * from the hub cannot hear it: staff close it there).
 */
export function setRoomEmergency(ctx: KioskContext, staff: StaffMember, closed: boolean): void {
  if (isHub(ctx)) {
    ctx.db.transaction(() => {
      setMeta(ctx.db, ROOM_EMERGENCY_META, closed ? JSON.stringify(stamp(ctx, staff)) : '');
      recordEvent(ctx.db, ctx.clock, 'staff.action', {
        staffId: staff.id,
        action: closed ? 'room.internet_close_all' : 'room.internet_reopen',
        target: 'room',
      });
    })();
    wakeRoom(ctx);
  }
  // This PC (the hub's own, or a standalone kiosk) closes or reopens at once.
  const ic = internetOf(ctx);
  if (closed && !emergencyClosed(ic)) emergencyClose(ic, staff);
  else if (!closed && emergencyClosed(ic)) reopen(ic, staff);
}

/** Whether the hub put paired PC `pcId` into maintenance. */
export function pcMaintenance(ctx: KioskContext, pcId: number): Maintenance | null {
  return readJson(ctx, ROOM_MAINTENANCE_META, maintenanceMap)?.[String(pcId)] ?? null;
}

/**
 * Puts a PC into maintenance or back into service, as staff saw it on the console (`pc`). Not while
 * a resident uses it: staff end the session first, so nobody loses their browsing without a word.
 */
export function setPcMaintenance(ctx: KioskContext, staff: StaffMember, pc: RoomConsolePc, on: boolean, name: string): void {
  const busy = pc.id === 0 ? openSession(ctx.db) !== undefined : pc.internet?.session != null;
  if (on && busy) {
    throw refused('room_pc_in_use', `${name} đang có người dùng Internet. Hãy kết thúc phiên ở máy đó trước, rồi mới chuyển sang bảo trì.`, { name });
  }
  ctx.db.transaction(() => {
    if (pc.id === 0) setOwnMaintenance(ctx, on ? staff.displayName : null);
    else {
      const map = readJson(ctx, ROOM_MAINTENANCE_META, maintenanceMap) ?? {};
      if (on) map[String(pc.id)] ??= stamp(ctx, staff);
      else delete map[String(pc.id)];
      setMeta(ctx.db, ROOM_MAINTENANCE_META, JSON.stringify(map));
    }
    recordEvent(ctx.db, ctx.clock, 'staff.action', {
      staffId: staff.id,
      action: on ? 'room.pc_maintenance_on' : 'room.pc_maintenance_off',
      target: `room_pc:${pc.id}`,
    });
  })();
  if (pc.id !== 0) wakePc(ctx, pc.id);
}
