// The room feature (issue #18). On a hub, the entry point that serves the kiosk (host, Electron)
// calls `serveRoom` to open the room's two ports; a CLI command never does. On a room kiosk, the room's methods (methods.ts) go to the hub through the registry, so
// the screens, IPC, the WebSocket and the CLI all reach the hub without knowing it. A standalone
// kiosk (no room.json) does nothing here.
import type { KioskContext } from '../context';
import { printReceipt } from '../circulation/receipt';
import { createHubLink, type HubLink } from './client';
import { startRoomHub, type RoomHub } from './hub';
import { RECEIPT_METHODS, roomMethods } from './methods';
import { vouchFor } from './staff';
import { readRoomState } from './state';

const hubs = new WeakMap<KioskContext, RoomHub>();

/**
 * On a hub's owner: opens the ports kiosks pair and call on, closed with the kiosk. Resolves
 * undefined on a standalone kiosk or a room kiosk. Called by the host and Electron main only.
 */
export async function serveRoom(ctx: KioskContext): Promise<RoomHub | undefined> {
  const state = readRoomState(ctx.dataDir);
  if (state?.role !== 'hub' || ctx.role !== 'owner' || hubs.has(ctx)) return hubs.get(ctx);
  const hub = await startRoomHub(ctx, state);
  hubs.set(ctx, hub);
  ctx.onClose(() => hub.close());
  return hub;
}

export function registerRoom(ctx: KioskContext): void {
  const state = readRoomState(ctx.dataDir);
  if (state?.role === 'kiosk') {
    const link = createHubLink(ctx, state);
    ctx.onClose(() => link.close());
    forwardRoomMethods(ctx, link);
  }
}

function forwardRoomMethods(ctx: KioskContext, link: HubLink): void {
  ctx.registry.forward(roomMethods, async (method, params, staff) => {
    const vouched = staff ? vouchFor(ctx.db, staff) : undefined;
    if (!RECEIPT_METHODS.includes(method)) return link.call(method, params, vouched);
    // The hub puts the receipt together from its loans; this kiosk's printer prints it.
    const wanted = (params as { print?: unknown }).print !== false;
    const reply = await link.call(method, { ...(params as object), print: false }, vouched);
    if (reply.ok && wanted) {
      const receipt = reply.value as { text?: unknown; printed?: boolean };
      if (typeof receipt.text === 'string') receipt.printed = await printReceipt(ctx, receipt.text);
    }
    return reply;
  });
}
