// A room kiosk's heartbeat (issue #18, item 4): every few seconds, and at once when its internet
// service changes, it tells the hub what its PC is doing, and carries out what staff asked of it from
// any console of the room. A request is carried out at most once: its number is written to the
// store before it is acted on (a power cut in between loses the request rather than doing it twice),
// and its acknowledgement is sent again until a heartbeat gets through. Each request is checked on
// its own, so one this kiosk does not know (a newer hub) is refused without holding up the others.
// Between beats the kiosk keeps one request waiting at the hub (wake.ts), which the hub answers the
// moment staff ask something of this PC: the kiosk then beats at once, so a request from a console
// is carried out within a moment rather than at the next beat.
import { setTimeout as sleep } from 'node:timers/promises';
import { ROOM_HEARTBEAT_MS, roomCommand, type RoomHeartbeat } from '#contract/room';
import type { KioskContext } from '../context';
import { internetOf } from '../internet/context';
import { applyConsoleAction, internetReport, reportShape, stateShape } from '../internet/room-report';
import { openSession } from '../internet/sessions-store';
import { endByStaff, followRoomEmergency } from '../internet/staff-actions';
import { followRoomMaintenance } from '../system/maintenance';
import type { Maintenance } from '#contract/system';
import { getMeta, setMeta } from '../store/meta';
import type { HubLink } from './client';

/** How many carried-out request numbers are remembered (far more than can be pending at once). */
const REMEMBERED = 200;
const CARRIED_META = 'room.carried_requests';
/** How long a kiosk leaves the wait alone after a hub without it, or one refusing this PC. */
const WAIT_AGAIN_MS = 10 * 60_000;
const NOT_UNDERSTOOD = 'Máy này chưa hiểu yêu cầu này (phần mềm của máy cũ hơn máy trung tâm). Hãy cập nhật phần mềm cho máy.';

function carriedOf(ctx: KioskContext): number[] {
  try {
    const list = JSON.parse(getMeta(ctx.db, CARRIED_META) ?? '[]') as unknown;
    return Array.isArray(list) ? list.filter((id): id is number => Number.isInteger(id)) : [];
  } catch {
    return [];
  }
}

/** Into maintenance as the hub says; a session that began meanwhile (staff checked there was none) ends as staff's. */
function followMaintenance(ctx: KioskContext, maintenance: Maintenance | null): boolean {
  if (!followRoomMaintenance(ctx, maintenance)) return false;
  const ic = internetOf(ctx);
  if (maintenance && openSession(ic.db)) endByStaff(ic, null);
  return true;
}

export function startHeartbeat(ctx: KioskContext, link: HubLink): () => void {
  const ic = internetOf(ctx);
  let done: RoomHeartbeat['done'] = [];
  const carried = carriedOf(ctx);
  let sending = false;
  let again = false;
  let stopped = false;
  let lastShape = '';

  /** Carries out one request from the hub's answer, at most once; what to acknowledge. */
  const carryOut = (raw: unknown): RoomHeartbeat['done'][number] | null => {
    const id = (raw as { id?: unknown })?.id;
    if (typeof id !== 'number' || !Number.isInteger(id) || id <= 0) return null;
    if (carried.includes(id)) return { id, refused: null };
    carried.push(id);
    if (carried.length > REMEMBERED) carried.shift();
    setMeta(ctx.db, CARRIED_META, JSON.stringify(carried));
    const command = roomCommand.safeParse(raw);
    if (!command.success) return { id, refused: NOT_UNDERSTOOD };
    try {
      applyConsoleAction(ic, command.data, null);
      return { id, refused: null };
    } catch (error) {
      return { id, refused: String((error as Error)?.message ?? error).slice(0, 300) };
    }
  };

  const beat = async (): Promise<void> => {
    if (stopped) return;
    if (sending) {
      again = true;
      return;
    }
    sending = true;
    try {
      const report = internetReport(ic);
      lastShape = reportShape(report);
      const reply = await link.heartbeat({ internet: report, done });
      if (!reply || stopped) return;
      done = [];
      for (const raw of reply.commands) {
        const outcome = carryOut(raw);
        if (outcome && !done.some((d) => d.id === outcome.id)) done.push(outcome);
      }
      // The room's emergency close holds for this PC too (an older hub says nothing: nothing changes).
      const followed = reply.room ? followRoomEmergency(ic, reply.room.emergency) : false;
      const serviced = reply.room?.maintenance !== undefined && followMaintenance(ctx, reply.room.maintenance);
      // What was carried out changed this PC: say so now rather than in five seconds.
      if (reply.commands.length > 0 || followed || serviced) again = true;
    } catch (error) {
      ctx.log.log('warn', 'room.heartbeat_failed', { error: String((error as Error)?.message ?? error).slice(0, 200) });
    } finally {
      sending = false;
      if (again && !stopped) {
        again = false;
        void beat();
      }
    }
  };

  // Never keeps the process alive by itself.
  const pause = (ms: number) => sleep(ms, undefined, { ref: false });
  const waitForRequests = async (): Promise<void> => {
    while (!stopped) {
      const askedMono = ctx.clock.monotonic();
      const answer = await link.wait();
      if (stopped) return;
      if (answer === 'wake') void beat();
      // An older hub, or one that refuses this PC: the beats alone carry requests (and say why), and
      // the wait is tried again now and then (the hub may be upgraded, the PC paired again).
      if (answer === 'unsupported' || answer === 'refused') await pause(WAIT_AGAIN_MS);
      // The hub did not answer: not again before a beat's time, so a lost hub is not called in a loop;
      // nor more than once a second, whatever a hub answers.
      else if (answer === null) await pause(ROOM_HEARTBEAT_MS);
      else await pause(Math.max(0, 1_000 - (ctx.clock.monotonic() - askedMono)));
    }
  };

  const timer = setInterval(() => void beat(), ROOM_HEARTBEAT_MS);
  timer.unref?.();
  // A session starting, ending or stepping away shows on the consoles at once; the countdown's
  // every-second state does not (the minutes left go with the regular beat).
  const off = ctx.bus.on('internet.state', (state) => {
    if (!stopped && stateShape(state) !== lastShape) void beat();
  });
  void beat();
  void waitForRequests();
  return () => {
    stopped = true;
    clearInterval(timer);
    off();
  };
}
