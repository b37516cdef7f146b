// Staff's requests reach a room kiosk at once (issue #18, item 4). Between heartbeats each kiosk
// keeps one request waiting at the hub (ROOM_WAIT_PATH); the hub answers it the moment staff ask
// something of that PC, or of the whole room, and the kiosk then beats at once and carries the
// request out. Otherwise the hub answers "nothing" after ROOM_WAIT_MS and the kiosk asks again.
//
// One wait is held per PC (a second replaces the first), so a paired PC cannot pile held requests
// up on the hub. A wake is owed to the PC until its next heartbeat: a wait that comes while one is
// owed (the wake came between two waits, or found only a dead connection) is answered at once, and
// the heartbeat, which carries what changed, settles it.
import type { ServerResponse } from 'node:http';
import { ROOM_WAIT_MS, type RoomWaitReply } from '#contract/room';
import type { KioskContext } from '../context';
import { listPcs } from './pcs';
import { sendJson } from './refusals';

interface Waiting {
  res: ServerResponse | null;
  timer: ReturnType<typeof setTimeout> | undefined;
  owed: boolean;
}

const boards = new WeakMap<KioskContext, Map<number, Waiting>>();

function waitingOf(ctx: KioskContext, pcId: number): Waiting {
  let board = boards.get(ctx);
  if (!board) {
    board = new Map();
    boards.set(ctx, board);
  }
  let waiting = board.get(pcId);
  if (!waiting) {
    waiting = { res: null, timer: undefined, owed: false };
    board.set(pcId, waiting);
  }
  return waiting;
}

/** Answers the wait held, if its connection still lives; whether it was answered. */
function answer(waiting: Waiting, wake: boolean): boolean {
  clearTimeout(waiting.timer);
  waiting.timer = undefined;
  const res = waiting.res;
  waiting.res = null;
  if (!res || res.writableEnded || res.destroyed) return false;
  sendJson(res, 200, { wake } satisfies RoomWaitReply);
  return true;
}

/** Holds a paired PC's wait until staff ask something of it, or ROOM_WAIT_MS pass. */
export function holdWait(ctx: KioskContext, pcId: number, res: ServerResponse): void {
  const waiting = waitingOf(ctx, pcId);
  answer(waiting, false);
  if (waiting.owed) {
    sendJson(res, 200, { wake: true } satisfies RoomWaitReply);
    return;
  }
  waiting.res = res;
  waiting.timer = setTimeout(() => answer(waiting, false), ROOM_WAIT_MS);
  waiting.timer.unref?.();
  res.on('close', () => {
    if (waiting.res !== res) return;
    clearTimeout(waiting.timer);
    waiting.res = null;
  });
}

/** Staff asked something of this PC (a console request, maintenance, its removal from the room). */
export function wakePc(ctx: KioskContext, pcId: number): void {
  const waiting = waitingOf(ctx, pcId);
  waiting.owed = true;
  answer(waiting, true);
}

/** Staff changed what holds for every PC (the room's emergency close), whether or not it waits now. */
export function wakeRoom(ctx: KioskContext): void {
  for (const pc of listPcs(ctx.db)) if (!pc.revokedAt) wakePc(ctx, pc.id);
}

/** The PC's heartbeat took what changed: nothing is owed to it any more. */
export function heardFrom(ctx: KioskContext, pcId: number): void {
  const waiting = boards.get(ctx)?.get(pcId);
  if (waiting) waiting.owed = false;
}
