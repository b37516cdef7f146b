// Scan-to-screen latency in browser mode: from sending a simulated scan of a book (devices.simulate
// over the page's WebSocket, through the real decoders and classification) to the book appearing in
// the signed-in resident's list, measured in Chromium with performance marks. Target p95 < 100 ms.
/// <reference lib="dom" />
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createKiosk } from '../electron/core/kiosk';
import { silentLogger } from '../electron/core/log';
import { createPatron } from '../electron/core/patrons/records';
import { CHROMIUM_ARGS } from '../playwright.config';
import { summarise, writeResult } from './harness';

const PATRONS = 40; // 5 loans each: 200 measured scans
const distDir = process.env.KIOSK_DIST_DIR
  ? fileURLToPath(new URL(`../${process.env.KIOSK_DIST_DIR}/`, import.meta.url))
  : fileURLToPath(new URL('../dist/', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-bench-scan-'));

// Setup: the demo store plus residents to lend to (a demo card lends at most 5 books).
const setup = await createKiosk({ dataDir, log: silentLogger });
const cards = Array.from(
  { length: PATRONS },
  (_, i) => createPatron(setup.ctx, { fullName: `Bạn đọc ${i}`, category: 'adult', birthYear: 1980 }, { via: 'import', status: 'active' }).cardNumber,
);
const items = (
  setup.db.prepare("SELECT barcode FROM items WHERE status = 'available' AND barcode LIKE 'TV%' ORDER BY id LIMIT ?").all(PATRONS * 5) as { barcode: string }[]
).map((r) => r.barcode);
await setup.close();

const host = spawn(process.execPath, [join(distDir, 'host.mjs'), '--data-dir', dataDir, '--simulate-devices'], { stdio: ['ignore', 'pipe', 'ignore'] });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  const url = await new Promise<string>((resolve, reject) => {
    host.stdout.on('data', (chunk) => {
      const match = /KIOSK_URL=(\S+)/.exec(String(chunk));
      if (match) resolve(match[1]!);
    });
    host.once('exit', (code) => reject(new Error(`host exited ${code}`)));
  });
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  // tsx keeps function names with a __name helper that the page does not have.
  await page.addInitScript('window.__name = (fn) => fn;');
  await page.goto(`${url}#/circulation`);
  await page.getByRole('heading', { name: 'Mượn sách' }).waitFor();
  await page.evaluate(async () => {
    const ws = new WebSocket(`ws://${location.host}/api`);
    await new Promise((resolve) => (ws.onopen = resolve));
    (window as unknown as { benchWs: WebSocket }).benchWs = ws;
  });

  const scan = (text: string, waitFor: string | null) =>
    page.evaluate(
      ({ text, waitFor }) =>
        new Promise<number>((resolve) => {
          const ws = (window as unknown as { benchWs: WebSocket }).benchWs;
          performance.mark(`scan:${text}`);
          const done = () => {
            performance.mark(`shown:${text}`);
            resolve(performance.measure(`scan-to-screen:${text}`, `scan:${text}`, `shown:${text}`).duration);
          };
          if (waitFor === null)
            return void ws.send(JSON.stringify({ kind: 'call', id: Date.now(), method: 'devices.simulate', params: { source: 'hid-pos', text } }));
          const observer = new MutationObserver(() => {
            if (document.querySelector(waitFor)) {
              observer.disconnect();
              done();
            }
          });
          observer.observe(document.body, { subtree: true, childList: true, characterData: true });
          ws.send(JSON.stringify({ kind: 'call', id: Date.now(), method: 'devices.simulate', params: { source: 'hid-pos', text } }));
        }),
      { text, waitFor },
    );

  const samples: number[] = [];
  for (let p = 0; p < PATRONS; p++) {
    // Signing in is not measured: wait for the resident's own greeting.
    await scan(cards[p]!, `[data-card-signed-in="${cards[p]}"]`);
    for (const item of items.slice(p * 5, p * 5 + 5)) samples.push(await scan(item, `.circ-list li[data-item="${item}"]`));
  }
  const figures = summarise(samples, 1);
  writeResult({
    name: 'circulation-scan-latency',
    description:
      "browser mode in Chromium: simulated item scan (devices.simulate, real decoders) → checkout → the book shown in the resident's list, via performance marks",
    unit: 'ms',
    target: { metric: 'p95', limit: 100, met: figures.p95 < 100 },
    figures,
  });
} finally {
  await browser.close();
  host.kill('SIGTERM');
  await new Promise((resolve) => (host.exitCode === null ? host.once('exit', resolve) : resolve(null)));
  rmSync(dataDir, { recursive: true, force: true });
}
