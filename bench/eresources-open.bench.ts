// Opening a 300-page PDF to its first rendered page, and an EPUB to its first page, in Chromium
// against the browser-mode host (dist/host.mjs, or KIOSK_DIST_DIR). Target: p95 under 1 s.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FakeClock } from '../electron/core/clock';
import { installPack } from '../electron/core/eresources/install';
import { createKiosk } from '../electron/core/kiosk';
import { silentLogger } from '../electron/core/log';
import { makeEpub } from '../resources/packs/generator/epub';
import { buildPack } from '../resources/packs/generator/pack';
import { makePdf } from '../resources/packs/generator/pdf';
import { summarise, writeResult } from './harness';

const root = fileURLToPath(new URL('../', import.meta.url));
const dist = process.env.KIOSK_DIST_DIR ? resolve(root, process.env.KIOSK_DIST_DIR) : join(root, 'dist');
const RUNS = 12;
const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const dir = mkdtempSync(join(tmpdir(), 'kiosk-bench-open-'));
const paragraph = 'Tài liệu hướng dẫn cho bà con nông dân về kỹ thuật canh tác, phòng trừ sâu bệnh và sử dụng nước tiết kiệm trên đồng ruộng của xã.';

try {
  const pdf = await makePdf({
    title: 'Tài liệu 300 trang',
    pages: Array.from({ length: 300 }, (_, i) => ({ heading: `Mục ${i + 1}`, paragraphs: Array.from({ length: 8 }, () => paragraph) })),
    ...(existsSync(FONT) ? { fontFile: FONT } : {}),
  });
  const epub = await makeEpub({
    id: 'urn:bench',
    title: 'Sách đo hiệu năng',
    author: 'bench',
    chapters: Array.from({ length: 40 }, (_, i) => ({ title: `Chương ${i + 1}`, paragraphs: Array.from({ length: 30 }, () => paragraph) })),
  });
  const zip = join(dir, 'bench.zip');
  await buildPack(zip, {
    id: 'vn.bench.mo',
    version: '1.0',
    title: 'Gói đo',
    publisher: 'bench',
    resources: [
      { id: 'pdf300', title: 'PDF 300 trang', topic: 'Pháp luật', format: 'pdf', file: { path: 'a.pdf', data: pdf } },
      { id: 'epub', title: 'EPUB đo', topic: 'Thiếu nhi', format: 'epub', file: { path: 'b.epub', data: epub } },
    ],
  });
  const dataDir = join(dir, 'data');
  const kiosk = await createKiosk({ dataDir, clock: new FakeClock(), log: silentLogger });
  await installPack(kiosk.ctx, zip);
  const ids = kiosk.db.prepare("SELECT id, format FROM eresources WHERE pack_id = 'vn.bench.mo'").all() as { id: number; format: string }[];
  await kiosk.close();

  const host = spawn(process.execPath, [join(dist, 'host.mjs'), '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'ignore'] });
  const url = await new Promise<string>((resolve, reject) => {
    host.stdout.on('data', (chunk) => {
      const match = /KIOSK_URL=(\S+)/.exec(String(chunk));
      if (match) resolve(match[1]!);
    });
    host.once('exit', (code) => reject(new Error(`host exited ${code}`)));
  });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${url}#/digital-library`);
    await page.getByRole('heading', { name: 'Chủ đề' }).waitFor();
    const measure = async (id: number, ready: string) => {
      const samples: number[] = [];
      for (let i = 0; i < RUNS + 1; i++) {
        await page.evaluate(() => ((globalThis as unknown as { location: { hash: string } }).location.hash = '#/digital-library'));
        await page.getByRole('heading', { name: 'Chủ đề' }).waitFor();
        const started = performance.now();
        await page.evaluate((rid) => ((globalThis as unknown as { location: { hash: string } }).location.hash = `#/digital-library/r-${rid}`), id);
        await page.locator(ready).waitFor({ timeout: 15_000 });
        // The first run also loads the reader's code; it is reported apart as the cold open.
        samples.push(performance.now() - started);
      }
      return { cold: Math.round(samples[0]!), warm: summarise(samples.slice(1), 1) };
    };
    const pdfResult = await measure(ids.find((r) => r.format === 'pdf')!.id, '.pdf-page:not([data-rendered="0"])');
    const epubResult = await measure(ids.find((r) => r.format === 'epub')!.id, '.epub-page[data-ready="true"]');
    const worst = Math.max(pdfResult.warm.p95, epubResult.warm.p95, pdfResult.cold, epubResult.cold);
    writeResult({
      name: 'eresources-open',
      description:
        'Chromium (browser mode): from choosing a resource to its first page shown — a 300-page PDF rendered by pdf.js, and an EPUB (40 chapters) by epub.js',
      unit: 'ms',
      target: { metric: 'p95 (and cold open) of both', limit: 1000, met: worst < 1000 },
      figures: { pdf300: pdfResult, epub: epubResult },
    });
  } finally {
    await browser.close();
    host.kill('SIGTERM');
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
