// Which contract methods belong to the room (issue #18): on a paired kiosk they are answered by the
// hub, and they are all the hub answers a kiosk. First slice: circulation (sign-in, loans, returns,
// holds, receipts), patrons and their rights — a book borrowed at PC 1 can be returned at PC 2 —
// and the staff console of the room's PCs.
// Still per PC for now: the internet session and its minutes, the queue, the catalogue search.
import { methods, type MethodName } from '#contract';

const ROOM_FEATURES = ['circulation.', 'patrons.', 'rights.'] as const;
/** The console of the room's PCs is the hub's (console.ts). */
const ROOM_CONSOLE: readonly MethodName[] = ['room.console', 'room.console.act', 'room.console.emergency', 'room.console.maintenance'];

export const roomMethods: readonly MethodName[] = (Object.keys(methods) as MethodName[]).filter(
  (name) => ROOM_FEATURES.some((prefix) => name.startsWith(prefix)) || ROOM_CONSOLE.includes(name),
);

export function isRoomMethod(name: string): name is MethodName {
  return (roomMethods as readonly string[]).includes(name);
}

/** Receipts are put together where the loans are (the hub) and printed where the resident stands. */
export const RECEIPT_METHODS: readonly MethodName[] = ['circulation.receipt', 'circulation.returnReceipt'];
