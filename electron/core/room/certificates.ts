// The room's certificates, made with @peculiar/x509 over Node's WebCrypto (no home-made
// cryptography): the room CA (made once, on the hub), the hub's server certificate, a kiosk's key and
// certificate request, and the hub signing that request at pairing. ECDSA P-256 throughout.
//
// Validity: from 2000-01-01 with no fixed end (RFC 5280's 9999-12-31). Commune PCs keep poor time
// (a flat CMOS battery, no NTP behind the commune's router) and OpenSSL checks validity against the
// machine's own clock, so dated certificates would cut a room off on a wrong date. A certificate
// ends when the hub revokes it, and the hub checks that on every connection and every call.
import 'reflect-metadata'; // @peculiar/x509's dependency injection (tsyringe) needs it loaded first
import * as x509 from '@peculiar/x509';
import { createPrivateKey, randomBytes, webcrypto, X509Certificate } from 'node:crypto';
import { ROOM_HUB_NAME } from '#contract/room';
import { KioskError } from '../errors';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const NOT_BEFORE = new Date('2000-01-01T00:00:00Z');
const NOT_AFTER = new Date('9999-12-31T23:59:59Z');

export interface KeyAndCertificate {
  /** PKCS#8 DER, for the key vault. */
  key: Buffer;
  /** PEM. */
  certificate: string;
}

async function newKeys(): Promise<CryptoKeyPair> {
  return (await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as CryptoKeyPair;
}

async function exportKey(keys: CryptoKeyPair): Promise<Buffer> {
  return Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
}

async function importSigningKey(der: Buffer): Promise<CryptoKey> {
  return webcrypto.subtle.importKey('pkcs8', der, ALGORITHM, false, ['sign']);
}

function serial(): string {
  // Positive (top bit clear), 16 random bytes: unique without a counter shared between processes.
  const bytes = randomBytes(16);
  bytes[0] = bytes[0]! & 0x7f;
  return bytes.toString('hex');
}

/** The PEM form of a key from the vault, as Node's TLS takes it. */
export function keyPem(der: Buffer): string {
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }).export({ format: 'pem', type: 'pkcs8' }).toString();
}

/** SHA-256 of the certificate's DER, lowercase hex: how the hub knows a PC. */
export function fingerprintOf(pem: string | Buffer): string {
  return new X509Certificate(pem).fingerprint256.replaceAll(':', '').toLowerCase();
}

/** The room CA and the hub's own server certificate under it. */
export async function createRoomAuthority(roomId: string): Promise<{ ca: KeyAndCertificate; hub: KeyAndCertificate }> {
  const caKeys = await newKeys();
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: `CN=Kiosk room ${roomId} CA`,
    notBefore: NOT_BEFORE,
    notAfter: NOT_AFTER,
    keys: caKeys,
    signingAlgorithm: ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });
  const hubKeys = await newKeys();
  const hub = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: `CN=${ROOM_HUB_NAME}`,
    issuer: ca.subject,
    notBefore: NOT_BEFORE,
    notAfter: NOT_AFTER,
    publicKey: hubKeys.publicKey,
    signingKey: caKeys.privateKey,
    signingAlgorithm: ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth], true),
      new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: ROOM_HUB_NAME }]),
    ],
  });
  return {
    ca: { key: await exportKey(caKeys), certificate: ca.toString('pem') },
    hub: { key: await exportKey(hubKeys), certificate: hub.toString('pem') },
  };
}

/** A kiosk's new key and its certificate request (DER), made on the kiosk at pairing. */
export async function createKioskRequest(name: string): Promise<{ key: Buffer; request: Buffer }> {
  const keys = await newKeys();
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({ name: [{ CN: [name] }], keys, signingAlgorithm: ALGORITHM });
  return { key: await exportKey(keys), request: Buffer.from(csr.rawData) };
}

const badRequest = () =>
  new KioskError('invalid_request', 'Yêu cầu chứng chỉ của máy trạm không hợp lệ. Hãy chạy lại lệnh ghép máy trên máy trạm.', { reason: 'room_bad_request' });

/** The hub signs a kiosk's request (checked first: well-formed, self-signed, P-256) as a client certificate. */
export async function signKioskRequest(ca: KeyAndCertificate, request: Buffer): Promise<string> {
  let csr: x509.Pkcs10CertificateRequest;
  try {
    csr = new x509.Pkcs10CertificateRequest(Uint8Array.from(request));
    if (!(await csr.verify())) throw badRequest();
  } catch (error) {
    if (error instanceof KioskError) throw error;
    throw badRequest();
  }
  const algorithm = csr.publicKey.algorithm as EcKeyAlgorithm;
  if (algorithm.name !== 'ECDSA' || algorithm.namedCurve !== 'P-256') throw badRequest();
  const caCert = new x509.X509Certificate(ca.certificate);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    // The name the kiosk asked for is kept in room_pcs, not in the certificate: the hub knows a PC by its fingerprint.
    subject: 'CN=Kiosk room PC',
    issuer: caCert.subject,
    notBefore: NOT_BEFORE,
    notAfter: NOT_AFTER,
    publicKey: await csr.publicKey.export(ALGORITHM, ['verify'], webcrypto as unknown as Crypto),
    signingKey: await importSigningKey(ca.key),
    signingAlgorithm: ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.clientAuth], true),
    ],
  });
  return cert.toString('pem');
}

/** Whether `certificate` was issued by `ca` (what a kiosk checks on the hub's pairing answer). */
export function issuedBy(certificate: string, ca: string): boolean {
  try {
    const leaf = new X509Certificate(certificate);
    return leaf.checkIssued(new X509Certificate(ca)) && leaf.verify(new X509Certificate(ca).publicKey);
  } catch {
    return false;
  }
}

/** DER of a PEM certificate (what proofs are computed over). */
export function certificateDer(pem: string): Buffer {
  return Buffer.from(new X509Certificate(pem).raw);
}
