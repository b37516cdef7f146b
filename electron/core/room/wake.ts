// Staff's requests reach a room kiosk at once (issue #18, item 4). Between heartbeats each kiosk
// keeps one request waiting at the hub (ROOM_WAIT_PATH); the hub answers it the moment staff ask
// something of that PC, or of the whole room, and the kiosk then beats at once and carries the
// request out. Otherwise the hub answers "nothing" after ROOM_WAIT_MS and the kiosk asks again.
//
// One wait is held per PC (a second replaces the first), so a paired PC cannot pile requests up on
// the hub. A wake that finds no wait held is owed to that PC and answers its next wait at once, so a
// request made between two waits is not left for the next heartbeat.
import type { ServerResponse } from 'node:http';
import { ROOM_WAIT_MS, type RoomWaitReply } from '#contract/room';
import type { KioskContext } from '../context';
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

function answer(waiting: Waiting, wake: boolean): void {
  clearTimeout(waiting.timer);
  waiting.timer = undefined;
  const res = waiting.res;
  waiting.res = null;
  if (res && !res.writableEnded && !res.destroyed) sendJson(res, 200, { wake } satisfies RoomWaitReply);
}

/** Holds a paired PC's wait until staff ask something of it, or ROOM_WAIT_MS pass. */
export function holdWait(ctx: KioskContext, pcId: number, res: ServerResponse): void {
  const waiting = waitingOf(ctx, pcId);
  answer(waiting, false);
  if (waiting.owed) {
    waiting.owed = false;
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
  if (waiting.res) answer(waiting, true);
  else waiting.owed = true;
}

/** Staff changed what holds for every PC (the room's emergency close). */
export function wakeRoom(ctx: KioskContext): void {
  for (const pcId of boards.get(ctx)?.keys() ?? []) wakePc(ctx, pcId);
}
