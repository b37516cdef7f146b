// Memory over a long day (issue #23): the kiosk in browser mode (dist/host.mjs, its clock running
// fast with --test-clock INSTANT@RATE) and Chromium driven through scripted hours of mixed resident
// journeys — a card scan, borrowing and returning a book, a catalogue search, an internet session
// started and ended, a PDF of the digital library, and the idle return to the home screen (the
// page's clock run forward between residents). After every scripted hour, after a garbage
// collection on both sides: the host's RSS and JavaScript heap (through its inspector on loopback)
// and the renderer's JavaScript heap, DOM nodes and listeners (DevTools Performance.getMetrics) and
// its processes' RSS. The first hour warms up (code loaded on demand, caches filled); the growth per
// hour over the later ones is judged against a threshold in the JSON — a leak check, not a test.
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import WebSocket from 'ws';
import { createKiosk } from '../electron/core/kiosk';
import { silentLogger } from '../electron/core/log';
import { createPatron } from '../electron/core/patrons/records';
import { DEFAULT_INSTANT, testClockArgs } from '../test/support/clock';
import { HOME_TEXT, launchBrowser, newProfilePage, pageCall, pageMetrics, scan } from './browser-kiosk';
import { writeResult } from './harness';
import { machineLoad, rssMiBOf, startHost } from './kiosk-process';

const host = fileURLToPath(new URL('../dist/host.mjs', import.meta.url));
const HOURS = Number(process.env.LONG_DAY_HOURS ?? 4);
/** A busy hour in a commune hall: a resident every five minutes or so. */
const JOURNEYS_PER_HOUR = Number(process.env.LONG_DAY_JOURNEYS ?? 12);
/** The host's clock runs this many times faster than real time (a journey of ~10 s is ~5 minutes). */
const RATE = Number(process.env.LONG_DAY_RATE ?? 30);
const BETWEEN_RESIDENTS_MS = 5 * 60_000;
/** Growth per hour, after the first, beyond which the check says a leak. */
const THRESHOLDS = { hostHeapMiBPerHour: 1, rendererHeapMiBPerHour: 1, rendererNodesPerHour: 200 };
const SEARCHES = ['truyen co tich', 'lua', 'nguyen', 'Hà Giang', 'ky thuat', 'suc khoe', 'Đồng Tháp', 'thieu nhi'];

const work = mkdtempSync(join(tmpdir(), 'kiosk-bench-day-'));
const dataDir = join(work, 'data');
const clockAt = Date.parse(DEFAULT_INSTANT);

// Setup: the demo store and residents of our own, whose cards are scanned.
const setup = await createKiosk({ dataDir, log: silentLogger });
// Enough cards that nobody reaches a day's internet allowance: each journey kind takes the next card.
const cards = Array.from(
  { length: 24 },
  (_, i) => createPatron(setup.ctx, { fullName: `Cư dân ${i}`, category: 'adult', birthYear: 1975 }, { via: 'import', status: 'active' }).cardNumber,
);
const books = (setup.db.prepare("SELECT barcode FROM items WHERE status = 'available' ORDER BY id LIMIT 6").all() as { barcode: string }[]).map(
  (r) => r.barcode,
);
await setup.close();

/** The host's own inspector (loopback, port chosen by the OS): garbage collection and process.memoryUsage(). */
async function hostInspector(stderr: () => string) {
  let url: string | undefined;
  for (let i = 0; i < 200 && !url; i++) {
    url = /Debugger listening on (ws:\/\/127\.0\.0\.1:\d+\/\S+)/.exec(stderr())?.[1];
    if (!url) await new Promise((r) => setTimeout(r, 50));
  }
  if (!url) throw new Error('the host printed no inspector address');
  const ws = new WebSocket(url);
  await new Promise((resolve, reject) => ((ws.onopen = resolve), (ws.onerror = reject)));
  let next = 1;
  const send = (method: string, params: unknown = {}) =>
    new Promise<{ result?: { result?: { value?: string } } }>((resolve) => {
      const id = next++;
      const onMessage = (data: WebSocket.RawData) => {
        const message = JSON.parse(String(data)) as { id?: number };
        if (message.id === id) {
          ws.off('message', onMessage);
          resolve(message as never);
        }
      };
      ws.on('message', onMessage);
      ws.send(JSON.stringify({ id, method, params }));
    });
  return {
    async memory() {
      await send('HeapProfiler.collectGarbage');
      const reply = await send('Runtime.evaluate', { expression: 'JSON.stringify(process.memoryUsage())', returnByValue: true });
      const usage = JSON.parse(reply.result!.result!.value!) as { rss: number; heapUsed: number };
      return { rssMiB: Number((usage.rss / 2 ** 20).toFixed(1)), heapUsedMiB: Number((usage.heapUsed / 2 ** 20).toFixed(2)) };
    },
    close: () => ws.close(),
  };
}

/** Chromium's renderer processes under this bench's browser, and their summed RSS. */
function rendererRssMiB(): { processes: number; rssMiB: number } {
  const children = (pid: number) =>
    readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .map(Number)
      .filter((p) => {
        try {
          return Number(readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]) === pid;
        } catch {
          return false;
        }
      });
  const all: number[] = [];
  const walk = (pid: number) => children(pid).forEach((c) => (all.push(c), walk(c)));
  walk(process.pid);
  const renderers = all.filter((p) => {
    try {
      return readFileSync(`/proc/${p}/cmdline`, 'utf8').includes('--type=renderer');
    } catch {
      return false;
    }
  });
  return { processes: renderers.length, rssMiB: Number(renderers.reduce((sum, p) => sum + (rssMiBOf(p) || 0), 0).toFixed(1)) };
}

const home = (page: Page) => page.getByText(HOME_TEXT).waitFor({ timeout: 30_000 });
/**
 * The resident leaves and the next one comes later: the page's clock runs on, so the borrowing and
 * internet screens go home by themselves when idle; from the others the resident taps the large
 * "back to home" button, as they do.
 */
const later = async (page: Page) => {
  await page.clock.runFor(BETWEEN_RESIDENTS_MS);
  const backHome = page.getByRole('button', { name: 'Về màn hình chính' }).first();
  if (await backHome.isVisible()) await backHome.click();
  await home(page);
};

let turn = 0;
const nextOfKind = [0, 0, 0, 0];
async function journey(page: Page): Promise<string> {
  const kind = turn++ % 4;
  const card = cards[nextOfKind[kind]!++ % cards.length]!;
  const book = books[turn % books.length]!;
  if (kind === 0) {
    // Borrow a book, take the receipt, later bring it back.
    await scan(page, card);
    await page.locator(`[data-card-signed-in="${card}"]`).waitFor();
    await scan(page, book);
    await page.locator(`.circ-list li[data-item="${book}"]`).waitFor();
    await page.getByRole('button', { name: 'Xong — xem phiếu mượn' }).click();
    await page.getByRole('button', { name: 'Xong', exact: true }).click();
    await home(page);
    await scan(page, book);
    await page.locator(`li[data-item="${book}"]`).waitFor();
    await page.getByRole('button', { name: 'Xong — xem phiếu trả' }).click();
    await later(page);
    return 'borrowAndReturn';
  }
  if (kind === 1) {
    // Look for books, two searches, then walk away (idle return).
    await page.evaluate(() => (location.hash = '#/search'));
    for (const query of [SEARCHES[turn % SEARCHES.length]!, SEARCHES[(turn + 3) % SEARCHES.length]!]) {
      await page.locator('#catalogue-query').fill(query);
      await page.locator('[data-testid="search-result"], [data-testid="no-results"]').first().waitFor();
    }
    await later(page);
    return 'search';
  }
  if (kind === 2) {
    // An internet session: sign in with the card, start, end.
    await page.evaluate(() => (location.hash = '#/internet'));
    await page.getByRole('heading', { name: 'Đăng nhập để dùng Internet' }).waitFor();
    await scan(page, card);
    await page.getByRole('button', { name: 'Bắt đầu dùng Internet' }).click();
    await page.getByRole('button', { name: 'Kết thúc phiên' }).click();
    await page.getByRole('button', { name: 'Kết thúc', exact: true }).click();
    await page.getByRole('heading', { name: 'Bạn đã kết thúc phiên Internet.' }).waitFor();
    await later(page);
    return 'internetSession';
  }
  // The digital library: a PDF to its first page, then idle.
  const { featured, results } = (await pageCall(page, 'eresources.browse', { query: '', format: 'pdf' })) as {
    featured: { id: number }[];
    results?: { id: number }[];
  };
  await page.evaluate((id) => (location.hash = `#/digital-library/r-${id}`), (results ?? featured)[0]!.id);
  await page.locator('.pdf-page:not([data-rendered="0"])').first().waitFor();
  await later(page);
  return 'digitalLibrary';
}

/** Least-squares slope of y over x = 0, 1, 2…: the growth per hour. */
function slope(values: number[]): number {
  const n = values.length;
  const mx = (n - 1) / 2;
  const my = values.reduce((a, b) => a + b, 0) / n;
  const num = values.reduce((sum, y, x) => sum + (x - mx) * (y - my), 0);
  const den = values.reduce((sum, _y, x) => sum + (x - mx) ** 2, 0);
  return den === 0 ? 0 : Number((num / den).toFixed(3));
}

const browser = await launchBrowser('normal', work);
const running = await startHost(host, ['--data-dir', dataDir, '--simulate-devices', ...testClockArgs(clockAt, RATE)], 'normal', {
  ...process.env,
  NODE_OPTIONS: '--inspect=127.0.0.1:0',
});
const inspector = await hostInspector(running.stderr);
try {
  const loadAtStart = machineLoad();
  const { page, cdp } = await newProfilePage(browser, 'normal', clockAt);
  await page.goto(running.url);
  await home(page);
  const sample = async (hour: number, journeys: Record<string, number>) => {
    await cdp.send('HeapProfiler.collectGarbage');
    return { hour, journeys: { ...journeys }, host: await inspector.memory(), renderer: { ...(await pageMetrics(cdp)), ...rendererRssMiB() } };
  };
  const samples = [await sample(0, {})];
  const done: Record<string, number> = {};
  const realStarted = performance.now();
  for (let hour = 1; hour <= HOURS; hour++) {
    for (let j = 0; j < JOURNEYS_PER_HOUR; j++) {
      const kind = await journey(page);
      done[kind] = (done[kind] ?? 0) + 1;
    }
    samples.push(await sample(hour, done));
    process.stderr.write(`hour ${hour}: ${JSON.stringify(samples.at(-1))}\n`);
  }
  const later = samples.slice(1); // after the warm-up hour
  const growth = {
    hostHeapMiBPerHour: slope(later.map((s) => s.host.heapUsedMiB)),
    hostRssMiBPerHour: slope(later.map((s) => s.host.rssMiB)),
    rendererHeapMiBPerHour: slope(later.map((s) => s.renderer.jsHeapUsedMiB)),
    rendererNodesPerHour: slope(later.map((s) => s.renderer.nodes)),
    rendererListenersPerHour: slope(later.map((s) => s.renderer.listeners)),
    rendererRssMiBPerHour: slope(later.map((s) => s.renderer.rssMiB)),
  };
  const verdicts = {
    hostHeap: growth.hostHeapMiBPerHour <= THRESHOLDS.hostHeapMiBPerHour,
    rendererHeap: growth.rendererHeapMiBPerHour <= THRESHOLDS.rendererHeapMiBPerHour,
    rendererNodes: growth.rendererNodesPerHour <= THRESHOLDS.rendererNodesPerHour,
  };
  const last = samples.at(-1)!;
  writeResult({
    name: 'long-day-memory',
    description: `Browser mode (dist/host.mjs, test clock at ${RATE}x) and Chromium through ${HOURS} scripted hours of ${JOURNEYS_PER_HOUR} mixed resident journeys each (borrow and return by scan, catalogue search, internet session started and ended, a PDF of the digital library; the page's clock run 5 minutes on between residents, so screens return home when idle). Sampled after garbage collection at the end of each hour: host RSS and heap (inspector on loopback), renderer JS heap, DOM nodes, listeners (Performance.getMetrics) and renderer processes' RSS. Growth per hour = least-squares slope from hour 1 on (hour 1 warms up).`,
    unit: 'MiB',
    target: {
      metric: 'growth per hour after the first (host heap, renderer heap, renderer DOM nodes) within thresholds',
      limit: THRESHOLDS.hostHeapMiBPerHour,
      met: Object.values(verdicts).every(Boolean),
    },
    figures: {
      afterFirstHour: samples[1],
      afterLastHour: last,
      growthPerHour: growth,
      thresholds: THRESHOLDS,
      verdicts,
      leak: !Object.values(verdicts).every(Boolean),
      samples,
      realMinutes: Number(((performance.now() - realStarted) / 60_000).toFixed(1)),
      load: { atStart: loadAtStart, atEnd: machineLoad() },
    },
  });
} finally {
  inspector.close();
  await browser.close();
  await running.stop();
  rmSync(work, { recursive: true, force: true });
}
