// The room's console (issue #18, item 4), answered where the room's store is: on the hub, or on a
// standalone kiosk (a room of one). Each paired PC reports its internet service with a heartbeat
// every few seconds (heartbeat.ts); staff on any PC see every PC and ask one to extend, end, message
// or lock its session (a locked session's pages are hidden until staff unlock it), put one PC into
// maintenance, or close the whole room's internet in an emergency (a flag on the hub that every PC's
// heartbeat hears, so a PC offline at the time follows on its return). The hub's own PC is acted on
// at once; another PC takes the request with the answer to its next heartbeat (which the hub brings
// forward by waking the PC's waiting request, wake.ts), and acknowledges it in
// the one after, so a request is carried out once even when an answer is lost on the way (the kiosk
// notes a request's number before it acts). A request names the session staff saw, and the PC
// refuses it for any other: it never ends, messages or locks the next resident. One whose PC went
// offline before taking it is dropped and said so on the console, rather than carried out later, on
// the PC's return.
//
// Kept in memory: after a hub restart the PCs report again within seconds. A request not yet taken
// dies with the hub and no longer shows as pending, so staff see they must ask again; it is never
// carried out twice, since request numbers start afresh at a random point each time the hub starts.
import { randomInt } from 'node:crypto';
import {
  ROOM_COMMANDS_SENT,
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
import { maintenanceOf } from '../system/maintenance';
import { listPcs, saveReport } from './pcs';
import { pcMaintenance, roomEmergency } from './room-flags';
import { readRoomState } from './state';
import { wakePc } from './wake';

/** A PC that missed three heartbeats is shown offline. */
const OFFLINE_AFTER_MS = 3 * ROOM_HEARTBEAT_MS;
/** A PC's report is stored when its state changes (at most this often), and at least once a minute while it reports. */
const STORE_AT_MOST_EVERY_MS = 2_000;
export const STORE_REPORT_EVERY_MS = 60_000;

const DROPPED = 'Yêu cầu không đến được máy kịp thời nên đã bỏ; máy không làm gì. Nếu còn cần, hãy làm lại.';

interface Pending {
  command: RoomCommand;
  /** Sent in a heartbeat's answer: the PC may have carried it out, so it waits for its acknowledgement. */
  sent: boolean;
}

interface LivePc {
  report: PcInternetReport | null;
  seenMono: number | null;
  seenAt: string | null;
  pending: Pending[];
  lastRefusal: string | null;
  /** What was last stored for other processes (0096), and when (monotonic). */
  storedShape: string | null;
  storedMono: number;
}

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
    pc = { report: null, seenMono: null, seenAt: null, pending: [], lastRefusal: null, storedShape: null, storedMono: -Infinity };
    room.pcs.set(pcId, pc);
  }
  return pc;
}

/** A PC gone offline drops the requests it has not taken: carried out on its return, they might meet a stranger. */
function dropUntaken(pc: LivePc): void {
  const kept = pc.pending.filter((p) => p.sent);
  if (kept.length < pc.pending.length) pc.lastRefusal = DROPPED;
  pc.pending = kept;
}

/** A paired PC's heartbeat on the hub: its report is kept, and staff's requests not yet acknowledged go back. */
export function noteHeartbeat(ctx: KioskContext, pcId: number, beat: RoomHeartbeat): RoomCommand[] {
  const pc = livePc(ctx, pcId);
  const now = ctx.clock.monotonic();
  pc.report = beat.internet;
  pc.seenMono = now;
  pc.seenAt = new Date(ctx.clock.now()).toISOString();
  const shape = reportShape(beat.internet);
  const since = now - pc.storedMono;
  if ((shape !== pc.storedShape && since >= STORE_AT_MOST_EVERY_MS) || since >= STORE_REPORT_EVERY_MS) {
    saveReport(ctx.db, pcId, beat.internet, ctx.clock.now());
    pc.storedShape = shape;
    pc.storedMono = now;
  }
  // A refusal stays on the card until staff ask that PC something new.
  for (const d of beat.done) if (d.refused !== null && pc.pending.some((p) => p.command.id === d.id)) pc.lastRefusal = d.refused;
  const acknowledged = new Set(beat.done.map((d) => d.id));
  pc.pending = pc.pending.filter((p) => !acknowledged.has(p.command.id));
  const sending = pc.pending.slice(0, ROOM_COMMANDS_SENT);
  for (const p of sending) p.sent = true;
  return sending.map((p) => p.command);
}

export function activityOf(report: PcInternetReport | null, offline: boolean): PcActivity {
  if (offline || !report) return 'offline';
  switch (report.phase) {
    case 'active':
      return report.session?.awayEndsInSeconds != null ? 'away' : 'in_session';
    // Not a ghost of the session: the PC says it was cut short and is not running.
    case 'suspended':
      return 'interrupted';
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
  const ownMaintenance = maintenanceOf(ctx.db);
  const own: RoomConsolePc = {
    id: 0,
    name: state?.role === 'hub' ? 'Máy trung tâm' : 'Máy này',
    state: ownMaintenance ? 'maintenance' : activityOf(here, false),
    internet: here,
    lastSeenAt: new Date(ctx.clock.now()).toISOString(),
    pending: 0,
    lastRefusal: null,
    maintenance: ownMaintenance,
  };
  if (state?.role !== 'hub') return { role: 'standalone', pcs: [own], emergency: roomEmergency(ctx) };
  const room = liveRoom(ctx);
  const now = ctx.clock.monotonic();
  const paired = listPcs(ctx.db).filter((pc) => pc.revokedAt === null);
  // A PC revoked since (or never paired here) keeps nothing in memory.
  for (const id of room.pcs.keys()) if (!paired.some((pc) => pc.id === id)) room.pcs.delete(id);
  const pcs = paired.map((pc): RoomConsolePc => {
    const live = room.pcs.get(pc.id);
    const offline = live?.seenMono == null || now - live.seenMono > OFFLINE_AFTER_MS;
    if (live && offline) dropUntaken(live);
    const maintenance = pcMaintenance(ctx, pc.id);
    return {
      id: pc.id,
      name: pc.name,
      state: !offline && maintenance ? 'maintenance' : activityOf(live?.report ?? null, offline),
      internet: offline ? null : (live?.report ?? null),
      lastSeenAt: live?.seenAt ?? pc.lastSeenAt,
      pending: live?.pending.length ?? 0,
      lastRefusal: live?.lastRefusal ?? null,
      maintenance,
    };
  });
  return { role: 'hub', pcs: [own, ...pcs], emergency: roomEmergency(ctx) };
}

/** One PC as the console shows it, or refused when the room has no such PC (revoked since, say). */
export function pcOnConsole(ctx: KioskContext, pcId: number): RoomConsolePc {
  const view = roomConsole(ctx).pcs.find((pc) => pc.id === pcId);
  if (!view) throw notFound('room_pc_unknown', 'Không có máy này trong phòng (có thể máy đã bị gỡ khỏi phòng). Hãy tải lại bảng các máy.');
  return view;
}

/** How a request is named in the staff actions' record. */
function actionName(action: ConsoleAction): string {
  return action.action === 'lock' ? (action.locked ? 'lock' : 'unlock') : action.action;
}

/**
 * Staff's request from a console, for the session they saw. This PC's session is acted on at once
 * (the internet feature records it as staff's); another PC's request goes with the answer to its
 * next heartbeat, which the PC sends at once when the hub wakes it (wake.ts); the hub records who asked.
 */
export function actOnPc(ctx: KioskContext, staff: StaffMember, pcId: number, action: ConsoleAction & { sessionId: number }): { applied: boolean } {
  if (pcId === 0) {
    applyConsoleAction(internetOf(ctx), action, staff);
    return { applied: true };
  }
  const view = pcOnConsole(ctx, pcId);
  if (view.state === 'offline') {
    throw refused(
      'room_pc_offline',
      `${view.name} đang mất kết nối với máy trung tâm, nên yêu cầu không đến được. Hãy đến tận máy đó, hoặc thử lại khi máy có kết nối.`,
      { name: view.name },
    );
  }
  if (!view.internet?.session) throw refused('no_session', `${view.name} hiện không có phiên Internet nào.`, { name: view.name });
  if (view.internet.session.id !== action.sessionId) {
    throw refused('session_changed', `Phiên ở ${view.name} đã đổi người dùng, nên yêu cầu không được gửi. Hãy xem lại bảng rồi làm lại nếu cần.`, {
      name: view.name,
    });
  }
  const pc = livePc(ctx, pcId);
  if (pc.pending.length >= ROOM_COMMANDS_SENT) {
    throw refused('room_pc_requests_waiting', `${view.name} còn ${pc.pending.length} yêu cầu chưa nhận. Hãy đợi vài giây rồi thử lại.`, {
      name: view.name,
      count: pc.pending.length,
    });
  }
  const room = liveRoom(ctx);
  pc.lastRefusal = null;
  pc.pending.push({ command: { ...action, id: room.nextId++ } as RoomCommand, sent: false });
  ctx.db.transaction(() =>
    recordEvent(ctx.db, ctx.clock, 'staff.action', { staffId: staff.id, action: `room.internet_${actionName(action)}`, target: `room_pc:${pcId}` }),
  )();
  wakePc(ctx, pcId);
  return { applied: false };
}
