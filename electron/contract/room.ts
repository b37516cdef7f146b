// The room transport: what a paired kiosk and its room's hub send each other over mutually
// authenticated TLS (electron/core/room/). A call reuses the contract's `call`/`reply` envelopes
// (wire.ts), so the hub dispatches it through the same registry as IPC and the WebSocket; pairing
// has its own two shapes. zod only, like the rest of the contract.
import { z } from 'zod';
import { method, staff, staffToken, technician, withToken } from './define';
import { callMessage } from './wire';
import { staffRole } from './staff';
import { maintenance } from './system';

/** The name the hub's certificate carries and kiosks check, whatever address the hub has on the LAN. */
export const ROOM_HUB_NAME = 'hub.kiosk-room.invalid';
export const ROOM_CALL_PATH = '/room/call';
export const ROOM_PAIR_PATH = '/room/pair';
/** Default ports: kiosks call the hub on the first, pair on the second. */
export const ROOM_DEFAULT_PORT = 47310;
export const ROOM_DEFAULT_PAIRING_PORT = 47311;
/** Largest body either side reads; a kiosk call is a few hundred bytes, a receipt a few KB. */
export const MAX_ROOM_BODY_BYTES = 256 * 1024;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 value in hexadecimal');
const base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64');

/**
 * A forwarded call. Staff methods carry the card of the staff member the kiosk signed in with their
 * PIN (`staff`): the hub acts for the staff member of its own records with that card, at the access
 * level the kiosk checked. Resident methods carry the token the hub itself handed out at sign-in.
 */
export const roomCallMessage = callMessage
  .extend({
    staff: z
      .object({ card: z.string().trim().min(1).max(64), role: staffRole })
      .strict()
      .optional(),
  })
  .strict();
export type RoomCallMessage = z.infer<typeof roomCallMessage>;

/**
 * Pairing: the kiosk proves it was given the hub's one-time code without sending it
 * (`proof` = HMAC of its certificate request under a key derived from the code and the room CA it
 * saw), so a machine in the middle learns nothing it can replay.
 */
export const pairRequest = z
  .object({
    name: z.string().trim().min(1).max(60),
    csr: base64.max(8192),
    proof: hex64,
  })
  .strict();
export type PairRequest = z.infer<typeof pairRequest>;

export const pairResponse = z
  .object({
    pcId: z.number().int().positive(),
    roomId: z.string().regex(/^[0-9a-f]{16}$/),
    /** The kiosk's certificate and the room CA, PEM. */
    certificate: z.string().min(1).max(8192),
    ca: z.string().min(1).max(8192),
    /** Where kiosks call the hub (on the address they paired with). */
    callPort: z.number().int().min(1).max(65535),
    /** The hub's proof that it knew the code too (HMAC of the certificate it signed). */
    proof: hex64,
  })
  .strict();
export type PairResponse = z.infer<typeof pairResponse>;

/** What the hub's pairing port answers when it refuses: a Vietnamese sentence and a reason. */
export const roomRefusal = z.object({ ok: z.literal(false), reason: z.string().max(60), message: z.string().max(500) }).strict();

const port = z.number().int().min(0).max(65535);

/** A PC's internet service as staff see it. The resident's name goes to staff screens only. */
export const pcInternetReport = z
  .object({
    phase: z.enum(['free', 'active', 'suspended', 'closed', 'disabled']),
    session: z
      .object({
        /** The PC's own number for the session: a request from the console names it, so it never reaches the next resident. */
        id: z.number().int().positive(),
        who: z.string().max(120),
        guest: z.boolean(),
        minutesLeft: z.number().int().nonnegative(),
        /** Seconds the session is kept for a resident who stepped away; null while they are there. */
        awayEndsInSeconds: z.number().int().nonnegative().nullable(),
        /** Staff locked it from a console (core/internet/session-lock.ts). */
        locked: z.boolean(),
        moreTimeRequested: z.boolean(),
      })
      .strict()
      .nullable(),
    /** The PC is kept for this queue ticket (it is free, and waits for that resident). */
    heldForTicket: z.number().int().nullable(),
    waiting: z.number().int().nonnegative(),
  })
  .strict();
export type PcInternetReport = z.infer<typeof pcInternetReport>;

/** What a PC is doing, as the room's console and `kiosk room status` say it. */
/** `interrupted`: the kiosk program restarted during a session, which waits for its resident to sign in again (or ends when the next one does). */
export const pcActivity = z.enum(['free', 'held', 'in_session', 'away', 'interrupted', 'closed', 'disabled', 'maintenance', 'offline']);
export type PcActivity = z.infer<typeof pcActivity>;

/** A PC of the room as the hub's technician page lists it. */
export const roomPcView = z.object({
  id: z.number().int(),
  name: z.string(),
  pairedAt: z.string(),
  lastSeenAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  state: z.enum(['paired', 'revoked']),
  /** From its last heartbeat as the hub stored it (no resident's name); null once revoked. */
  activity: pcActivity.nullable(),
  internet: pcInternetReport.nullable(),
  reportedAt: z.string().nullable(),
});

/** Where this PC stands in its room: what `kiosk room status` prints and the technician's page shows. */
export const roomStatusView = z.object({
  role: z.enum(['standalone', 'hub', 'kiosk']),
  roomId: z.string().nullable(),
  /** On a hub: where it is set to listen (0 = a free port chosen at start). */
  listen: z.object({ on: z.enum(['loopback', 'lan']), port, pairingPort: port, mdns: z.boolean() }).nullable(),
  /** On a hub: the ports it listens on now; null when this process does not serve the room (its ports failed to open). */
  serving: z.object({ callPort: port, pairingPort: port }).nullable(),
  pcId: z.number().int().nullable(),
  hub: z.object({ host: z.string(), port }).nullable(),
  pcs: z.array(roomPcView),
});
export type RoomStatusView = z.infer<typeof roomStatusView>;

/** A hub that announced itself on the LAN (mDNS), as `kiosk room find` lists it: a hint, proved only by pairing. */
export const foundHub = z.object({ roomId: z.string(), host: z.string(), pairingPort: port, callPort: port });

/** The technician's room page (and the same core functions as `kiosk room …`). */
export const roomSetupMethods = {
  'room.status': method(withToken({}), roomStatusView, technician),
  /** Makes this PC the hub (or changes where it listens); a new hub starts serving at once. */
  'room.makeHub': method(withToken({ listen: z.enum(['loopback', 'lan']), port, pairingPort: port, mdns: z.boolean().optional() }), roomStatusView, technician),
  /** The hubs announcing themselves on the LAN within a few seconds (`kiosk room find`). */
  'room.find': method(withToken({}), z.object({ hubs: z.array(foundHub).max(32) }), technician),
  'room.pairCode': method(withToken({}), z.object({ code: z.string(), expiresAt: z.string() }), technician),
  /** Pairs this PC with a hub; it calls the hub from its next start. */
  'room.join': method(
    withToken({ address: z.string().trim().min(1).max(260), code: z.string().trim().min(1).max(20), name: z.string().trim().min(1).max(60) }),
    roomStatusView.extend({ restartRequired: z.literal(true) }),
    technician,
  ),
  'room.revoke': method(withToken({ pcId: z.number().int().positive() }), roomStatusView, technician),
};

// ——— The room's console (issue #18, item 4) ———
// Every few seconds each room kiosk tells the hub what its internet PC is doing (a heartbeat); the
// hub answers with what staff asked of that PC from any console (extend, end, message, lock). Staff on any
// PC of the room see every PC through `room.console`, which a room kiosk forwards to its hub.

export const ROOM_HEARTBEAT_PATH = '/room/heartbeat';
/** How often a room kiosk reports; the hub marks a PC offline after three missed reports. */
export const ROOM_HEARTBEAT_MS = 5_000;
/** At most this many requests ride on one heartbeat's answer; the rest wait for the next. */
export const ROOM_COMMANDS_SENT = 20;

/**
 * Between heartbeats a room kiosk keeps one request waiting here; the hub answers `wake: true` the
 * moment staff ask something of that PC or of the room (the kiosk then beats at once), or
 * `wake: false` after ROOM_WAIT_MS. The body is an empty object.
 */
export const ROOM_WAIT_PATH = '/room/wait';
export const ROOM_WAIT_MS = 20_000;
export const roomWait = z.object({}).strict();
export const roomWaitReply = z.object({ wake: z.boolean() }).strict();
export type RoomWaitReply = z.infer<typeof roomWaitReply>;

/** What staff may ask of a PC's internet session from the console, with `extra` fields on each kind. */
const consoleActionWith = <T extends z.ZodRawShape>(extra: T) =>
  z.discriminatedUnion('action', [
    z.object({ ...extra, action: z.literal('extend'), minutes: z.number().int().min(1).max(240) }).strict(),
    z.object({ ...extra, action: z.literal('end') }).strict(),
    z.object({ ...extra, action: z.literal('message'), text: z.string().trim().min(1).max(500) }).strict(),
    z.object({ ...extra, action: z.literal('lock'), locked: z.boolean() }).strict(),
  ]);
export type ConsoleAction = z.infer<ReturnType<typeof consoleActionWith<Record<never, never>>>>;
/** The session a request is for, as the console showed it. */
const sessionId = z.number().int().positive();

/** What staff asked of a PC, carried to it in the answer to its next heartbeat (sent at once when the hub wakes it). */
export const roomCommand = consoleActionWith({ id: z.number().int().positive(), sessionId });
export type RoomCommand = z.infer<typeof roomCommand>;

export const roomHeartbeat = z
  .object({
    internet: pcInternetReport,
    /** Commands carried out since the last heartbeat, and any refused with the reason the PC gave. */
    done: z.array(z.object({ id: z.number().int().positive(), refused: z.string().max(300).nullable() }).strict()).max(50),
  })
  .strict();
export type RoomHeartbeat = z.infer<typeof roomHeartbeat>;
/** Staff closed the internet of the whole room (from any console) until they reopen it. */
export const roomEmergency = z.object({ by: z.string().max(120), at: z.string().max(40) }).strict();
export type RoomEmergency = z.infer<typeof roomEmergency>;

/**
 * Commands are checked one by one on the kiosk, so one it does not know (a newer hub) is refused alone.
 * `room` is what holds for every PC (absent from an older hub: the kiosk then changes nothing).
 */
export const roomHeartbeatReply = z
  .object({
    commands: z.array(z.unknown()).max(ROOM_COMMANDS_SENT),
    room: z.object({ emergency: roomEmergency.nullable(), maintenance: maintenance.nullable().optional() }).optional(),
  })
  .strict();
export type RoomHeartbeatReply = z.infer<typeof roomHeartbeatReply>;

/** One PC on the console. `id` 0 is the PC the console's store belongs to (the hub, or a standalone kiosk). */
export const roomConsolePc = z.object({
  id: z.number().int().nonnegative(),
  name: z.string(),
  state: pcActivity,
  internet: pcInternetReport.nullable(),
  /** When the hub last heard from it (a heartbeat or a call). */
  lastSeenAt: z.string().nullable(),
  /** Staff's requests not yet carried out by the PC (it takes them at its next heartbeat). */
  pending: z.number().int().nonnegative(),
  /** The last request the PC refused, with its reason. */
  lastRefusal: z.string().nullable(),
  /** Staff put it into maintenance (out of service for residents): by whom, since when. */
  maintenance: maintenance.nullable(),
});
export type RoomConsolePc = z.infer<typeof roomConsolePc>;

export const roomConsoleView = z.object({
  role: z.enum(['standalone', 'hub', 'kiosk']),
  pcs: z.array(roomConsolePc),
  /** The room's internet closed for everyone by staff (on a standalone kiosk: its own). */
  emergency: roomEmergency.nullable(),
});
export type RoomConsoleView = z.infer<typeof roomConsoleView>;

/** The staff console of the room; a room kiosk forwards both to its hub. */
export const roomConsoleMethods = {
  'room.console': method(withToken({}), roomConsoleView, staff),
  /** `applied` false: the PC carries it out at its next heartbeat (within a few seconds). */
  'room.console.act': method(consoleActionWith({ staffToken, pcId: z.number().int().nonnegative(), sessionId }), z.object({ applied: z.boolean() }), staff),
  /** Closes the internet of every PC of the room at once (ending their sessions), or reopens it. */
  'room.console.emergency': method(withToken({ closed: z.boolean() }), roomConsoleView, staff),
  /** Puts one PC into maintenance (out of service for residents) or back into service. */
  'room.console.maintenance': method(withToken({ pcId: z.number().int().nonnegative(), on: z.boolean() }), roomConsoleView, staff),
};
