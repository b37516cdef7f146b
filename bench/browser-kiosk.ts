// Chromium against the browser-mode host for the resident-facing benchmarks, on a profile:
// `normal` as the machine is, or `lowEnd` — host and Chromium pinned to one core (taskset -c 0)
// and Chromium's CPU throttled 4× through the DevTools protocol (Emulation.setCPUThrottlingRate),
// about what a ten-year-old Celeron in a commune hall does. Playwright drives Debian's Chromium the
// way test/e2e does; pages get the host's test clock instant (page.clock).
/// <reference lib="dom" />
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_ARGS } from '../playwright.config';
import { LOW_END_CPU_THROTTLING, type Profile } from './kiosk-process';
import { pageReply } from '../test/support/page-call';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const HOME_TEXT = 'Quét thẻ thư viện hoặc mã QR trên CCCD để bắt đầu';

/** Launches Chromium on the profile; on the low-end one through a wrapper that pins it to core 0 (its renderers inherit it). */
export async function launchBrowser(profile: Profile, workDir: string): Promise<Browser> {
  let executablePath = CHROMIUM;
  if (profile === 'lowEnd') {
    executablePath = join(workDir, 'chromium-one-core.sh');
    writeFileSync(executablePath, `#!/bin/sh\nexec taskset -c 0 ${CHROMIUM} "$@"\n`);
    chmodSync(executablePath, 0o755);
  }
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

export interface ProfilePage {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
}

/**
 * A new context and page (empty cache: a cold load), throttled on the low-end profile. With
 * `clockAt` the page runs on the kiosk's clock (page.clock), so idle timers can be run forward.
 */
export async function newProfilePage(browser: Browser, profile: Profile, clockAt?: number): Promise<ProfilePage> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  if (clockAt !== undefined) await context.clock.install({ time: clockAt });
  const page = await context.newPage();
  // tsx keeps function names with a __name helper that the page does not have.
  await page.addInitScript('window.__name = (fn) => fn;');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile === 'lowEnd' ? LOW_END_CPU_THROTTLING : 1 });
  await cdp.send('Performance.enable');
  return { context, page, cdp };
}

/** Sends one contract call over a WebSocket of the page's origin (the way the page itself talks). */
export async function pageCall(page: Page, method: string, params: unknown = {}): Promise<unknown> {
  const reply = await pageReply(page, method, params);
  if (!reply.ok) throw new Error(`${method} failed: ${JSON.stringify(reply.error)}`);
  return reply.value;
}

/** A simulated scan through the real decoders (host started with --simulate-devices). */
export const scan = (page: Page, text: string) => pageCall(page, 'devices.simulate', { source: 'hid-pos', text });

/** What a measured step does in the page: go to a route, or have the host classify a scan. */
export type PageAct = { hash: string } | { scan: string };

/** What shows that a step is done: an element matching `selector`, holding `text` when given. */
export interface Shown {
  selector: string;
  text?: string;
}

/**
 * Does `act` in the page and resolves with the ms from just before it until `shown` is on the page
 * (a MutationObserver, so the figure is when the page shows it, not when Playwright polls).
 */
export async function timeUntil(page: Page, act: PageAct, shown: Shown, timeoutMs = 30_000): Promise<number> {
  if ('scan' in act) await ensureScanSocket(page);
  return page.evaluate(
    ({ act, shown, timeoutMs }) =>
      new Promise<number>((resolve, reject) => {
        const started = performance.now();
        const present = () =>
          Array.from(document.querySelectorAll(shown.selector)).some((e) => shown.text === undefined || (e.textContent ?? '').includes(shown.text));
        const check = () => {
          if (!present()) return false;
          observer.disconnect();
          clearTimeout(timer);
          resolve(performance.now() - started);
          return true;
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        const timer = setTimeout(() => (observer.disconnect(), reject(new Error(`${shown.selector} ${shown.text ?? ''} did not appear`))), timeoutMs);
        if ('hash' in act) location.hash = act.hash;
        else
          (window as unknown as { benchWs: WebSocket }).benchWs.send(
            JSON.stringify({ kind: 'call', id: 1, method: 'devices.simulate', params: { source: 'hid-pos', text: act.scan } }),
          );
        check();
      }),
    { act, shown, timeoutMs },
  );
}

/** One WebSocket kept open in the page for measured scans, so a scan's time has no connection in it. */
async function ensureScanSocket(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const w = window as unknown as { benchWs?: WebSocket };
    if (w.benchWs?.readyState === WebSocket.OPEN) return;
    const ws = new WebSocket(`ws://${location.host}/api`);
    await new Promise((resolve, reject) => ((ws.onopen = resolve), (ws.onerror = reject)));
    w.benchWs = ws;
  });
}

/** Renderer JavaScript heap and DOM size from the DevTools protocol (Performance.getMetrics). */
export async function pageMetrics(cdp: CDPSession): Promise<{ jsHeapUsedMiB: number; jsHeapTotalMiB: number; nodes: number; listeners: number }> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
  const mib = (bytes: number) => Number((bytes / 2 ** 20).toFixed(2));
  return {
    jsHeapUsedMiB: mib(value('JSHeapUsedSize')),
    jsHeapTotalMiB: mib(value('JSHeapTotalSize')),
    nodes: value('Nodes'),
    listeners: value('JSEventListeners'),
  };
}
