// What room this PC belongs to, and as what: kept in <dataDir>/room.json (certificates are public;
// the private keys live in the key vault, never beside them). No file means standalone: the kiosk of
// today, a hub of one. The file is outside kiosk.sqlite on purpose: restoring a backup onto another
// PC must not clone this PC's place in the room.
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { KioskError } from '../errors';

export const ROOM_FILE = 'room.json';
/** Key vault names of the private keys (electron/core/security/key-vault.ts). */
export const ROOM_KEYS = { ca: 'room-ca', hub: 'room-hub', kiosk: 'room-kiosk' } as const;

const roomId = z.string().regex(/^[0-9a-f]{16}$/);
const port = z.number().int().min(0).max(65535);

export const hubState = z
  .object({
    role: z.literal('hub'),
    roomId,
    /** `loopback`: kiosks on this PC only (tests, trying it out); `lan`: every interface. */
    listen: z.enum(['loopback', 'lan']),
    /** 0 = any free port (tests); the host prints the ports it got. */
    port,
    pairingPort: port,
    /** Announced on the LAN by mDNS (discovery.ts) when it listens there; absent (older files) means yes. */
    mdns: z.boolean().optional(),
    ca: z.string(),
    certificate: z.string(),
    createdAt: z.string(),
  })
  .strict();

export const kioskState = z
  .object({
    role: z.literal('kiosk'),
    roomId,
    pcId: z.number().int().positive(),
    name: z.string(),
    hub: z.object({ host: z.string().min(1).max(253), port: port.min(1) }).strict(),
    ca: z.string(),
    certificate: z.string(),
    pairedAt: z.string(),
  })
  .strict();

export const roomState = z.discriminatedUnion('role', [hubState, kioskState]);
export type HubState = z.infer<typeof hubState>;
export type KioskState = z.infer<typeof kioskState>;
export type RoomState = z.infer<typeof roomState>;
export type RoomRole = 'standalone' | RoomState['role'];

export function roomFile(dataDir: string): string {
  return join(dataDir, ROOM_FILE);
}

/**
 * The last state read from each file, with the file's identity then: the hub asks on every heartbeat
 * and console refresh, and the file changes only when a technician makes a hub or pairs a PC (this
 * process or the CLI, always by rename, so a change is a new inode and time).
 */
const lastRead = new Map<string, { stamp: string; state: RoomState }>();

/** This PC's place in a room, or undefined for a standalone kiosk. A damaged file stops the kiosk with a sentence. */
export function readRoomState(dataDir: string): RoomState | undefined {
  const file = roomFile(dataDir);
  const stat = statSync(file, { bigint: true, throwIfNoEntry: false });
  if (!stat) return undefined;
  const stamp = `${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
  const known = lastRead.get(file);
  if (known?.stamp === stamp) return known.state;
  let parsed: z.ZodSafeParseResult<RoomState>;
  try {
    parsed = roomState.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    parsed = { success: false } as z.ZodSafeParseResult<RoomState>;
  }
  if (!parsed.success) {
    throw new KioskError(
      'refused',
      `Tệp ${file} (vai trò của máy trong phòng đọc) bị hỏng. Hãy xóa tệp đó rồi ghép máy lại với máy trung tâm (kiosk room join).`,
      {
        reason: 'room_state_damaged',
      },
    );
  }
  lastRead.set(file, { stamp, state: parsed.data });
  return parsed.data;
}

/** Whether a hub announces itself: only on the LAN (a loopback hub serves this PC alone), unless turned off. */
export function announces(state: HubState): boolean {
  return state.listen === 'lan' && state.mdns !== false;
}

export function roleOf(state: RoomState | undefined): RoomRole {
  return state?.role ?? 'standalone';
}

/** Writes the state atomically (a power cut leaves the old file or the new one). */
export function writeRoomState(dataDir: string, state: RoomState): void {
  const file = roomFile(dataDir);
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  writeFileSync(partial, `${JSON.stringify(roomState.parse(state), null, 2)}\n`, { mode: 0o600 });
  renameSync(partial, file);
}
