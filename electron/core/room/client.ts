// A room kiosk's link to its hub: contract calls as HTTPS POSTs over mutual TLS (the kiosk's
// certificate from pairing, the room CA, the hub's fixed name), on kept-alive connections. Whatever
// goes wrong on the way becomes a contract reply the screen can explain: the hub cannot be reached,
// or this PC was revoked. The same link carries the kiosk's heartbeat to the room's console.
//
// When the hub cannot be reached where this PC paired with it (the router gave it a new address), the
// link looks for its room's hub on the LAN (discovery.ts), at most once a minute, and moves to an
// address that completes the room's mutual TLS handshake: only the real hub can, so an announcement
// by anyone else moves nothing. The new address is kept in room.json.
import { Agent } from 'node:https';
import { connect as connectTls, type ConnectionOptions } from 'node:tls';
import { replyMessage, type MethodName, type Reply } from '#contract';
import {
  MAX_ROOM_BODY_BYTES,
  roomHeartbeatReply,
  roomRefusal,
  ROOM_CALL_PATH,
  ROOM_HEARTBEAT_PATH,
  ROOM_HUB_NAME,
  ROOM_WAIT_MS,
  ROOM_WAIT_PATH,
  roomWaitReply,
  type RoomCallMessage,
  type RoomHeartbeat,
  type RoomHeartbeatReply,
} from '#contract/room';
import type { KioskContext } from '../context';
import { KioskError } from '../errors';
import { keyPem } from './certificates';
import { FIND_HUBS_MS, findHubs, type FoundHub } from './discovery';
import { AnswerLost, postJson } from './https-json';
import { hubAnswerLost, hubUnreachable, pcRevoked } from './refusals';
import type { VouchedStaff } from './staff';
import { readRoomState, ROOM_KEYS, writeRoomState, type KioskState } from './state';

/** Longer than any room call takes (a checkout is one transaction); a resident should not wait longer. */
const CALL_TIMEOUT_MS = 10_000;
/** How often at most the link looks for its hub's announcement. */
const SEARCH_EVERY_MS = 60_000;

/** Whether `candidate` completes the room's mutual TLS handshake as the hub (the CA, the hub's name, this PC's certificate). */
function answersAsHub(candidate: FoundHub, tls: ConnectionOptions): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connectTls({ ...tls, host: candidate.host, port: candidate.callPort, timeout: FIND_HUBS_MS }, () => {
      const ok = socket.authorized;
      socket.end();
      resolve(ok);
    });
    socket.on('timeout', () => socket.destroy());
    socket.on('error', () => resolve(false));
    socket.on('close', () => resolve(false));
  });
}

export interface HubLink {
  call(method: MethodName, params: unknown, staff: VouchedStaff | undefined): Promise<Reply<unknown>>;
  /** Staff's requests for this PC in answer (each checked by the caller), or null when the hub did not answer (it is tried again later). */
  heartbeat(beat: RoomHeartbeat): Promise<RoomHeartbeatReply | null>;
  /**
   * Waits at the hub for staff's next request to this PC (wake.ts): 'wake' when one came, 'quiet'
   * when none did in ROOM_WAIT_MS, 'unsupported' from an older hub, 'refused' when the hub refuses
   * this PC (revoked), null when the hub did not answer.
   */
  wait(): Promise<'wake' | 'quiet' | 'unsupported' | 'refused' | null>;
  close(): void;
}

const failed = (error: KioskError): Reply<never> => ({ ok: false, error: error.toApiError() });

export function createHubLink(ctx: KioskContext, state: KioskState): HubLink {
  const key = ctx.keys.load(ROOM_KEYS.kiosk);
  let hub = { ...state.hub };
  const where = () => `${hub.host}:${hub.port}`;
  const tls = key ? { ca: state.ca, cert: state.certificate, key: keyPem(key), servername: ROOM_HUB_NAME, minVersion: 'TLSv1.3' as const } : undefined;
  const agent = tls ? new Agent({ keepAlive: true, maxSockets: 8, ...tls }) : undefined;
  let nextId = 1;
  let closed = false;
  let searching = false;
  let searchedMono = -Infinity;
  /** One request to the hub where it is now, on the link's mutual-TLS connections. */
  const postToHub = (path: string, body: unknown, timeoutMs = CALL_TIMEOUT_MS) =>
    postJson({ host: hub.host, port: hub.port, path, agent, ...tls }, body, MAX_ROOM_BODY_BYTES, timeoutMs);

  /** The hub did not answer where it was: look for it on the LAN (in the background; the caller is answered at once). */
  const lookForHub = () => {
    if (!tls || closed || searching || ctx.clock.monotonic() - searchedMono < SEARCH_EVERY_MS) return;
    searching = true;
    searchedMono = ctx.clock.monotonic();
    void (async () => {
      const candidates = await findHubs(ctx, FIND_HUBS_MS, state.roomId);
      for (const candidate of candidates) {
        if (closed || (candidate.host === hub.host && candidate.callPort === hub.port)) continue;
        if (!(await answersAsHub(candidate, tls))) continue;
        const from = where();
        hub = { host: candidate.host, port: candidate.callPort };
        const current = readRoomState(ctx.dataDir);
        if (current?.role === 'kiosk' && current.roomId === state.roomId) writeRoomState(ctx.dataDir, { ...current, hub });
        ctx.log.log('warn', 'room.hub_moved', { from, to: where() });
        return;
      }
      // Nobody answering for this room passed the room's TLS (none announced, or only strangers): stay.
      ctx.log.log('warn', 'room.hub_not_found', { answers: candidates.length, at: where() });
    })()
      .catch((error: unknown) => ctx.log.log('warn', 'room.hub_search_failed', { error: String((error as Error)?.message ?? error).slice(0, 200) }))
      .finally(() => (searching = false));
  };
  return {
    async call(method, params, staff) {
      if (!tls || !agent) {
        return failed(
          new KioskError('refused', `Không tìm thấy khóa của máy trạm trong ${ctx.keys.where}. Hãy để kỹ thuật viên ghép lại máy với máy trung tâm.`, {
            reason: 'room_keys_missing',
          }),
        );
      }
      const id = nextId++;
      const envelope: RoomCallMessage = { kind: 'call', id, method, params, ...(staff ? { staff } : {}) };
      let answer;
      try {
        answer = await postToHub(ROOM_CALL_PATH, envelope);
      } catch (error) {
        const lost = error instanceof AnswerLost;
        ctx.log.log('warn', lost ? 'room.hub_answer_lost' : 'room.hub_unreachable', {
          method,
          hub: where(),
          error: String((error as Error)?.message ?? error).slice(0, 200),
        });
        if (!lost) lookForHub();
        return failed(lost ? hubAnswerLost() : hubUnreachable());
      }
      if (answer.status === 403 && roomRefusal.safeParse(answer.json).data?.reason === 'room_pc_revoked') return failed(pcRevoked());
      const reply = replyMessage.safeParse(answer.json);
      if (answer.status !== 200 || !reply.success || reply.data.id !== id) {
        ctx.log.log('warn', 'room.hub_bad_answer', { method, hub: where(), status: answer.status });
        return failed(hubUnreachable());
      }
      return reply.data.reply as Reply<unknown>;
    },
    async heartbeat(beat) {
      if (!tls || !agent) return null;
      try {
        const answer = await postToHub(ROOM_HEARTBEAT_PATH, beat);
        const reply = roomHeartbeatReply.safeParse(answer.json);
        return answer.status === 200 && reply.success ? reply.data : null;
      } catch (error) {
        // Unreachable: the console marks this PC offline after a few missed beats; nothing to log each time.
        if (!(error instanceof AnswerLost)) lookForHub();
        return null;
      }
    },
    async wait() {
      if (!tls || !agent || closed) return null;
      try {
        const answer = await postToHub(ROOM_WAIT_PATH, {}, ROOM_WAIT_MS + CALL_TIMEOUT_MS);
        if (answer.status === 404) return 'unsupported';
        if (answer.status === 403) return 'refused';
        const reply = roomWaitReply.safeParse(answer.json);
        if (answer.status !== 200 || !reply.success) return null;
        return reply.data.wake ? 'wake' : 'quiet';
      } catch {
        // The heartbeat notices and looks for the hub; the wait only tries again later.
        return null;
      }
    },
    close() {
      closed = true;
      agent?.destroy();
    },
  };
}
