// On a room kiosk, loans and patrons live on the hub (methods.ts): code that would read or change
// them straight in this PC's store (CLI commands beside the contract) asks here first.
import type { KioskContext } from '../context';
import { refused } from '../errors';
import { readRoomState } from './state';

export function requireRoomStore(ctx: KioskContext): void {
  const state = readRoomState(ctx.dataDir);
  if (state?.role !== 'kiosk') return;
  throw refused(
    'room_store_on_hub',
    `Máy này là máy trạm số ${state.pcId} của phòng đọc: sổ mượn trả và bạn đọc nằm ở máy trung tâm (${state.hub.host}). Hãy chạy lệnh này trên máy trung tâm, hoặc làm việc này trên màn hình kiosk.`,
  );
}
