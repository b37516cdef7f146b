// The Electron shell: one full-screen kiosk window showing the renderer from app://kiosk, the
// contract carried over one IPC channel. Every decision lives in the core or in plain functions
// beside this file (keys, navigation, schedule, update-source); this file only wires them.
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session, type WebContents } from 'electron';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chooseDataDir } from '../core/config/data-dir';
import { createKiosk, type Kiosk } from '../core/kiosk';
import { serveRoom } from '../core/room/register';
import { claimDataDir, OWNER_WAIT_MS } from '../core/store/owner';
import { createFileLogger, LOG_DIR } from '../core/logs/file-logger';
import { contentSecurityPolicy, resolveInside } from '../core/security/web';
import { CALL_CHANNEL, EVENT_CHANNEL } from '#contract/ipc';
import { APP_ORIGIN, isKioskFrame } from './ipc-guard';
import { adminModeFrom, shouldSwallowKey } from './keys';
import { hasSafeWebPreferences, isAllowedNavigation } from './navigation';
import { nextRestartAt, recoveryAction, RECOVER_WITHIN_MS } from './schedule';
import { startUpdater } from './updater';
import { safeStorageVault } from './safe-storage-vault';
import { provideReceiptPrinter } from '../core/circulation/receipt';
import { printReceiptSilently } from './receipt-printer';
import { attachBrowsing } from './browsing';
import { eresourceResponse } from './eresource-protocol';
import { createNativeDevices } from '../../native';
import { cliModeFrom, type CliMode } from './cli-mode';
import { createProgram } from '../cli/program';

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

let kiosk: Kiosk | undefined;
// `--cli <command>`: the technician's command line on an installed PC; no window, output on the console.
const cliMode = cliModeFrom(process.argv);
const adminMode = adminModeFrom(process.argv);
const startedAt = Date.now();

// Bundled as dist/electron-main.mjs beside dist/renderer and dist/preload.cjs.
const distDir = fileURLToPath(new URL('.', import.meta.url));

function serveApp(): void {
  protocol.handle('app', async (request) => {
    // Content-pack files (Thư viện số) come first, with their own sandboxing CSP.
    const packFile = kiosk ? eresourceResponse(kiosk.ctx, request) : undefined;
    if (packFile) return packFile;
    const url = new URL(request.url);
    const file = resolveInside(join(distDir, 'renderer'), url.pathname === '/' ? '/index.html' : url.pathname);
    if (!file || url.host !== 'kiosk') return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', contentSecurityPolicy(APP_ORIGIN));
    return new Response(response.body, { status: response.status, headers });
  });
}

/**
 * Guards every web contents the app ever creates. The kiosk UI (default session) never leaves
 * app://kiosk; the internet session's tabs live in their own partition, where browsing.ts asks
 * the core's URL policy for every navigation and popup instead.
 */
function lockDown(contents: WebContents): void {
  if (contents.session === session.defaultSession) {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event, url) => {
      if (!isAllowedNavigation(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAllowedNavigation(url)) event.preventDefault();
    });
  }
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('before-input-event', (event, input) => {
    if (shouldSwallowKey(input, adminMode)) event.preventDefault();
  });
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    kiosk: !adminMode,
    fullscreen: !adminMode,
    autoHideMenuBar: true,
    backgroundColor: '#f6f3ea',
    webPreferences: {
      preload: join(distDir, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
      devTools: adminMode,
    },
  });
  window.setMenu(null);
  void window.loadURL(`${APP_ORIGIN}/`);

  // A crashed or hung renderer goes back to the home screen within RECOVER_WITHIN_MS; repeated crashes relaunch the app.
  const crashes: number[] = [];
  const recover = (why: string) => {
    crashes.push(Date.now());
    kiosk?.ctx.log.log('error', 'shell.renderer_recovered', { why });
    if (recoveryAction(crashes, Date.now()) === 'relaunch') {
      app.relaunch();
      app.exit(0);
      return;
    }
    setTimeout(() => {
      if (!window.isDestroyed()) void window.loadURL(`${APP_ORIGIN}/#/`);
    }, 500);
  };
  window.webContents.on('render-process-gone', (_event, details) => recover(details.reason));
  let hangTimer: NodeJS.Timeout | undefined;
  window.on('unresponsive', () => {
    hangTimer = setTimeout(() => {
      window.webContents.forcefullyCrashRenderer();
      recover('unresponsive');
    }, RECOVER_WITHIN_MS - 1000);
  });
  window.on('responsive', () => clearTimeout(hangTimer));
  return window;
}

function scheduleNightlyRestart(time: string | null): void {
  const at = nextRestartAt(Date.now(), time, startedAt);
  if (at === undefined) return;
  setTimeout(() => {
    kiosk?.ctx.log.log('info', 'shell.nightly_restart', {});
    void kiosk?.close().finally(() => {
      app.relaunch();
      app.exit(0);
    });
  }, at - Date.now()).unref();
}

async function start(): Promise<void> {
  await app.whenReady();
  Menu.setApplicationMenu(null);
  // Camera, microphone, geolocation, notifications …: the kiosk UI needs none of them.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.setDevicePermissionHandler(() => false);
  serveApp();
  const dataDir = chooseDataDir(process.env.KIOSK_DATA_DIR);
  const log = createFileLogger({ dir: join(dataDir, LOG_DIR), echo: (line) => process.stderr.write(line) });
  // One owner per data folder: a kiosk still shutting down gets a moment to let go, then we refuse.
  const owner = await claimDataDir(dataDir, { pid: process.pid, startedAt: new Date(startedAt).toISOString(), role: 'electron' }, { waitMs: OWNER_WAIT_MS });
  kiosk = await createKiosk({
    dataDir,
    log,
    devices: createNativeDevices({ hardware: true }),
    owner,
    keyVault: safeStorageVault(dataDir, log),
    deferStartupWork: true,
  });
  // Housekeeping the first screen does not need runs once the screen has its first answer (or after 2 s).
  const runDeferred = () => {
    clearTimeout(fallback);
    void kiosk?.startDeferred();
  };
  const fallback = setTimeout(runDeferred, 2000);
  provideReceiptPrinter(kiosk.ctx, printReceiptSilently);
  // A room's hub opens the ports its kiosks pair and call on (electron/core/room/); if it cannot, its own screen still serves.
  await serveRoom(kiosk.ctx).catch((error: unknown) =>
    log.log('error', 'room.hub_failed', { error: String((error as Error)?.message ?? error).slice(0, 500) }),
  );
  const window = createWindow();
  attachBrowsing(window, kiosk);

  ipcMain.handle(CALL_CHANNEL, async (event, method: unknown, params: unknown) => {
    if (!isKioskFrame(event.senderFrame?.url, event.senderFrame === event.sender.mainFrame)) {
      return { ok: false, error: { code: 'unauthorized', message: 'Khung gọi không phải giao diện kiosk.' } };
    }
    if (typeof method !== 'string') return { ok: false, error: { code: 'invalid_request', message: 'Tên lệnh không hợp lệ.' } };
    const reply = await kiosk!.registry.dispatch(method, params);
    setImmediate(runDeferred);
    return reply;
  });
  kiosk.bus.onAny((name, payload) => {
    if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, name, payload);
  });
  scheduleNightlyRestart(kiosk.ctx.config.shell.nightlyRestart);
  if (app.isPackaged && kiosk.mode !== 'misconfigured') {
    const stop = startUpdater(kiosk, () => undefined);
    kiosk.ctx.onClose(stop);
  }
}

/** Runs one `kiosk` command and exits; the kiosk window (and its single-instance lock) is never touched. */
async function runCommandMode(mode: Exclude<CliMode, { kind: 'kiosk' }>): Promise<void> {
  if (mode.kind === 'refused') {
    process.stderr.write(`${mode.message}\n`);
    app.exit(2);
    return;
  }
  await createProgram(mode.program).parseAsync(mode.args, { from: 'user' });
  app.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
}

if (cliMode.kind !== 'kiosk') {
  runCommandMode(cliMode).catch((error: unknown) => {
    process.stderr.write(`Lệnh không chạy được: ${(error as Error).message}\n`);
    app.exit(3);
  });
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('web-contents-created', (_event, contents) => {
    lockDown(contents);
    // A web contents created with unsafe preferences (nodeIntegration, no sandbox) is destroyed at once.
    contents.once('did-start-loading', () => {
      const prefs = (contents as unknown as { getLastWebPreferences?: () => Parameters<typeof hasSafeWebPreferences>[0] | null }).getLastWebPreferences?.();
      if (prefs && !hasSafeWebPreferences(prefs)) contents.close();
    });
  });
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    window?.focus();
  });
  app.on('window-all-closed', () => {
    void kiosk?.close().finally(() => app.quit());
  });
  start().catch((error: unknown) => {
    process.stderr.write(`Không khởi động được kiosk: ${(error as Error).message}\n`);
    dialog.showErrorBox('Kiosk', (error as Error).message);
    app.exit(2);
  });
}
