// Self-update. From the provincial server (https only) through electron-updater, but installed only
// after the province's signed manifest (kiosk-update.json + .sig, ed25519, core/updates/signature.ts)
// vouches for the downloaded file and names a newer version. From a USB stick only while a
// technician is signed in, offered on the technician's "Cập nhật phần mềm" page and installed when
// the technician touches "Cài đặt" (core/updates/usb-update.ts decides; this file only runs the
// verified installer). Server installs wait until nobody uses the kiosk (canApplyUpdateNow).
import { app, net, powerMonitor } from 'electron';
import electronUpdater from 'electron-updater';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync, rmSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { Kiosk } from '../core/kiosk';
import { technicianSignedIn } from '../core/staff/auth';
import { activeInternetSessions } from '../core/technician/overview';
import { listRemovableMedia, systemMediaSources } from '../core/technician/removable-media';
import { canApplyUpdateNow } from '../core/updates/policy';
import { bundledUpdateKey, SIGNATURE_FILE, SIGNED_MANIFEST, verifyUpdateFolder } from '../core/updates/signature';
import { VERSION } from '../core/version';
import { attachUpdateInstaller, configureUsbUpdates } from '../core/updates/usb-update';
import { chooseUpdateSource, findUsbUpdateFolder } from './update-source';

const { autoUpdater } = electronUpdater;

async function fetchBytes(url: string): Promise<Buffer | undefined> {
  try {
    const response = await net.fetch(url);
    return response.ok ? Buffer.from(await response.arrayBuffer()) : undefined;
  } catch {
    return undefined;
  }
}

/** Puts the downloaded installer beside the server's signed manifest, so one check covers both sources. */
async function verifyServerDownload(serverUrl: string, downloadedFile: string, publicKey: string | undefined) {
  const folder = mkdtempSync(join(tmpdir(), 'kiosk-update-'));
  try {
    const base = serverUrl.endsWith('/') ? serverUrl : `${serverUrl}/`;
    const manifest = await fetchBytes(new URL(SIGNED_MANIFEST, base).href);
    const signature = await fetchBytes(new URL(SIGNATURE_FILE, base).href);
    if (manifest) writeFileSync(join(folder, SIGNED_MANIFEST), manifest);
    if (signature) writeFileSync(join(folder, SIGNATURE_FILE), signature);
    copyFileSync(downloadedFile, join(folder, basename(downloadedFile)));
    return await verifyUpdateFolder(folder, publicKey, VERSION);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

export function startUpdater(kiosk: Kiosk, onInstall: () => void): () => void {
  const { ctx } = kiosk;
  const publicKey = bundledUpdateKey([join(process.resourcesPath ?? '', 'resources'), join(dirname(app.getAppPath()), 'resources')]);
  let verified = false;
  configureUsbUpdates(ctx, { publicKey: () => publicKey });
  attachUpdateInstaller(ctx, {
    async install(installer) {
      // The core verified this copy inside the data folder; the installer replaces the app, so the kiosk quits.
      const args = process.platform === 'win32' ? ['/S', '--force-run'] : [];
      const command = installer.endsWith('.deb') ? 'pkexec' : installer;
      spawn(command, installer.endsWith('.deb') ? ['dpkg', '-i', installer] : args, { detached: true, stdio: 'ignore' }).unref();
      onInstall();
      setTimeout(() => app.quit(), 1000);
    },
  });
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = false;
  autoUpdater.logger = null;
  autoUpdater.on('update-downloaded', (info: { downloadedFile?: string }) => {
    const serverUrl = ctx.config.updates.url;
    if (!serverUrl || !info.downloadedFile) return;
    void verifyServerDownload(serverUrl, info.downloadedFile, publicKey).then((check) => {
      verified = check.ok;
      if (check.ok) ctx.log.log('info', 'update.verified', { version: check.manifest.version });
      else ctx.log.log('warn', 'update.refused', { reason: check.reason });
    });
  });
  autoUpdater.on('error', (error: Error) => ctx.log.log('warn', 'update.failed', { error: error.message.slice(0, 300) }));

  const check = async () => {
    const usb = findUsbUpdateFolder(
      listRemovableMedia(systemMediaSources).map((m) => m.path),
      existsSync,
      process.platform,
    );
    const source = chooseUpdateSource(ctx.config.updates.url, usb, technicianSignedIn(ctx));
    // A stick (technician signed in): offered on the technician's page, never installed from here.
    if (source.kind !== 'server') return;
    autoUpdater.setFeedURL({ provider: 'generic', url: source.url });
    await autoUpdater.checkForUpdates().catch((error: Error) => ctx.log.log('warn', 'update.check_failed', { error: error.message.slice(0, 300) }));
  };

  const maybeInstall = () => {
    const decision = canApplyUpdateNow({
      activeInternetSessions: activeInternetSessions(ctx.db, ctx.clock.now()),
      someoneSignedIn: false,
      idleForMs: powerMonitor.getSystemIdleTime() * 1000,
      libraryOpen: null,
      updateDownloaded: verified,
    });
    if (!decision.ok) return;
    ctx.log.log('info', 'update.installing', {});
    onInstall();
    autoUpdater.quitAndInstall(true, true);
  };

  void check();
  const checkTimer = setInterval(() => void check(), ctx.config.updates.checkEveryHours * 3600_000);
  const installTimer = setInterval(maybeInstall, 60_000);
  return () => {
    clearInterval(checkTimer);
    clearInterval(installTimer);
  };
}
