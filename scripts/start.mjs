// `npm start`: the Electron kiosk window when the Electron binary is installed; otherwise browser
// mode (the host on 127.0.0.1), opening Chromium in app mode when there is one and a display.
// Arguments pass through to the kiosk: --data-dir DIR, --config FILE, --port N.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);

function electronBinary() {
  try {
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

function chromiumBinary() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((candidate) => candidate && existsSync(candidate));
}

function optionValue(name) {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

const electron = electronBinary();
if (electron && !args.includes('--browser')) {
  const dataDir = optionValue('--data-dir');
  const child = spawn(electron, [join(root, 'dist/electron-main.mjs')], {
    stdio: 'inherit',
    env: { ...process.env, ...(dataDir ? { KIOSK_DATA_DIR: dataDir } : {}) },
  });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  if (!electron) console.log('Không có Electron trên máy này (Electron binary not installed): chạy kiosk ở chế độ trình duyệt.');
  const host = spawn(process.execPath, [join(root, 'dist/host.mjs'), ...args.filter((a) => a !== '--browser')], { stdio: ['ignore', 'pipe', 'inherit'] });
  let browser;
  host.stdout.setEncoding('utf8');
  host.stdout.on('data', (chunk) => {
    const match = /KIOSK_URL=(\S+)/.exec(chunk);
    if (!match) return process.stdout.write(chunk);
    const url = match[1];
    console.log(`Mở kiosk tại: ${url}`);
    const chromium = chromiumBinary();
    const display = process.env.DISPLAY || process.env.WAYLAND_DISPLAY;
    if (chromium && display && !process.env.CI) {
      const profile = mkdtempSync(join(tmpdir(), 'kiosk-chromium-'));
      browser = spawn(
        chromium,
        [
          `--app=${url}`,
          `--user-data-dir=${profile}`,
          '--no-first-run',
          '--disable-sync',
          '--disable-background-networking',
          '--disable-component-update',
          '--start-maximized',
        ],
        { stdio: 'ignore' },
      );
      browser.on('exit', () => host.kill('SIGTERM'));
    } else if (!display) {
      console.log('Không có màn hình (DISPLAY): hãy mở địa chỉ trên bằng trình duyệt.');
    }
  });
  host.on('exit', (code) => {
    browser?.kill();
    process.exit(code ?? 0);
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => host.kill('SIGTERM'));
}
