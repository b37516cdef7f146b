// The hub's pairing port: TLS with the hub's certificate but no client certificate (the kiosk has
// none yet), one route, POST /room/pair. It signs a kiosk's certificate request only when the
// request carries a proof made with the live one-time code (pairing-codes.ts, pairing-proof.ts);
// every attempt is counted before it is checked, and the code is used once.
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pairRequest, ROOM_PAIR_PATH, type PairResponse } from '#contract/room';
import type { KioskContext } from '../context';
import { KioskError } from '../errors';
import { certificateDer, fingerprintOf, keyPem, signKioskRequest, type KeyAndCertificate } from './certificates';
import { consumePairingCode, noLiveCode, reservePairingAttempt } from './pairing-codes';
import { hubProof, kioskProof, sameProof } from './pairing-proof';
import { addPc } from './pcs';
import { acceptJson, sendJson, sendRefusal } from './refusals';

const MAX_PAIR_BODY = 16 * 1024;

export interface PairingServerOptions {
  roomId: string;
  ca: KeyAndCertificate;
  hub: KeyAndCertificate;
  /** The port kiosks call once paired (told to them in the answer). */
  callPort: () => number;
}

export function createPairingServer(ctx: KioskContext, options: PairingServerOptions): Server {
  const server = createServer(
    {
      // The chain includes the CA: the kiosk derives its key from the CA it is shown.
      cert: `${options.hub.certificate.trim()}\n${options.ca.certificate.trim()}\n`,
      key: keyPem(options.hub.key),
      minVersion: 'TLSv1.3',
      requestTimeout: 15_000,
      headersTimeout: 10_000,
    },
    (req, res) => {
      void answer(ctx, options, req, res).catch((error: unknown) => {
        ctx.log.log('error', 'room.pairing_failed', { error: String((error as Error)?.message ?? error).slice(0, 300) });
        if (!res.headersSent) sendRefusal(res, 500, 'internal', 'Máy trung tâm gặp lỗi khi ghép máy. Hãy thử lại; nếu lỗi lặp lại, báo kỹ thuật viên.', true);
      });
    },
  );
  return server;
}

async function answer(ctx: KioskContext, options: PairingServerOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const request = await acceptJson(req, res, ROOM_PAIR_PATH, MAX_PAIR_BODY, pairRequest, true);
  if (!request) return;
  const { name, csr, proof } = request;
  const csrDer = Buffer.from(csr, 'base64');
  try {
    // Counted before it is checked: a wrong guess costs the code one of its few attempts.
    const attempt = reservePairingAttempt(ctx.db, ctx.clock.now());
    if (!sameProof(proof, kioskProof(attempt.key, name, csrDer))) {
      ctx.log.log('warn', 'room.pairing_refused', { reason: 'wrong_code' });
      throw noLiveCode();
    }
    const certificate = await signKioskRequest(options.ca, csrDer);
    const fingerprint = fingerprintOf(certificate);
    const pcId = consumePairingCode(ctx.db, attempt.id, ctx.clock.now(), () => addPc(ctx.db, name, fingerprint, ctx.clock.now()));
    ctx.log.log('info', 'room.paired', { pcId });
    const answer: PairResponse = {
      pcId,
      roomId: options.roomId,
      certificate,
      ca: options.ca.certificate,
      callPort: options.callPort(),
      proof: hubProof(attempt.key, certificateDer(certificate)),
    };
    sendJson(res, 200, answer, true);
  } catch (error) {
    if (!(error instanceof KioskError)) throw error;
    sendRefusal(res, error.code === 'invalid_request' ? 400 : 403, error.reason ?? error.code, error.message, true);
  }
}
