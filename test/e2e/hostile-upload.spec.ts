// "Session downloads only" end to end (issue #15, finding 1): a page of the internet tab opens its
// file chooser; the resident never sees the system dialog but the kiosk's own picker screen, which
// lists only what was downloaded in THIS session. The kiosk core and its screen run here in one
// process (createKiosk + the browser-mode host, as dist/host.mjs does); the tab is Debian's
// Chromium over a CDP pipe with the same attachTabGuard() and sessionUploads() Electron's tabs use.
import { test, expect, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kiosk } from '../../electron/core/kiosk';
import type { Host } from '../../electron/host/server';
import { internetOf } from '../../electron/core/internet/context';
import { activeDownloadsDir, sessionUploads } from '../../electron/core/internet/file-picker';
import { attachTabGuard, type GuardEvent } from '../../electron/core/internet/guard/tab-guard';
import { systemResolver } from '../../electron/core/internet/guard/resolve';
import type { CdpChannel } from '../../electron/core/internet/guard/cdp';
import { DEFAULT_INSTANT } from '../support/clock';
import { launchChromium, removeProfileFolder, type CdpBrowser } from '../support/cdp-pipe';
import { startHostileSite, type HostileSite } from '../support/hostile-site';
import { kioskClock, snapshot } from './fixtures';
import { startInProcessKiosk, type InProcessKiosk } from './in-process-kiosk';

let site: HostileSite;
let browser: CdpBrowser;
let work: string;
let running: InProcessKiosk;
let kiosk: Kiosk;
let host: Host;

test.beforeAll(async () => {
  site = await startHostileSite();
  work = mkdtempSync(join(tmpdir(), 'kiosk-upload-'));
  browser = await launchChromium(
    ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-sync', '--window-size=1366,768'],
    join(work, 'profile'),
  );
});

test.beforeEach(async () => {
  // A weekday morning, the room open.
  running = await startInProcessKiosk(work);
  ({ kiosk, host } = running);
});

test.afterEach(async () => {
  await running?.close();
});

test.afterAll(async () => {
  await browser?.close();
  await site?.close();
  removeProfileFolder(work);
});

async function startSession(page: Page): Promise<void> {
  await kioskClock(page.context(), DEFAULT_INSTANT);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${host.url}#/internet`);
  await page.getByLabel(/Hoặc gõ số thẻ/).fill('BD000003');
  await page.getByRole('button', { name: 'Bắt đầu', exact: true }).click();
  await page.getByRole('button', { name: 'Bắt đầu dùng Internet' }).click();
  await expect(page.getByTestId('countdown')).toBeVisible();
}

async function guardedTab(events: GuardEvent[]) {
  const ic = internetOf(kiosk.ctx);
  const folder = activeDownloadsDir(ic)!;
  const { channel } = await browser.newTab({ browserContextId: (await browser.send('Target.createBrowserContext', {})).browserContextId });
  let monotonic = 0;
  await attachTabGuard(channel, {
    rules: { policy: { mode: 'block-list', allow: [], block: [], kioskOrigins: [], localExceptions: [`127.0.0.1:${site.port}`] }, resolve: systemResolver },
    monotonic: () => (monotonic += 10),
    allowedPermissions: [],
    uploads: sessionUploads(ic),
    downloads: { allowedExtensions: ['pdf', 'txt'], maxBytes: 1024 * 1024, folder, stagingDir: mkdtempSync(join(work, 'staging-')) },
    onEvent: (event) => events.push(event),
  });
  return { channel, folder };
}

async function evaluate<T>(channel: CdpChannel, expression: string): Promise<T> {
  const reply = (await channel.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true })) as { result: { value: T } };
  return reply.result.value;
}

async function navigate(channel: CdpChannel, url: string): Promise<void> {
  await channel.send('Page.navigate', { url });
  await expect.poll(() => evaluate<string>(channel, 'document.readyState').catch(() => '')).toBe('complete');
}

async function click(channel: CdpChannel, selector: string): Promise<void> {
  const box = await evaluate<{ x: number; y: number }>(
    channel,
    `(() => { const r = document.querySelector(${JSON.stringify(selector)}).getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; })()`,
  );
  for (const type of ['mousePressed', 'mouseReleased'])
    await channel.send('Input.dispatchMouseEvent', { type, x: box.x, y: box.y, button: 'left', clickCount: 1 });
}

test("a file downloaded in the session goes back to the page through the kiosk's picker, and only that file", async ({ page }) => {
  await startSession(page);
  const events: GuardEvent[] = [];
  const { channel, folder } = await guardedTab(events);
  const pickers: boolean[] = [];
  kiosk.ctx.bus.on('internet.filePicker', (p) => pickers.push(p.open));

  await navigate(channel, `${site.origin}/download`);
  await click(channel, '#small');
  await expect.poll(() => readdirSync(folder)).toEqual(['don-xin-viec.pdf']);
  const downloaded = readFileSync(join(folder, 'don-xin-viec.pdf'));

  await navigate(channel, `${site.origin}/upload-back`);
  await click(channel, '#file');
  const picker = page.getByRole('dialog', { name: 'Chọn tệp để gửi cho trang web' });
  await expect(picker).toBeVisible();
  await expect(picker.getByRole('button')).toHaveText([/don-xin-viec\.pdf/, 'Hủy, không gửi tệp nào']);
  await snapshot(page, 'internet-file-picker-vi');
  await picker.getByRole('button', { name: /don-xin-viec\.pdf/ }).click();
  await expect(picker).toBeHidden();
  await expect.poll(() => evaluate<string>(channel, 'document.title')).toBe('sent-1');
  expect(site.received).toEqual([{ name: 'don-xin-viec.pdf', body: downloaded }]);
  expect(pickers).toEqual([true, false]);
});

test('in English and large text the picker says the same; Cancel hands the page nothing', async ({ page }) => {
  await startSession(page);
  const events: GuardEvent[] = [];
  const { channel, folder } = await guardedTab(events);
  await navigate(channel, `${site.origin}/download`);
  await click(channel, '#small');
  await expect.poll(() => readdirSync(folder)).toEqual(['don-xin-viec.pdf']);
  const sentBefore = site.received.length;
  // Display choices are made on the home screen; the session goes on meanwhile.
  await page.goto(host.url);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: /Large text/ }).click();
  await page.goto(`${host.url}#/internet`);
  await expect(page.getByTestId('countdown')).toBeVisible();
  await navigate(channel, `${site.origin}/upload-back`);
  await click(channel, '#file');
  const english = page.getByRole('dialog', { name: 'Choose a file to give to the web page' });
  await expect(english).toBeVisible();
  await snapshot(page, 'internet-file-picker-en-large');
  // Cancel hands nothing: the page's input stays empty and nothing more reaches the site.
  await english.getByRole('button', { name: 'Cancel, send no file' }).click();
  await expect(english).toBeHidden();
  await expect.poll(() => events.filter((e) => e.kind === 'upload').length).toBe(1);
  expect(await evaluate<number>(channel, `document.querySelector('#file').files.length`)).toBe(0);
  expect(site.received).toHaveLength(sentBefore);
});

test('a page that reopens its chooser in a loop gets one picker; after Hủy the resident is not trapped', async ({ page }) => {
  await startSession(page);
  const events: GuardEvent[] = [];
  const { channel, folder } = await guardedTab(events);
  await navigate(channel, `${site.origin}/download`);
  await click(channel, '#small');
  await expect.poll(() => readdirSync(folder)).toEqual(['don-xin-viec.pdf']);
  const opened: number[] = [];
  kiosk.ctx.bus.on('internet.filePicker', (p) => p.open && opened.push(p.pickId));
  await navigate(channel, `${site.origin}/upload-loop`);
  await click(channel, '#file');
  const picker = page.getByRole('dialog', { name: 'Chọn tệp để gửi cho trang web' });
  await expect(picker).toBeVisible();
  await picker.getByRole('button', { name: 'Hủy, không gửi tệp nào' }).click();
  await expect(picker).toBeHidden();
  // The page's loop runs; it gets nothing and the picker does not come back.
  await expect.poll(() => evaluate<number>(channel, 'window.opened')).toBeGreaterThan(0);
  await page.waitForTimeout(500);
  await expect(picker).toBeHidden();
  expect(opened).toHaveLength(1);
  expect(events.filter((e) => e.kind === 'upload' && e.given > 0)).toEqual([]);
});
