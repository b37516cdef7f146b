// A technician installs a signed update from a USB stick (issue #15, finding 7), through the
// kiosk's registry as the technician page calls it: real ed25519 packages made here with keys
// generated here, a stick folder on disk, and the installer the shell would register recording
// what it was handed. Tampered, downgraded, unsigned, wrong-key and swapped sticks install nothing.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { FakeClock } from '../../electron/core/clock';
import { attachUpdateInstaller, configureUsbUpdates, keyFingerprint } from '../../electron/core/updates/usb-update';
import type { UsbUpdateState } from '#contract/technician';
import { openTestKiosk, type TestKiosk } from '../support/kiosk';
import { newUpdateKey, publishUpdate } from '../support/update-stick';
import { tempDir } from '../support/temp-dir';

const province = newUpdateKey();
const stranger = newUpdateKey();
const installer = randomBytes(64 * 1024);

async function kioskWithStick() {
  const t = await openTestKiosk({ clock: new FakeClock('2026-12-02T09:00:00+07:00') });
  const media = tempDir('kiosk-stick-');
  const stick = join(media.path, 'kiosk-update');
  const installed: { path: string; bytes: Buffer }[] = [];
  configureUsbUpdates(t.kiosk.ctx, { media: () => [media.path], publicKey: () => province.publicPem, version: '1.3.0' });
  attachUpdateInstaller(t.kiosk.ctx, { install: async (path) => void installed.push({ path, bytes: readFileSync(path) }) });
  const token = (await t.call<{ token: string }>('staff.signIn', { card: 'KT0001', pin: '246813' })).token;
  return { t, stick, installed, token, done: () => media.remove() };
}
const state = (t: TestKiosk, token: string) => t.call<UsbUpdateState>('technician.usbUpdate', { staffToken: token });
const install = (t: TestKiosk, token: string, version: string) =>
  t.call<{ version: string; installing: boolean; staged: string }>('technician.installUsbUpdate', { staffToken: token, version });
const stagedFolders = (t: TestKiosk) => (existsSync(join(t.dataDir, 'updates')) ? readdirSync(join(t.dataDir, 'updates')) : []);

describe('a signed update on a USB stick', () => {
  it('is shown with version, signer and size, and installs the verified copy only when asked', async () => {
    const { t, stick, installed, token, done } = await kioskWithStick();
    try {
      expect(await state(t, token)).toMatchObject({ status: 'none', currentVersion: '1.3.0' });
      publishUpdate(stick, { version: '1.4.0', key: province.privateKey, installer });
      const seen = await state(t, token);
      expect(seen).toMatchObject({
        status: 'verified',
        signedBy: keyFingerprint(province.publicPem),
        update: { version: '1.4.0', file: 'Kiosk-1.4.0.AppImage', bytes: installer.length },
      });
      expect(seen.signedBy).toMatch(/^SHA-256 ([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
      expect(installed).toEqual([]); // looking installs nothing
      const result = await install(t, token, '1.4.0');
      expect(result).toMatchObject({ version: '1.4.0', installing: true });
      expect(result.staged.startsWith(join(t.dataDir, 'updates'))).toBe(true);
      expect(installed).toEqual([{ path: result.staged, bytes: installer }]);
    } finally {
      done();
    }
  });

  for (const [what, publishBad, reason] of [
    [
      'tampered after signing',
      (stick: string) => publishUpdate(stick, { key: province.privateKey, installer, file: Buffer.concat([installer.subarray(1), Buffer.from('!')]) }),
      'tampered_file',
    ],
    ['a downgrade', (stick: string) => publishUpdate(stick, { version: '1.2.9', key: province.privateKey, installer }), 'downgrade'],
    ['the same version', (stick: string) => publishUpdate(stick, { version: '1.3.0', key: province.privateKey, installer }), 'downgrade'],
    ['unsigned', (stick: string) => publishUpdate(stick, { key: province.privateKey, installer, sign: false }), 'missing_signature'],
    ['signed with another key', (stick: string) => publishUpdate(stick, { key: stranger.privateKey, installer }), 'bad_signature'],
    [
      'a manifest edited after signing',
      (stick: string) => publishUpdate(stick, { key: province.privateKey, installer, manifestEdit: (m) => (m.version = '9.9.9') }),
      'bad_signature',
    ],
  ] as const) {
    it(`refuses an update ${what}, says what to do, and installs nothing`, async () => {
      const { t, stick, installed, token, done } = await kioskWithStick();
      try {
        publishBad(stick);
        const seen = await state(t, token);
        expect(seen).toMatchObject({ status: 'refused', reason });
        expect(seen.message).toMatch(/Hãy|giữ nguyên/);
        await expect(install(t, token, '1.4.0')).rejects.toMatchObject({ apiError: { reason: `update_${reason}`, message: expect.stringMatching(/Hãy/) } });
        expect(installed).toEqual([]);
        expect(stagedFolders(t)).toEqual([]);
      } finally {
        done();
      }
    });
  }

  it('installs nothing when the stick changed after the technician looked, or a session is running', async () => {
    const { t, stick, installed, token, done } = await kioskWithStick();
    try {
      publishUpdate(stick, { version: '1.4.0', key: province.privateKey, installer });
      expect((await state(t, token)).status).toBe('verified');
      rmSync(stick, { recursive: true });
      publishUpdate(stick, { version: '1.5.0', key: province.privateKey, installer });
      await expect(install(t, token, '1.4.0')).rejects.toMatchObject({ apiError: { reason: 'update_changed' } });
      rmSync(stick, { recursive: true });
      await expect(install(t, token, '1.5.0')).rejects.toMatchObject({
        apiError: { reason: 'update_no_stick', message: expect.stringContaining('Hãy cắm lại USB') },
      });
      publishUpdate(stick, { version: '1.5.0', key: province.privateKey, installer });
      await t.call('internet.signIn', { kind: 'card', text: 'BD000003' });
      await expect(install(t, token, '1.5.0')).rejects.toMatchObject({ apiError: { reason: 'update_busy' } });
      expect(installed).toEqual([]);
      expect(stagedFolders(t)).toEqual([]);
    } finally {
      done();
    }
  });

  it('is refused to staff who are not technicians, and to nobody signed in', async () => {
    const { t, stick, installed, done } = await kioskWithStick();
    try {
      publishUpdate(stick, { version: '1.4.0', key: province.privateKey, installer });
      const staff = (await t.call<{ token: string }>('staff.signIn', { card: 'NV0001', pin: '147258' })).token;
      const onlyTechnicians = { apiError: { code: 'unauthorized', message: expect.stringContaining('kỹ thuật viên') } };
      await expect(state(t, staff)).rejects.toMatchObject(onlyTechnicians);
      await expect(install(t, staff, '1.4.0')).rejects.toMatchObject(onlyTechnicians);
      await expect(install(t, 'not-a-token', '1.4.0')).rejects.toMatchObject({ apiError: { code: expect.stringMatching(/^(invalid_request|unauthorized)$/) } });
      expect(installed).toEqual([]);
    } finally {
      done();
    }
  });
});

describe('a kiosk build without the province key', () => {
  it('refuses every stick and says so', async () => {
    const { t, stick, token, done } = await kioskWithStick();
    try {
      configureUsbUpdates(t.kiosk.ctx, { media: () => [join(stick, '..')], publicKey: () => undefined, version: '1.3.0' });
      publishUpdate(stick, { version: '1.4.0', key: province.privateKey, installer });
      expect(await state(t, token)).toMatchObject({ status: 'refused', reason: 'no_key', signedBy: null });
    } finally {
      done();
    }
  });
});
