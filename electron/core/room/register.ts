// The room feature (issue #18). On a hub, the entry point that serves the kiosk (host, Electron)
// calls `serveRoom` to open the room's two ports; a CLI command never does. On a room kiosk, the
// room's methods (methods.ts) go to the hub through the registry, so the screens, IPC, the WebSocket
// and the CLI all reach the hub without knowing it, and `serveRoom` starts its heartbeat to the
// room's console. A standalone kiosk (no room.json) offers the technician's room page (room.*), which
// makes it a hub or pairs it, and a console of its one PC.
import type { KioskContext } from '../context';
import { printReceipt } from '../circulation/receipt';
import { createHubLink, type HubLink } from './client';
import { startRoomHub, type RoomHub } from './hub';
import { RECEIPT_METHODS, roomMethods } from './methods';
import { actOnPc, pcOnConsole, roomConsole } from './console';
import { setPcMaintenance, setRoomEmergency } from './room-flags';
import { startHeartbeat } from './heartbeat';
import { vouchFor } from './staff';
import { readRoomState } from './state';
import { joinRoom } from './join';
import { FIND_HUBS_MS, findHubs } from './discovery';
import { issuePairingCode, makeHub, revokeRoomPc, roomStatus } from './setup';
import type { RoomStatusView } from '#contract/room';

const hubs = new WeakMap<KioskContext, RoomHub>();
const links = new WeakMap<KioskContext, HubLink>();
const beating = new WeakSet<KioskContext>();

/**
 * On a hub's owner: opens the ports kiosks pair and call on, closed with the kiosk. Resolves
 * undefined on a standalone kiosk or a room kiosk. Called by the host and Electron main only.
 */
export async function serveRoom(ctx: KioskContext): Promise<RoomHub | undefined> {
  const state = readRoomState(ctx.dataDir);
  const link = links.get(ctx);
  if (state?.role === 'kiosk' && ctx.role === 'owner' && link && !beating.has(ctx)) {
    beating.add(ctx);
    ctx.onClose(startHeartbeat(ctx, link));
  }
  if (state?.role !== 'hub' || ctx.role !== 'owner' || hubs.has(ctx)) return hubs.get(ctx);
  const hub = await startRoomHub(ctx, state);
  hubs.set(ctx, hub);
  ctx.onClose(() => hub.close());
  return hub;
}

export function registerRoom(ctx: KioskContext): void {
  registerRoomSetup(ctx);
  // Answered here on a hub or a standalone kiosk; forwarded to the hub on a room kiosk.
  ctx.registry.register('room.console', () => roomConsole(ctx));
  ctx.registry.register('room.console.act', ({ pcId, staffToken: _token, ...action }, caller) => actOnPc(ctx, caller.staff, pcId, action));
  ctx.registry.register('room.console.emergency', ({ closed }, caller) => (setRoomEmergency(ctx, caller.staff, closed), roomConsole(ctx)));
  ctx.registry.register('room.console.maintenance', ({ pcId, on }, caller) => {
    const pc = pcOnConsole(ctx, pcId);
    setPcMaintenance(ctx, caller.staff, pc, on, pc.id === 0 ? 'Máy này' : pc.name);
    return roomConsole(ctx);
  });
  const state = readRoomState(ctx.dataDir);
  if (state?.role === 'kiosk') {
    const link = createHubLink(ctx, state);
    links.set(ctx, link);
    ctx.onClose(() => link.close());
    forwardRoomMethods(ctx, link);
  }
}

/** The technician's room page: the same core functions as `kiosk room …`, and the ports served now. */
function registerRoomSetup(ctx: KioskContext): void {
  const { registry } = ctx;
  const status = (): RoomStatusView => {
    const hub = hubs.get(ctx);
    return { ...roomStatus(ctx), serving: hub ? { callPort: hub.callPort, pairingPort: hub.pairingPort } : null };
  };
  registry.register('room.status', status);
  registry.register('room.makeHub', async ({ listen, port, pairingPort, mdns }) => {
    await makeHub(ctx, { listen, port, pairingPort, ...(mdns === undefined ? {} : { mdns }) });
    // A new hub serves at once, so the technician can pair the other PCs without a restart. One
    // already serving keeps its ports until the next start (kiosks paired on them keep working).
    await serveRoom(ctx);
    return status();
  });
  registry.register('room.pairCode', () => issuePairingCode(ctx));
  registry.register('room.find', async () => ({ hubs: await findHubs(ctx, FIND_HUBS_MS) }));
  registry.register('room.join', async ({ address, code, name }) => {
    await joinRoom(ctx, address, code, name);
    return { ...status(), restartRequired: true as const };
  });
  registry.register('room.revoke', ({ pcId }) => {
    revokeRoomPc(ctx, String(pcId));
    return status();
  });
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
