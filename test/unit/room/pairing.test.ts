// Pairing on the hub, below the transport: codes are typed forgivingly but only ever mean one code,
// attempts are counted before they are checked (a code dies after MAX_CODE_ATTEMPTS), a code is used
// once and expires, and the hub signs only a well-formed request. Property tests for the parsers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openTestKiosk } from '../../support/kiosk';
import {
  CODE_ALPHABET,
  CODE_LENGTH,
  consumePairingCode,
  createPairingCode,
  MAX_CODE_ATTEMPTS,
  newCodeText,
  normaliseCode,
  pairingKey,
  reservePairingAttempt,
} from '../../../electron/core/room/pairing-codes';
import { hubProof, kioskProof, sameProof } from '../../../electron/core/room/pairing-proof';
import { certificateDer, createKioskRequest, createRoomAuthority, fingerprintOf, issuedBy, signKioskRequest } from '../../../electron/core/room/certificates';
import { addPc } from '../../../electron/core/room/pcs';
import { parseHubAddress } from '../../../electron/core/room/https-json';
import { KioskError } from '../../../electron/core/errors';

const FINGERPRINT = 'ab'.repeat(32);

describe('pairing codes as typed', () => {
  it('a new code reads back as itself in any case, with or without its dash and spaces', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Array.from({ length: 20 }, newCodeText)), fc.boolean(), fc.constantFrom('', ' ', '-', ' - '), (code, lower, separator) => {
        const typed = (lower ? code.toLowerCase() : code).replace('-', separator);
        expect(normaliseCode(typed)).toBe(code.replace('-', ''));
      }),
    );
  });

  it('anything else is not a code (never throws)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (typed) => {
        const code = normaliseCode(typed);
        if (code !== undefined) expect([...code].every((c) => CODE_ALPHABET.includes(c)) && code.length === CODE_LENGTH).toBe(true);
      }),
    );
    for (const bad of ['', 'ABCD-EFG', 'ABCD-EFGH1', 'ABCD-EF0H', 'ABCD-EFIH', 'ABCĐ-EFGH']) expect(normaliseCode(bad)).toBeUndefined();
  });

  it('hub addresses: host, host:port, [IPv6]:port; nothing else', () => {
    expect(parseHubAddress('192.168.1.10', 47311)).toEqual({ host: '192.168.1.10', port: 47311 });
    expect(parseHubAddress(' 192.168.1.10:5000 ', 47311)).toEqual({ host: '192.168.1.10', port: 5000 });
    expect(parseHubAddress('[::1]:5000', 47311)).toEqual({ host: '::1', port: 5000 });
    for (const bad of ['', 'user@host', 'host/path', 'host:99999', 'host?x', 'a b']) expect(parseHubAddress(bad, 47311)).toBeUndefined();
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (typed) => {
        const parsed = parseHubAddress(typed, 47311);
        if (parsed) expect(parsed.port >= 0 && parsed.port <= 65535 && parsed.host.length > 0).toBe(true);
      }),
    );
  });
});

describe('pairing codes on the hub', () => {
  it('counts every attempt before it is checked: after the allowed number the code is dead', async () => {
    const t = await openTestKiosk();
    const { code } = await createPairingCode(t.kiosk.ctx, FINGERPRINT);
    const key = await pairingKey(normaliseCode(code)!, FINGERPRINT);
    const granted: Buffer[] = [];
    const refusals: string[] = [];
    for (let i = 0; i < MAX_CODE_ATTEMPTS + 3; i++) {
      try {
        granted.push(reservePairingAttempt(t.kiosk.db, t.clock.now()).key);
      } catch (error) {
        refusals.push((error as KioskError).reason!);
      }
    }
    expect(granted).toHaveLength(MAX_CODE_ATTEMPTS);
    expect(granted.every((k) => k.equals(key))).toBe(true);
    expect(refusals).toEqual(Array(3).fill('room_code_invalid'));
  });

  it('is used once, expires, and a new code cancels the one before', async () => {
    const t = await openTestKiosk();
    await createPairingCode(t.kiosk.ctx, FINGERPRINT);
    const first = reservePairingAttempt(t.kiosk.db, t.clock.now());
    await createPairingCode(t.kiosk.ctx, FINGERPRINT);
    // The first code was cancelled by the second: proving it now pairs nobody.
    expect(() => consumePairingCode(t.kiosk.db, first.id, t.clock.now(), () => addPc(t.kiosk.db, 'A', 'a'.repeat(64), t.clock.now()))).toThrow(KioskError);
    expect(t.kiosk.db.prepare('SELECT COUNT(*) AS n FROM room_pcs').get()).toEqual({ n: 0 });
    const second = reservePairingAttempt(t.kiosk.db, t.clock.now());
    expect(consumePairingCode(t.kiosk.db, second.id, t.clock.now(), () => addPc(t.kiosk.db, 'B', 'b'.repeat(64), t.clock.now()))).toBe(1);
    expect(() => consumePairingCode(t.kiosk.db, second.id, t.clock.now(), () => addPc(t.kiosk.db, 'C', 'c'.repeat(64), t.clock.now()))).toThrow(KioskError);
    expect(() => reservePairingAttempt(t.kiosk.db, t.clock.now())).toThrow(/Mã ghép máy không đúng/);

    await createPairingCode(t.kiosk.ctx, FINGERPRINT, 10);
    t.clock.advance(10 * 60_000);
    expect(() => reservePairingAttempt(t.kiosk.db, t.clock.now())).toThrow(KioskError);
  });
});

describe('certificates and proofs', () => {
  it('the hub signs a kiosk request under the room CA; the proofs bind the code to that request', async () => {
    const room = await createRoomAuthority('0011223344556677');
    expect(issuedBy(room.hub.certificate, room.ca.certificate)).toBe(true);
    const kiosk = await createKioskRequest('Máy 1');
    const certificate = await signKioskRequest(room.ca, kiosk.request);
    expect(issuedBy(certificate, room.ca.certificate)).toBe(true);
    const other = await createRoomAuthority('8899aabbccddeeff');
    expect(issuedBy(certificate, other.ca.certificate)).toBe(false);

    const key = await pairingKey('ABCDEFGH', fingerprintOf(room.ca.certificate));
    const wrongRoom = await pairingKey('ABCDEFGH', fingerprintOf(other.ca.certificate));
    const proof = kioskProof(key, 'Máy 1', kiosk.request);
    expect(sameProof(proof, kioskProof(key, 'Máy 1', kiosk.request))).toBe(true);
    expect(sameProof(proof, kioskProof(wrongRoom, 'Máy 1', kiosk.request))).toBe(false);
    expect(sameProof(proof, kioskProof(key, 'Máy 2', kiosk.request))).toBe(false);
    expect(sameProof(hubProof(key, certificateDer(certificate)), proof)).toBe(false);
    expect(sameProof('zz', proof)).toBe(false);
  });

  it('refuses a request that is not one, whatever the bytes', async () => {
    const room = await createRoomAuthority('0011223344556677');
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        await expect(signKioskRequest(room.ca, Buffer.from(bytes))).rejects.toMatchObject({ reason: 'room_bad_request' });
      }),
      { numRuns: 50 },
    );
  });
});
