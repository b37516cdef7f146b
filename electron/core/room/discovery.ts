// Finding the room's hub on the LAN by mDNS / DNS-SD (issue #18, item 2). A hub that listens on the
// LAN announces `_kiosk-room._tcp` with its room id and its two ports, unless the technician turned
// that off (`kiosk room hub --no-mdns`, where the network forbids multicast). A technician lists the
// hubs that answer (`kiosk room find`, the room page's "Tìm máy trung tâm"), and a paired kiosk that
// can no longer reach its hub where it paired (the router gave the hub a new address) looks for its
// own room's hub and moves there once a call has gone through (client.ts).
//
// An answer is only a hint. Pairing proves the one-time code, and every call after it is mutual TLS
// pinned to the room's CA, so whoever else announces a room on the LAN gets nothing and moves nobody.
// What a stranger's announcement may carry is checked and bounded here like any other input.
//
// bonjour-service (maintained, over multicast-dns) speaks the protocol; nothing of it is written here.
import Bonjour from 'bonjour-service';
import { z } from 'zod';
import type { KioskContext } from '../context';

/** The DNS-SD service type: `_kiosk-room._tcp.local`. */
export const ROOM_SERVICE_TYPE = 'kiosk-room';
/** How long a search listens for announcements (a hub answers a query within a second on a LAN). */
export const FIND_HUBS_MS = 3_000;
/** Enough for any LAN's rooms; a flood of announcements is cut here. */
const MAX_FOUND = 32;

export interface FoundHub {
  roomId: string;
  /** The address the hub's answer came from (the one that reaches it from here). */
  host: string;
  pairingPort: number;
  callPort: number;
}

const port = z.number().int().min(1).max(65535);
const announced = z.object({
  room: z.string().regex(/^[0-9a-f]{16}$/),
  call: z
    .string()
    .regex(/^\d{1,5}$/)
    .transform(Number)
    .pipe(port),
});

/** What a browser saw of one announcement: anything at all, since anyone on the LAN may announce. */
export interface Announcement {
  port?: unknown;
  txt?: unknown;
  addresses?: unknown;
  referer?: { address?: unknown; family?: unknown } | undefined;
}

const ipv4 = z.ipv4();

/** A room's hub from an announcement, or undefined when anything in it is not what a hub announces. */
export function hubFromAnnouncement(service: Announcement): FoundHub | undefined {
  const txt = announced.safeParse(service.txt);
  const pairingPort = port.safeParse(service.port);
  const fromReferer = service.referer?.family === 'IPv4' ? ipv4.safeParse(service.referer.address).data : undefined;
  const fromRecords = Array.isArray(service.addresses) ? service.addresses.find((a) => ipv4.safeParse(a).success) : undefined;
  const host = fromReferer ?? (fromRecords as string | undefined);
  if (!txt.success || !pairingPort.success || !host) return undefined;
  return { roomId: txt.data.room, host, pairingPort: pairingPort.data, callPort: txt.data.call };
}

/** One Bonjour instance's errors (a socket that cannot open) are logged, never thrown at the kiosk. */
function newBonjour(ctx: Pick<KioskContext, 'log'>): Bonjour {
  return new Bonjour({}, (error: unknown) => ctx.log.log('warn', 'room.mdns_failed', { error: String((error as Error)?.message ?? error).slice(0, 200) }));
}

/** Announces this hub on the LAN until the returned function is called (the hub closing). */
export function announceHub(ctx: Pick<KioskContext, 'log'>, hub: { roomId: string; callPort: number; pairingPort: number }): () => Promise<void> {
  const bonjour = newBonjour(ctx);
  bonjour.publish({
    name: `kiosk-room-${hub.roomId}`,
    type: ROOM_SERVICE_TYPE,
    port: hub.pairingPort,
    txt: { room: hub.roomId, call: String(hub.callPort), v: '1' },
    disableIPv6: true,
  });
  ctx.log.log('info', 'room.mdns_announced', { callPort: hub.callPort, pairingPort: hub.pairingPort });
  return () =>
    new Promise<void>((resolve) => {
      // A goodbye first, so kiosks and `kiosk room find` forget this hub at once.
      bonjour.unpublishAll(() => bonjour.destroy(() => resolve()));
    });
}

/**
 * The hubs that answer within `waitMs` (real time: a network wait), each room and address once;
 * with `roomId`, only those claiming that room. The whole wait is always listened out: a stranger
 * announcing the same room must not be the only answer heard because it answered first.
 */
export function findHubs(ctx: Pick<KioskContext, 'log'>, waitMs: number, roomId?: string): Promise<FoundHub[]> {
  return new Promise((resolve) => {
    const bonjour = newBonjour(ctx);
    const found = new Map<string, FoundHub>();
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      browser.stop();
      bonjour.destroy(() => resolve([...found.values()].sort((a, b) => a.roomId.localeCompare(b.roomId) || a.host.localeCompare(b.host))));
    };
    const browser = bonjour.find({ type: ROOM_SERVICE_TYPE }, (service) => {
      const hub = hubFromAnnouncement(service);
      if (done || !hub || found.size >= MAX_FOUND || (roomId !== undefined && hub.roomId !== roomId)) return;
      found.set(`${hub.roomId}@${hub.host}:${hub.callPort}`, hub);
    });
    const timer = setTimeout(finish, waitMs);
  });
}
