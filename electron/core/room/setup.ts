// The technician's room commands on the core side (electron/cli/commands/room.ts): make this PC the
// hub, issue a pairing code, revoke a PC, and say where this PC stands.
import { randomBytes } from 'node:crypto';
import { ROOM_DEFAULT_PAIRING_PORT, ROOM_DEFAULT_PORT, type PcActivity, type PcInternetReport } from '#contract/room';
import type { KioskContext } from '../context';
import { refused } from '../errors';
import { createRoomAuthority, fingerprintOf } from './certificates';
import { activityOf, STORE_REPORT_EVERY_MS } from './console';
import { pcMaintenance } from './room-flags';
import { createPairingCode } from './pairing-codes';
import { listPcs, revokePc, type RoomPc } from './pcs';
import { announces, readRoomState, roleOf, ROOM_KEYS, writeRoomState, type HubState, type RoomRole } from './state';
import { wakePc } from './wake';

export interface HubOptions {
  listen?: HubState['listen'];
  port?: number;
  pairingPort?: number;
  /** Announce the hub on the LAN by mDNS (default: yes, where it listens on the LAN). */
  mdns?: boolean;
}

/**
 * Makes this PC the room's hub: the room CA and the hub's certificate, made once. Run again on the
 * hub, it changes only where it listens (the CA stays, so paired kiosks stay paired).
 */
export async function makeHub(ctx: KioskContext, options: HubOptions): Promise<{ state: HubState; created: boolean }> {
  const current = readRoomState(ctx.dataDir);
  if (current?.role === 'kiosk') {
    throw refused(
      'room_is_kiosk',
      `Máy này đang là máy trạm của một phòng đọc (máy số ${current.pcId}), nên không thể làm máy trung tâm. Hãy để kỹ thuật viên gỡ máy khỏi phòng trước.`,
    );
  }
  const where = {
    listen: options.listen ?? current?.listen ?? 'loopback',
    port: options.port ?? current?.port ?? ROOM_DEFAULT_PORT,
    pairingPort: options.pairingPort ?? current?.pairingPort ?? ROOM_DEFAULT_PAIRING_PORT,
    mdns: options.mdns ?? current?.mdns ?? true,
  };
  if (where.port !== 0 && where.port === where.pairingPort) {
    throw refused('room_ports_clash', 'Cổng nhận lệnh và cổng ghép máy phải khác nhau. Hãy chọn hai cổng khác nhau.');
  }
  if (current) {
    const state: HubState = { ...current, ...where };
    writeRoomState(ctx.dataDir, state);
    return { state, created: false };
  }
  const roomId = randomBytes(8).toString('hex');
  const authority = await createRoomAuthority(roomId);
  ctx.keys.save(ROOM_KEYS.ca, authority.ca.key);
  ctx.keys.save(ROOM_KEYS.hub, authority.hub.key);
  const state: HubState = {
    role: 'hub',
    roomId,
    ...where,
    ca: authority.ca.certificate,
    certificate: authority.hub.certificate,
    createdAt: new Date(ctx.clock.now()).toISOString(),
  };
  writeRoomState(ctx.dataDir, state);
  return { state, created: true };
}

function requireHub(ctx: KioskContext): HubState {
  const state = readRoomState(ctx.dataDir);
  if (state?.role !== 'hub')
    throw refused(
      'room_not_hub',
      'Máy này không phải máy trung tâm của phòng đọc. Hãy chạy lệnh này trên máy trung tâm (hoặc chạy "kiosk room hub" để máy này làm máy trung tâm).',
    );
  return state;
}

export async function issuePairingCode(ctx: KioskContext, minutes?: number): Promise<{ code: string; expiresAt: string }> {
  const state = requireHub(ctx);
  return createPairingCode(ctx, fingerprintOf(state.ca), minutes);
}

export function revokeRoomPc(ctx: KioskContext, which: string): RoomPc {
  requireHub(ctx);
  const pc = revokePc(ctx.db, which, ctx.clock.now());
  ctx.log.log('warn', 'room.pc_revoked', { pcId: pc.id });
  // Revoked from the technician's page of the running hub, its waiting request ends now, and what
  // it sends next is refused as removed from the room. (From `kiosk room revoke`, another process,
  // the running hub refuses it at its next request, within a heartbeat or a wait.)
  wakePc(ctx, pc.id);
  return pc;
}

export interface RoomStatus {
  role: RoomRole;
  roomId: string | null;
  /** On a hub: where it listens (as configured; 0 = a free port chosen at start). */
  listen: { on: HubState['listen']; port: number; pairingPort: number; mdns: boolean } | null;
  /** On a room kiosk: its number in the room and the hub it calls. */
  pcId: number | null;
  hub: { host: string; port: number } | null;
  /** On a hub: every PC paired with it, and what it was doing at its last stored report. */
  pcs: (RoomPc & { state: 'paired' | 'revoked'; activity: PcActivity | null; internet: PcInternetReport | null })[];
}

/**
 * Another process than the hub's (the CLI) knows a PC only by its stored report, written at least
 * once a minute while the PC reports: one older than two minutes means the PC is offline.
 */
const STORED_REPORT_STALE_MS = 2 * STORE_REPORT_EVERY_MS;

export function roomStatus(ctx: KioskContext): RoomStatus {
  const state = readRoomState(ctx.dataDir);
  return {
    role: roleOf(state),
    roomId: state?.roomId ?? null,
    listen: state?.role === 'hub' ? { on: state.listen, port: state.port, pairingPort: state.pairingPort, mdns: announces(state) } : null,
    pcId: state?.role === 'kiosk' ? state.pcId : null,
    hub: state?.role === 'kiosk' ? state.hub : null,
    pcs:
      state?.role === 'hub'
        ? listPcs(ctx.db).map((pc) => {
            const fresh = pc.reportedAt !== null && ctx.clock.now() - Date.parse(pc.reportedAt) <= STORED_REPORT_STALE_MS;
            return {
              ...pc,
              state: pc.revokedAt ? 'revoked' : 'paired',
              activity: pc.revokedAt ? null : fresh && pcMaintenance(ctx, pc.id) ? 'maintenance' : activityOf(pc.report, !fresh),
              internet: pc.revokedAt || !fresh ? null : pc.report,
            };
          })
        : [],
  };
}
