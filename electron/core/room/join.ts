// Pairing on the kiosk's side (`kiosk room join HUB_ADDRESS CODE`): makes this PC's key, shows the
// hub its certificate request with a proof of the code, checks the hub's proof in return, and keeps
// the certificate the hub signed. Nothing is written unless every check passed.
import { connect } from 'node:tls';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { pairResponse, roomRefusal, ROOM_DEFAULT_PAIRING_PORT, ROOM_HUB_NAME, ROOM_PAIR_PATH } from '#contract/room';
import type { KioskContext } from '../context';
import { KioskError, refused } from '../errors';
import { certificateDer, createKioskRequest, fingerprintOf, issuedBy } from './certificates';
import { normaliseCode, pairingKey } from './pairing-codes';
import { hubProof, kioskProof, sameProof } from './pairing-proof';
import { parseHubAddress, postJson } from './https-json';
import { hubNotAnswering } from './refusals';
import { readRoomState, ROOM_KEYS, writeRoomState, type KioskState } from './state';

const TIMEOUT_MS = 15_000;

const notTheHub = (where: string) =>
  refused(
    'room_hub_not_verified',
    `Máy ở địa chỉ ${where} không chứng minh được nó là máy trung tâm đã cấp mã này. Hãy kiểm tra lại địa chỉ và mã ghép máy, rồi báo kỹ thuật viên nếu vẫn không được.`,
  );

/** The room CA the hub shows in its TLS handshake (the chain it sends), as PEM. */
function roomCaOf(host: string, port: number): Promise<string> {
  const where = `${host}:${port}`;
  return new Promise((resolve, reject) => {
    // Not verified here on purpose: this is how the kiosk learns the CA. The proofs verify it.
    const socket = connect({ host, port, servername: ROOM_HUB_NAME, rejectUnauthorized: false, minVersion: 'TLSv1.3', timeout: TIMEOUT_MS }, () => {
      const leaf = socket.getPeerCertificate(true);
      socket.end();
      const issuer = leaf?.issuerCertificate;
      if (!leaf?.raw || !issuer?.raw) return reject(notTheHub(where));
      const ca = new X509Certificate(issuer.raw);
      const hub = new X509Certificate(leaf.raw);
      if (!ca.ca || !issuedBy(hub.toString(), ca.toString()) || !issuedBy(ca.toString(), ca.toString())) return reject(notTheHub(where));
      resolve(ca.toString());
    });
    socket.on('timeout', () => socket.destroy(hubNotAnswering(where)));
    socket.on('error', () => reject(hubNotAnswering(where)));
  });
}

export async function joinRoom(ctx: KioskContext, address: string, typedCode: string, name: string): Promise<KioskState> {
  const current = readRoomState(ctx.dataDir);
  if (current) {
    throw refused(
      current.role === 'hub' ? 'room_is_hub' : 'room_already_joined',
      current.role === 'hub'
        ? 'Máy này là máy trung tâm của phòng đọc, nên không ghép vào phòng khác được.'
        : `Máy này đã là máy trạm số ${current.pcId} của phòng đọc. Hãy gỡ máy khỏi phòng trước khi ghép lại.`,
    );
  }
  const code = normaliseCode(typedCode);
  if (!code) throw refused('room_code_format', 'Mã ghép máy gồm 8 chữ cái và chữ số như trên máy trung tâm (ví dụ ABCD-EF23). Hãy nhập lại cho đúng.');
  const target = parseHubAddress(address, ROOM_DEFAULT_PAIRING_PORT);
  if (!target)
    throw refused(
      'room_address_format',
      `"${address.slice(0, 80)}" không phải địa chỉ máy. Hãy nhập địa chỉ IP của máy trung tâm, ví dụ 192.168.1.10 hoặc 192.168.1.10:${ROOM_DEFAULT_PAIRING_PORT}.`,
    );
  const where = `${target.host}:${target.port}`;
  const ca = await roomCaOf(target.host, target.port);
  const key = await pairingKey(code, fingerprintOf(ca));
  const request = await createKioskRequest(name);
  let answer;
  try {
    // Verified against the CA just learnt: the same hub answers, or nothing is sent.
    answer = await postJson(
      { host: target.host, port: target.port, path: ROOM_PAIR_PATH, ca, servername: ROOM_HUB_NAME, minVersion: 'TLSv1.3', agent: false },
      { name, csr: request.request.toString('base64'), proof: kioskProof(key, name, request.request) },
      64 * 1024,
      TIMEOUT_MS,
    );
  } catch {
    throw hubNotAnswering(where);
  }
  if (answer.status !== 200) {
    const refusal = roomRefusal.safeParse(answer.json);
    throw refusal.success ? new KioskError('refused', refusal.data.message, { reason: refusal.data.reason }) : notTheHub(where);
  }
  const paired = pairResponse.safeParse(answer.json);
  if (!paired.success) throw notTheHub(where);
  const { certificate, pcId, roomId, callPort, proof } = paired.data;
  const ours = new X509Certificate(certificate);
  const valid =
    sameProof(proof, hubProof(key, certificateDer(certificate))) &&
    fingerprintOf(paired.data.ca) === fingerprintOf(ca) &&
    issuedBy(certificate, ca) &&
    ours.checkPrivateKey(createPrivateKey({ key: request.key, format: 'der', type: 'pkcs8' }));
  if (!valid) throw notTheHub(where);
  ctx.keys.save(ROOM_KEYS.kiosk, request.key);
  const state: KioskState = {
    role: 'kiosk',
    roomId,
    pcId,
    name,
    hub: { host: target.host, port: callPort },
    ca,
    certificate,
    pairedAt: new Date(ctx.clock.now()).toISOString(),
  };
  writeRoomState(ctx.dataDir, state);
  ctx.log.log('info', 'room.joined', { pcId });
  return state;
}
