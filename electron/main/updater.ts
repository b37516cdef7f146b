// Self-update through electron-updater's generic provider: from the configured server or from a
// USB folder served on 127.0.0.1. A downloaded update is installed only when canApplyUpdateNow says
// nobody is using the kiosk; if installing fails, the installer leaves the previous version.
import { powerMonitor } from 'electron';
import electronUpdater from 'electron-updater';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { basename, join } from 'node:path';
import type { Kiosk } from '../core/kiosk';
import { activeInternetSessions } from '../core/technician/overview';
import { listRemovableMedia, systemMediaSources } from '../core/technician/removable-media';
import { canApplyUpdateNow } from '../core/updates/policy';
import { chooseUpdateSource, findUsbUpdateFolder, type UpdateSource } from './update-source';

const { autoUpdater } = electronUpdater;

function serveFolder(folder: string): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    const name = basename(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    const file = join(folder, name);
    if (!name || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Length': statSync(file).size });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    resolve({ url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`, server });
  }));
}

export function startUpdater(kiosk: Kiosk, onInstall: () => void): () => void {
  const { ctx } = kiosk;
  let downloaded = false;
  let usbServer: Server | undefined;
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = false;
  autoUpdater.logger = null;
  autoUpdater.on('update-downloaded', () => {
    downloaded = true;
    ctx.log.log('info', 'update.downloaded', {});
  });
  autoUpdater.on('error', (error: Error) => ctx.log.log('warn', 'update.failed', { error: error.message.slice(0, 300) }));

  const check = async () => {
    const usb = findUsbUpdateFolder(listRemovableMedia(systemMediaSources).map((m) => m.path), existsSync, process.platform);
    const source: UpdateSource = chooseUpdateSource(ctx.config.updates.url, usb);
    if (source.kind === 'none') return;
    let url = source.kind === 'server' ? source.url : undefined;
    if (source.kind === 'usb') {
      usbServer?.close();
      const served = await serveFolder(source.folder);
      usbServer = served.server;
      url = served.url;
    }
    autoUpdater.setFeedURL({ provider: 'generic', url: url! });
    await autoUpdater.checkForUpdates().catch((error: Error) => ctx.log.log('warn', 'update.check_failed', { error: error.message.slice(0, 300) }));
  };

  const maybeInstall = () => {
    const decision = canApplyUpdateNow({
      activeInternetSessions: activeInternetSessions(ctx.db, ctx.clock.now()),
      // Residents and staff signed in always touch the screen within 10 minutes (their sessions time out then).
      someoneSignedIn: false,
      idleForMs: powerMonitor.getSystemIdleTime() * 1000,
      libraryOpen: null,
      updateDownloaded: downloaded,
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
    usbServer?.close();
  };
}
