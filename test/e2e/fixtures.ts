// Playwright fixtures: each test gets its own browser-mode kiosk (dist/host.mjs) on a fresh
// temporary data directory, started as a user would run it. Neither the kiosk nor the page reads the
// machine's clock: both start at the test's instant (`test.use({ clockAt: INSTANTS.sundayLate })`,
// default a Wednesday 10:00 in Vietnam; test/support/clock.ts) and run at real speed from there.
import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_INSTANT, testClockArgs } from '../support/clock';

export { INSTANTS } from '../support/clock';

const root = fileURLToPath(new URL('../../', import.meta.url));
/** The build under test: dist/, or KIOSK_DIST_DIR when parallel work builds elsewhere. */
export const distDir = process.env.KIOSK_DIST_DIR ? resolve(root, process.env.KIOSK_DIST_DIR) : join(root, 'dist');
/** The built provincial collector, as `npm run collector` runs it. */
export const collectorEntry = () => join(distDir, 'collector/collector.mjs');
export const resultsDir = process.env.KIOSK_TEST_OUT ? resolve(root, process.env.KIOSK_TEST_OUT) : join(root, 'test-results');

export interface RunningKiosk {
  url: string;
  dataDir: string;
  process: ChildProcess;
  /** What the kiosk wrote to stderr so far: its JSON log lines. */
  output(): string;
  /** What it wrote to stdout so far (KIOSK_URL=…; a room's hub also ROOM_HUB=… ROOM_PAIRING=…). */
  stdout(): string;
  /** The instant the kiosk's clock started at (epoch ms); pages get the same one (kioskClock). */
  startedAt: number;
  /**
   * Moves the kiosk's clock on by `ms` as if that time had passed (its stdin, common/testing/test-clock.ts),
   * and the given pages' clocks with it; resolves with the kiosk's new time once it has moved.
   */
  advanceClock(ms: number, pages?: Page[]): Promise<number>;
}

export interface KioskStart {
  dataDir?: string;
  args?: string[];
  /** The kiosk's clock starts here (default: a Wednesday 10:00 in Vietnam) ... */
  at?: string | number;
  /** ... and runs at this speed (1 = real time, 0 = frozen). */
  rate?: number;
  env?: Record<string, string>;
}

export async function startKiosk(options: KioskStart = {}): Promise<RunningKiosk> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'kiosk-e2e-'));
  const at = options.at ?? DEFAULT_INSTANT;
  const startedAt = typeof at === 'number' ? at : Date.parse(at);
  // --simulate-devices lets tests inject scans (test/e2e/scan.ts) through the real decoders;
  // --test-clock gives the kiosk the test's clock (common/testing/test-clock.ts).
  const args = ['--data-dir', dataDir, '--simulate-devices', ...testClockArgs(startedAt, options.rate ?? 1), ...(options.args ?? [])];
  const child = spawn(process.execPath, [join(distDir, 'host.mjs'), ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
    ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
  });
  let stderr = '';
  let stdout = '';
  child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
  child.stdout!.on('data', (chunk) => (stdout += String(chunk)));
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
  const advanceClock = async (ms: number, pages: Page[] = []): Promise<number> => {
    const moved = new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the kiosk did not move its clock: ${stderr.slice(-500)}`)), 10_000);
      const onData = (chunk: Buffer) => {
        const match = /CLOCK=(\d+)/.exec(String(chunk));
        if (!match) return;
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        resolve(Number(match[1]));
      };
      child.stdout!.on('data', onData);
    });
    child.stdin!.write(`advance ${Math.round(ms)}\n`);
    const now = await moved;
    for (const page of pages) await page.clock.fastForward(Math.round(ms));
    return now;
  };
  return { url, dataDir, process: child, output: () => stderr, stdout: () => stdout, startedAt, advanceClock };
}

/** Gives a browser context the kiosk's clock: Chromium's Date, timers and performance start at the same instant. */
export async function kioskClock(target: BrowserContext | Page, at: string | number = DEFAULT_INSTANT): Promise<void> {
  await target.clock.install({ time: typeof at === 'number' ? at : Date.parse(at) });
}

/**
 * Stops the page's test clock one second on from where it stands, so nothing on the page is timed
 * while a loaded machine does what the test measures; `page.clock.resume()` lets it run on. The clock
 * was installed at the kiosk's start instant and its performance.now() counts from that install, so
 * their sum is where the page's clock stands.
 */
export async function pausePageClock(page: Page, kiosk: Pick<RunningKiosk, 'startedAt'>): Promise<void> {
  await page.clock.pauseAt(kiosk.startedAt + (await page.evaluate(() => performance.now())) + 1000);
}

/** A page in a new context (another person at another screen) on the kiosk's clock. */
export async function newKioskPage(browser: Browser, kiosk: Pick<RunningKiosk, 'startedAt'>): Promise<Page> {
  const context = await browser.newContext();
  await kioskClock(context, kiosk.startedAt);
  return context.newPage();
}

/** The Vietnamese date `offsetDays` after the kiosk's day at `at`, as screens write it (dd/mm/yyyy). */
export function vietnamDay(offsetDays: number, at: string | number = DEFAULT_INSTANT): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(typeof at === 'number' ? at : Date.parse(at));
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const shifted = new Date(Date.UTC(y, m - 1, d + offsetDays));
  return `${String(shifted.getUTCDate()).padStart(2, '0')}/${String(shifted.getUTCMonth() + 1).padStart(2, '0')}/${shifted.getUTCFullYear()}`;
}

/** One `kiosk` command on the built CLI at the test's instant; the parsed JSON it prints. */
export function kioskCli(args: readonly string[], at: string | number = DEFAULT_INSTANT, env: Record<string, string> = {}): unknown {
  const out = execFileSync(process.execPath, [join(distDir, 'cli.mjs'), ...args, '--json', ...testClockArgs(at)], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return JSON.parse(out) as unknown;
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

/**
 * Opens the kiosk's home screen and waits until it can take a scan. `page.goto` returns at the load
 * event, before the screen has its connection to the core; a scan sent in between is an event no
 * screen hears (as a real card swiped while the screen is still starting), so tests wait for home.
 */
export async function openHome(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('#attract-title')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-core-link', 'open');
}

export const test = base.extend<{ kiosk: RunningKiosk; clockAt: string }>({
  /** The instant this test's kiosk and pages start at; `test.use({ clockAt: INSTANTS.… })` picks another. */
  clockAt: [DEFAULT_INSTANT, { option: true }],
  context: async ({ context, clockAt }, use) => {
    await kioskClock(context, clockAt);
    await use(context);
  },
  kiosk: async ({ clockAt }, use) => {
    const kiosk = await startKiosk({ at: clockAt });
    await use(kiosk);
    await stopKiosk(kiosk);
  },
});

export { expect };
