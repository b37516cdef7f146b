// The Electron shell: one kiosk window showing the renderer from app://kiosk, the contract carried
// over one IPC channel. Every decision lives in the core or in plain functions beside this file.
import { app, BrowserWindow, ipcMain, net, protocol, session } from 'electron';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chooseDataDir } from '../core/config/data-dir';
import { createKiosk, type Kiosk } from '../core/kiosk';
import { contentSecurityPolicy, resolveInside } from '../core/security/web';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../contract/ipc';
import { APP_ORIGIN, isKioskFrame } from './ipc-guard';
import { createNativeDevices } from '../../native';


protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

let kiosk: Kiosk | undefined;

// Bundled as dist/electron-main.mjs beside dist/renderer and dist/preload.cjs.
const distDir = fileURLToPath(new URL('.', import.meta.url));

function rendererRoot(): string {
  return join(distDir, 'renderer');
}

function serveApp(): void {
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    const file = resolveInside(rendererRoot(), url.pathname === '/' ? '/index.html' : url.pathname);
    if (!file || url.host !== 'kiosk') return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', contentSecurityPolicy(APP_ORIGIN));
    return new Response(response.body, { status: response.status, headers });
  });
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    kiosk: true,
    fullscreen: true,
    autoHideMenuBar: true,
    backgroundColor: '#f6f3ea',
    webPreferences: {
      preload: join(distDir, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  window.setMenu(null);
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  void window.loadURL(`${APP_ORIGIN}/`);
  return window;
}

async function start(): Promise<void> {
  await app.whenReady();
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  serveApp();
  kiosk = await createKiosk({ dataDir: chooseDataDir(process.env.KIOSK_DATA_DIR), devices: createNativeDevices({ hardware: true }) });
  const window = createWindow();

  ipcMain.handle(CALL_CHANNEL, async (event, method: unknown, params: unknown) => {
    if (!isKioskFrame(event.senderFrame?.url, event.senderFrame === event.sender.mainFrame)) {
      return { ok: false, error: { code: 'unauthorized', message: 'Khung gọi không phải giao diện kiosk.' } };
    }
    if (typeof method !== 'string') return { ok: false, error: { code: 'invalid_request', message: 'Tên lệnh không hợp lệ.' } };
    return kiosk!.registry.dispatch(method, params);
  });
  kiosk.bus.onAny((name, payload) => {
    if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, name, payload);
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('window-all-closed', () => {
    void kiosk?.close().finally(() => app.quit());
  });
  start().catch((error: unknown) => {
    process.stderr.write(`Không khởi động được kiosk: ${(error as Error).message}\n`);
    app.exit(2);
  });
}
