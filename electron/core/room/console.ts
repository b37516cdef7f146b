// The room's console (issue #18, item 4), answered where the room's store is: on the hub, or on a
// standalone kiosk (a room of one). Each paired PC reports its internet service with a heartbeat
// every few seconds (heartbeat.ts); staff on any PC see every PC and ask one to extend, end or
// message its session. The hub's own PC is acted on at once; another PC takes the request with the
// answer to its next heartbeat, and acknowledges it in the one after, so a request is carried out
// once even when an answer is lost on the way.
//
// Kept in memory: after a hub restart the PCs report again within seconds. A request not yet taken
// dies with the hub and no longer shows as pending, so staff see they must ask again; it is never
// carried out twice, since request numbers start afresh at a random point each time the hub starts.
import { randomInt } from 'node:crypto';
import {
  ROOM_HEARTBEAT_MS,
  type ConsoleAction,
  type PcActivity,
  type PcInternetReport,
  type RoomCommand,
  type RoomConsolePc,
  type RoomConsoleView,
  type RoomHeartbeat,
} from '#contract/room';
import type { StaffMember } from '#contract/staff';
import type { KioskContext } from '../context';
import { notFound, refused } from '../errors';
import { internetOf } from '../internet/context';
import { applyConsoleAction, internetReport, reportShape } from '../internet/room-report';
import { recordEvent } from '../store/event-types';
import { listPcs, saveReport } from './pcs';
import { readRoomState } from './state';

/** A PC that missed three heartbeats is shown offline. */
const OFFLINE_AFTER_MS = 3 * ROOM_HEARTBEAT_MS;

interface LivePc {
  report: PcInternetReport | null;
  seenMono: number | null;
  seenAt: string | null;
  commands: RoomCommand[];
  lastRefusal: string | null;
  /** What was last stored for other processes (0096), and when (monotonic). */
  storedShape: string | null;
  storedMono: number;
}

/** A PC's report is stored when its state changes, and at least this often while it reports. */
export const STORE_REPORT_EVERY_MS = 60_000;

interface LiveRoom {
  pcs: Map<number, LivePc>;
  nextId: number;
}

const rooms = new WeakMap<KioskContext, LiveRoom>();

function liveRoom(ctx: KioskContext): LiveRoom {
  let room = rooms.get(ctx);
  if (!room) {
    room = { pcs: new Map(), nextId: randomInt(1, 2 ** 40) };
    rooms.set(ctx, room);
  }
  return room;
}

function livePc(ctx: KioskContext, pcId: number): LivePc {
  const room = liveRoom(ctx);
  let pc = room.pcs.get(pcId);
  if (!pc) {
    pc = { report: null, seenMono: null, seenAt: null, commands: [], lastRefusal: null, storedShape: null, storedMono: 0 };
    room.pcs.set(pcId, pc);
  }
  return pc;
}

/** A paired PC's heartbeat on the hub: its report is kept, and staff's requests not yet acknowledged go back. */
export function noteHeartbeat(ctx: KioskContext, pcId: number, beat: RoomHeartbeat): RoomCommand[] {
  const pc = livePc(ctx, pcId);
  pc.report = beat.internet;
  pc.seenMono = ctx.clock.monotonic();
  pc.seenAt = new Date(ctx.clock.now()).toISOString();
  const shape = reportShape(beat.internet);
  if (shape !== pc.storedShape || pc.seenMono - pc.storedMono >= STORE_REPORT_EVERY_MS) {
    saveReport(ctx.db, pcId, beat.internet, ctx.clock.now());
    pc.storedShape = shape;
    pc.storedMono = pc.seenMono;
  }
  const acknowledged = new Set(beat.done.map((d) => d.id));
  for (const d of beat.done) if (d.refused !== null && pc.commands.some((c) => c.id === d.id)) pc.lastRefusal = d.refused;
  pc.commands = pc.commands.filter((c) => !acknowledged.has(c.id));
  return pc.commands;
}

export function activityOf(report: PcInternetReport | null, offline: boolean): PcActivity {
  if (offline || !report) return 'offline';
  switch (report.phase) {
    case 'active':
    case 'suspended':
      return report.session?.awayEndsInSeconds != null ? 'away' : 'in_session';
    case 'free':
      return report.heldForTicket !== null ? 'held' : 'free';
    default:
      return report.phase;
  }
}

/** Every PC of the room as staff see it: this one first (id 0), then the paired PCs in pairing order. */
export function roomConsole(ctx: KioskContext): RoomConsoleView {
  const state = readRoomState(ctx.dataDir);
  if (state?.role === 'kiosk') throw new Error('a room kiosk forwards room.console to its hub');
  const here = internetReport(internetOf(ctx));
  const own: RoomConsolePc = {
    id: 0,
    name: state?.role === 'hub' ? 'Máy trung tâm' : 'Máy này',
    state: activityOf(here, false),
    internet: here,
    lastSeenAt: new Date(ctx.clock.now()).toISOString(),
    pending: 0,
    lastRefusal: null,
  };
  if (state?.role !== 'hub') return { role: 'standalone', pcs: [own] };
  const room = liveRoom(ctx);
  const now = ctx.clock.monotonic();
  const paired = listPcs(ctx.db)
    .filter((pc) => pc.revokedAt === null)
    .map((pc): RoomConsolePc => {
      const live = room.pcs.get(pc.id);
      const offline = live?.seenMono == null || now - live.seenMono > OFFLINE_AFTER_MS;
      return {
        id: pc.id,
        name: pc.name,
        state: activityOf(live?.report ?? null, offline),
        internet: offline ? null : (live?.report ?? null),
        lastSeenAt: live?.seenAt ?? pc.lastSeenAt,
        pending: live?.commands.length ?? 0,
        lastRefusal: live?.lastRefusal ?? null,
      };
    });
  return { role: 'hub', pcs: [own, ...paired] };
}

/**
 * Staff's request from a console. This PC's session is acted on at once (the internet feature records
 * it as staff's); another PC's request waits for its next heartbeat, and the hub records who asked.
 */
export function actOnPc(ctx: KioskContext, staff: StaffMember, pcId: number, action: ConsoleAction): { applied: boolean } {
  if (pcId === 0) {
    applyConsoleAction(internetOf(ctx), action, staff);
    return { applied: true };
  }
  const view = roomConsole(ctx).pcs.find((pc) => pc.id === pcId);
  if (!view) throw notFound('room_pc_unknown', 'Không có máy này trong phòng (có thể máy đã bị gỡ khỏi phòng). Hãy tải lại bảng các máy.');
  if (view.state === 'offline') {
    throw refused(
      'room_pc_offline',
      `${view.name} đang mất kết nối với máy trung tâm, nên yêu cầu không đến được. Hãy đến tận máy đó, hoặc thử lại khi máy có kết nối.`,
    );
  }
  if (!view.internet?.session) {
    throw refused('no_session', `${view.name} hiện không có phiên Internet nào.`);
  }
  const room = liveRoom(ctx);
  const command = { ...action, id: room.nextId++ } as RoomCommand;
  livePc(ctx, pcId).commands.push(command);
  ctx.db.transaction(() =>
    recordEvent(ctx.db, ctx.clock, 'staff.action', { staffId: staff.id, action: `room.internet_${action.action}`, target: `room_pc:${pcId}` }),
  )();
  return { applied: false };
}
