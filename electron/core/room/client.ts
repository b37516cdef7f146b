// A room kiosk's link to its hub: contract calls as HTTPS POSTs over mutual TLS (the kiosk's
// certificate from pairing, the room CA, the hub's fixed name), on kept-alive connections. Whatever
// goes wrong on the way becomes a contract reply the screen can explain: the hub cannot be reached,
// or this PC was revoked. The same link carries the kiosk's heartbeat to the room's console.
import { Agent } from 'node:https';
import { replyMessage, type MethodName, type Reply } from '#contract';
import {
  MAX_ROOM_BODY_BYTES,
  roomHeartbeatReply,
  roomRefusal,
  ROOM_CALL_PATH,
  ROOM_HEARTBEAT_PATH,
  ROOM_HUB_NAME,
  type RoomCallMessage,
  type RoomHeartbeat,
  type RoomHeartbeatReply,
} from '#contract/room';
import type { KioskContext } from '../context';
import { KioskError } from '../errors';
import { keyPem } from './certificates';
import { AnswerLost, postJson } from './https-json';
import { hubAnswerLost, hubUnreachable, pcRevoked } from './refusals';
import type { VouchedStaff } from './staff';
import { ROOM_KEYS, type KioskState } from './state';

/** Longer than any room call takes (a checkout is one transaction); a resident should not wait longer. */
const CALL_TIMEOUT_MS = 10_000;

export interface HubLink {
  call(method: MethodName, params: unknown, staff: VouchedStaff | undefined): Promise<Reply<unknown>>;
  /** Staff's requests for this PC in answer (each checked by the caller), or null when the hub did not answer (it is tried again later). */
  heartbeat(beat: RoomHeartbeat): Promise<RoomHeartbeatReply | null>;
  close(): void;
}

const failed = (error: KioskError): Reply<never> => ({ ok: false, error: error.toApiError() });

export function createHubLink(ctx: KioskContext, state: KioskState): HubLink {
  const key = ctx.keys.load(ROOM_KEYS.kiosk);
  const where = `${state.hub.host}:${state.hub.port}`;
  const tls = key ? { ca: state.ca, cert: state.certificate, key: keyPem(key), servername: ROOM_HUB_NAME, minVersion: 'TLSv1.3' as const } : undefined;
  const agent = tls ? new Agent({ keepAlive: true, maxSockets: 8, ...tls }) : undefined;
  let nextId = 1;
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
        answer = await postJson(
          { host: state.hub.host, port: state.hub.port, path: ROOM_CALL_PATH, agent, ...tls },
          envelope,
          MAX_ROOM_BODY_BYTES,
          CALL_TIMEOUT_MS,
        );
      } catch (error) {
        const lost = error instanceof AnswerLost;
        ctx.log.log('warn', lost ? 'room.hub_answer_lost' : 'room.hub_unreachable', {
          method,
          hub: where,
          error: String((error as Error)?.message ?? error).slice(0, 200),
        });
        return failed(lost ? hubAnswerLost() : hubUnreachable());
      }
      if (answer.status === 403 && roomRefusal.safeParse(answer.json).data?.reason === 'room_pc_revoked') return failed(pcRevoked());
      const reply = replyMessage.safeParse(answer.json);
      if (answer.status !== 200 || !reply.success || reply.data.id !== id) {
        ctx.log.log('warn', 'room.hub_bad_answer', { method, hub: where, status: answer.status });
        return failed(hubUnreachable());
      }
      return reply.data.reply as Reply<unknown>;
    },
    async heartbeat(beat) {
      if (!tls || !agent) return null;
      try {
        const answer = await postJson(
          { host: state.hub.host, port: state.hub.port, path: ROOM_HEARTBEAT_PATH, agent, ...tls },
          beat,
          MAX_ROOM_BODY_BYTES,
          CALL_TIMEOUT_MS,
        );
        const reply = roomHeartbeatReply.safeParse(answer.json);
        return answer.status === 200 && reply.success ? reply.data : null;
      } catch {
        // Unreachable: the console marks this PC offline after a few missed beats; nothing to log each time.
        return null;
      }
    },
    close() {
      agent?.destroy();
    },
  };
}
