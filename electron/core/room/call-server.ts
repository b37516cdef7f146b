// The hub's call port: the third transport of the contract. HTTPS with mutual TLS: only a client
// certificate signed by the room CA gets through the handshake, and the PC it belongs to must be
// paired and not revoked — checked when the connection opens and again on every call, so revoking a
// kiosk cuts it off at once, even on a connection it kept open. A call is the contract's own
// envelope (roomCallMessage), dispatched through the hub's registry like IPC and the WebSocket, and
// limited to the methods that belong to the room (methods.ts). Beside it, each kiosk's heartbeat for
// the room's console (console.ts), on its own path and shape, and the one request each kiosk keeps
// waiting for staff's next request to it (wake.ts).
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import {
  roomCallMessage,
  roomHeartbeat,
  roomWait,
  ROOM_CALL_PATH,
  ROOM_HEARTBEAT_PATH,
  ROOM_WAIT_PATH,
  MAX_ROOM_BODY_BYTES,
  type RoomHeartbeatReply,
} from '#contract/room';
import type { ReplyMessage } from '#contract';
import { authorizeFor } from '../api/access';
import type { KioskContext } from '../context';
import { fingerprintOf, keyPem, type KeyAndCertificate } from './certificates';
import { noteHeartbeat } from './console';
import { pcMaintenance, roomEmergency } from './room-flags';
import { isRoomMethod } from './methods';
import { activePcByFingerprint, revokedFingerprint, touchPc, type RoomPc } from './pcs';
import { acceptJson, pcRevoked, sendJson, sendRefusal } from './refusals';
import { roomStaffCaller } from './staff';
import { heardFrom, holdWait } from './wake';

export interface CallServerOptions {
  ca: KeyAndCertificate;
  hub: KeyAndCertificate;
}

/** The paired PC behind a TLS socket, or undefined (unknown or revoked certificate). */
function pcOf(ctx: KioskContext, socket: TLSSocket): RoomPc | undefined {
  const peer = socket.getPeerCertificate();
  if (!peer?.raw) return undefined;
  return activePcByFingerprint(ctx.db, fingerprintOf(peer.raw));
}

function wasRevoked(ctx: KioskContext, socket: TLSSocket): boolean {
  const peer = socket.getPeerCertificate();
  return !!peer?.raw && revokedFingerprint(ctx.db, fingerprintOf(peer.raw));
}

export function createCallServer(ctx: KioskContext, options: CallServerOptions): Server {
  const server = createServer(
    {
      cert: options.hub.certificate,
      key: keyPem(options.hub.key),
      ca: options.ca.certificate,
      requestCert: true,
      rejectUnauthorized: true,
      minVersion: 'TLSv1.3',
      requestTimeout: 30_000,
      headersTimeout: 10_000,
      keepAliveTimeout: 30_000,
    },
    (req, res) => {
      void answer(ctx, req, res).catch((error: unknown) => {
        ctx.log.log('error', 'room.call_failed', { error: String((error as Error)?.message ?? error).slice(0, 300) });
        if (!res.headersSent) sendRefusal(res, 500, 'internal', 'Máy trung tâm gặp lỗi bất ngờ. Hãy thử lại; nếu lỗi lặp lại, báo kỹ thuật viên.', true);
      });
    },
  );
  // Checked when the connection opens: a revoked PC's certificate still chains to the CA. A PC this
  // hub revoked keeps the connection only to be answered, on its first call and before its body is
  // read, that it was removed from the room (so its screen says that, not "cannot reach the main
  // PC"); any other certificate is dropped here.
  server.on('secureConnection', (socket: TLSSocket) => {
    if (pcOf(ctx, socket)) return;
    const revoked = wasRevoked(ctx, socket);
    ctx.log.log('warn', 'room.connection_refused', { reason: revoked ? 'revoked' : 'unknown' });
    if (!revoked) socket.destroy();
  });
  return server;
}

async function answer(ctx: KioskContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  // And again on every call, on whatever connection it came.
  const pc = pcOf(ctx, req.socket as TLSSocket);
  if (!pc) {
    const revoked = pcRevoked();
    sendRefusal(res, 403, revoked.reason!, revoked.message, true);
    req.socket.destroySoon();
    return;
  }
  const path = (req.url ?? '').split('?')[0];
  if (path === ROOM_HEARTBEAT_PATH) {
    const beat = await acceptJson(req, res, ROOM_HEARTBEAT_PATH, MAX_ROOM_BODY_BYTES, roomHeartbeat, false);
    if (!beat) return;
    touchPc(ctx.db, pc.id, ctx.clock.now());
    heardFrom(ctx, pc.id);
    sendJson(res, 200, {
      commands: noteHeartbeat(ctx, pc.id, beat),
      room: { emergency: roomEmergency(ctx), maintenance: pcMaintenance(ctx, pc.id) },
    } satisfies RoomHeartbeatReply);
    return;
  }
  if (path === ROOM_WAIT_PATH) {
    // Its body is `{}`: a few bytes are all it may send.
    if (await acceptJson(req, res, ROOM_WAIT_PATH, 64, roomWait, false)) holdWait(ctx, pc.id, res);
    return;
  }
  const envelope = await acceptJson(req, res, ROOM_CALL_PATH, MAX_ROOM_BODY_BYTES, roomCallMessage, false);
  if (!envelope) return;
  touchPc(ctx.db, pc.id, ctx.clock.now());
  const { id, method, params, staff } = envelope;
  let reply: ReplyMessage['reply'];
  if (!isRoomMethod(method)) {
    reply = {
      ok: false,
      error: {
        code: 'unknown_method',
        message: 'Máy trung tâm chỉ phục vụ mượn trả sách, bạn đọc và bảng các máy cho các máy trạm; việc này làm trên chính máy trạm.',
        reason: 'room_not_served',
      },
    };
  } else {
    const own = authorizeFor(ctx);
    reply = await ctx.registry.dispatch(method, params, {
      authorize: (access, request) => (access === 'staff' || access === 'technician' ? roomStaffCaller(ctx.db, staff, access) : own(access, request)),
    });
  }
  const message: ReplyMessage = { kind: 'reply', id, reply };
  sendJson(res, 200, message);
}
