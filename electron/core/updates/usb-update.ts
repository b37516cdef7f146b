// A signed update on a technician's USB stick (issue #15, finding 7): looked at only while a
// technician is signed in (the methods are technician-only), shown on the technician's
// "Cập nhật phần mềm" page with its version, the key that signed it and its size, and installed
// only when the technician touches "Cài đặt". The stick's folder is copied into the data folder
// first and the COPY is verified again, so a stick swapped or edited after the check installs
// nothing. The core decides; the Electron shell registers the installer that runs the verified file.
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createHash, createPublicKey } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { UsbUpdateState } from '#contract/technician';
import type { KioskContext } from '../context';
import { KioskError, refused } from '../errors';
import { activeInternetSessions } from '../technician/overview';
import { listRemovableMedia, systemMediaSources } from '../technician/removable-media';
import { VERSION } from '../version';
import { bundledUpdateKey, SIGNATURE_FILE, SIGNED_MANIFEST, verifyUpdateFolder, type UpdateManifest } from './signature';

export const USB_UPDATE_FOLDER = 'kiosk-update';

export interface UsbUpdateSources {
  /** Mount points of removable media now. */
  media(): string[];
  /** The province's public key this build carries (PEM), if any. */
  publicKey(): string | undefined;
  version: string;
}

/** Runs a verified installer (Electron: starts it and quits). Browser mode registers none. */
export interface UpdateInstaller {
  install(installerPath: string, manifest: UpdateManifest): Promise<void>;
}

function resourcesDirs(): string[] {
  return ['./resources/', '../../../resources/'].map((candidate) => fileURLToPath(new URL(candidate, import.meta.url)));
}

const defaults: UsbUpdateSources = {
  media: () => listRemovableMedia(systemMediaSources).map((medium) => medium.path),
  publicKey: () => bundledUpdateKey(resourcesDirs()),
  version: VERSION,
};

const sources = new WeakMap<KioskContext, UsbUpdateSources>();
const installers = new WeakMap<KioskContext, UpdateInstaller>();

/** Electron passes its own resources path for the key; tests pass their own key and stick. */
export function configureUsbUpdates(ctx: KioskContext, overrides: Partial<UsbUpdateSources>): void {
  sources.set(ctx, { ...defaults, ...overrides });
}

export function attachUpdateInstaller(ctx: KioskContext, installer: UpdateInstaller): void {
  installers.set(ctx, installer);
}

const sourcesOf = (ctx: KioskContext) => sources.get(ctx) ?? defaults;

/** "SHA-256 3F2A 9C1B …": what the technician compares with the fingerprint docs/deploy.md gives. */
export function keyFingerprint(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  const hex = createHash('sha256').update(der).digest('hex').toUpperCase().slice(0, 32);
  return `SHA-256 ${hex.match(/.{4}/g)!.join(' ')}`;
}

function findStickFolder(ctx: KioskContext): string | undefined {
  for (const medium of sourcesOf(ctx).media()) {
    const folder = join(medium, USB_UPDATE_FOLDER);
    if (existsSync(join(folder, SIGNED_MANIFEST))) return folder;
  }
  return undefined;
}

/** What the technician's page shows: no stick update, a verified one, or why one is refused. */
export async function usbUpdateState(ctx: KioskContext): Promise<UsbUpdateState> {
  const { publicKey, version } = sourcesOf(ctx);
  const key = publicKey();
  const base = { currentVersion: version, signedBy: key ? keyFingerprint(key) : null };
  const folder = findStickFolder(ctx);
  if (!folder) return { ...base, status: 'none' };
  const check = await verifyUpdateFolder(folder, key, version);
  if (!check.ok) return { ...base, status: 'refused', folder, reason: check.reason, message: check.message };
  return { ...base, status: 'verified', folder, update: { version: check.manifest.version, file: check.manifest.file, bytes: check.manifest.size } };
}

/**
 * Installs the stick's update the technician saw (`version`): copied into the data folder, the copy
 * verified, then handed to the installer. Refused with a sentence saying what to do when anything
 * does not hold (nothing copied is kept then).
 */
export async function installUsbUpdate(ctx: KioskContext, version: string): Promise<{ version: string; installing: boolean; staged: string }> {
  const { publicKey, version: running } = sourcesOf(ctx);
  const folder = findStickFolder(ctx);
  if (!folder) throw refused('update_no_stick', 'Không thấy bản cập nhật trên USB nữa. Hãy cắm lại USB có thư mục kiosk-update rồi bấm "Tìm lại".');
  const sessions = activeInternetSessions(ctx.db, ctx.clock.now());
  if (sessions > 0) throw refused('update_busy', `Đang có ${sessions} phiên Internet. Hãy chờ phiên kết thúc (hoặc kết thúc nó ở trang Máy Internet) rồi cài.`);
  const first = await verifyUpdateFolder(folder, publicKey(), running);
  if (!first.ok) throw refused(`update_${first.reason}`, first.message);
  if (first.manifest.version !== version)
    throw refused('update_changed', 'Bản cập nhật trên USB đã đổi từ lúc bạn xem. Hãy bấm "Tìm lại" để xem bản mới rồi mới cài.');
  const staged = join(ctx.dataDir, 'updates', `usb-${first.manifest.version}`);
  rmSync(staged, { recursive: true, force: true });
  mkdirSync(staged, { recursive: true });
  try {
    for (const name of [SIGNED_MANIFEST, SIGNATURE_FILE, first.manifest.file]) copyFileSync(join(folder, name), join(staged, name));
    // The copy is what gets installed, so the copy is what is verified.
    const copy = await verifyUpdateFolder(staged, publicKey(), running);
    if (!copy.ok) throw refused(`update_${copy.reason}`, copy.message);
    if (copy.manifest.version !== version)
      throw refused('update_changed', 'Bản cập nhật trên USB đã đổi từ lúc bạn xem. Hãy bấm "Tìm lại" để xem bản mới rồi mới cài.');
    ctx.log.log('info', 'update.usb_installing', { version: copy.manifest.version, bytes: copy.manifest.size });
    const installer = installers.get(ctx);
    if (installer) await installer.install(copy.installer, copy.manifest);
    return { version: copy.manifest.version, installing: installer !== undefined, staged: copy.installer };
  } catch (error) {
    rmSync(staged, { recursive: true, force: true });
    if (error instanceof KioskError) throw error;
    throw refused(
      'update_copy_failed',
      'Không chép được bản cập nhật từ USB vào máy (USB bị rút ra hoặc máy hết chỗ). Hãy cắm lại USB, kiểm tra chỗ trống rồi bấm "Cài đặt" lại.',
    );
  }
}
