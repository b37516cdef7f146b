// Playwright fixtures: each test gets its own browser-mode kiosk (dist/host.mjs) on a fresh
// temporary data directory, started as a user would run it.
import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
/** The build under test: dist/, or KIOSK_DIST_DIR when parallel work builds elsewhere. */
export const distDir = process.env.KIOSK_DIST_DIR ? resolve(root, process.env.KIOSK_DIST_DIR) : join(root, 'dist');
const resultsDir = process.env.KIOSK_TEST_OUT ? resolve(root, process.env.KIOSK_TEST_OUT) : join(root, 'test-results');

export interface RunningKiosk {
  url: string;
  dataDir: string;
  process: ChildProcess;
  /** What the kiosk wrote to stderr so far: its JSON log lines. */
  output(): string;
}

export async function startKiosk(options: { dataDir?: string; args?: string[] } = {}): Promise<RunningKiosk> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'kiosk-e2e-'));
  // --simulate-devices lets tests inject scans (test/e2e/scan.ts) through the real decoders.
  const child = spawn(process.execPath, [join(distDir, 'host.mjs'), '--data-dir', dataDir, '--simulate-devices', ...(options.args ?? [])], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`kiosk did not start: ${stderr}`)), 15_000);
    child.stdout!.on('data', (chunk) => {
      const match = /KIOSK_URL=(\S+)/.exec(String(chunk));
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`kiosk exited with ${code}: ${stderr}`)));
  });
  return { url, dataDir, process: child, output: () => stderr };
}

export async function stopKiosk(kiosk: RunningKiosk, removeData = true): Promise<void> {
  if (kiosk.process.exitCode === null) {
    const exited = new Promise((resolve) => kiosk.process.once('exit', resolve));
    kiosk.process.kill('SIGTERM');
    await exited;
  }
  if (removeData) rmSync(kiosk.dataDir, { recursive: true, force: true });
}

/** Saves a screenshot where reviewers look for them: test-results/screenshots/NAME.png. */
export async function snapshot(page: Page, name: string): Promise<void> {
  const dir = join(resultsDir, 'screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: false });
}

export const test = base.extend<{ kiosk: RunningKiosk }>({
  kiosk: async ({}, use) => {
    const kiosk = await startKiosk();
    await use(kiosk);
    await stopKiosk(kiosk);
  },
});

export { expect };
