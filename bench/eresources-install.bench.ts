// Installing a 500 MB content pack: wall time and peak memory of the streamed, verified install.
// The pack (50 files of 10 MB, stored like media files are) is generated in a temp dir and deleted.
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeClock } from '../electron/core/clock';
import { installPack } from '../electron/core/eresources/install';
import { createKiosk } from '../electron/core/kiosk';
import { silentLogger } from '../electron/core/log';
import { buildPack } from '../resources/packs/generator/pack';
import { writeResult } from './harness';

const FILES = 50;
const FILE_MB = 10;
const dir = mkdtempSync(join(tmpdir(), 'kiosk-bench-pack-'));

async function writeFakePdf(path: string, bytes: number): Promise<void> {
  const out = createWriteStream(path);
  out.write('%PDF-1.4\n');
  let left = bytes - 9;
  while (left > 0) {
    const chunk = randomBytes(Math.min(1 << 20, left));
    left -= chunk.length;
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

try {
  const files = [];
  for (let i = 0; i < FILES; i++) {
    const path = join(dir, `f${i}.pdf`);
    await writeFakePdf(path, FILE_MB * 1024 * 1024);
    files.push(path);
  }
  const zip = join(dir, 'big.zip');
  const buildStart = performance.now();
  await buildPack(zip, {
    id: 'vn.bench.lon',
    version: '1.0',
    title: 'Gói lớn (đo hiệu năng)',
    publisher: 'bench',
    resources: files.map((file, i) => ({ id: `r${i}`, title: `Tài liệu ${i}`, topic: 'Pháp luật', format: 'pdf', file: { path: `files/f${i}.pdf`, file } })),
  });
  const buildMs = performance.now() - buildStart;
  for (const f of files) rmSync(f);

  const dataDir = join(dir, 'data');
  const kiosk = await createKiosk({ dataDir, clock: new FakeClock(), log: silentLogger });
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = performance.now();
  const result = await installPack(kiosk.ctx, zip);
  const installMs = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  await kiosk.close();
  const mb = (n: number) => Number((n / 1024 / 1024).toFixed(1));
  writeResult({
    name: 'eresources-install',
    description: `Install (verify SHA-256 + type of every file in staging, then switch in) of a ${FILES * FILE_MB} MB pack of ${FILES} files`,
    unit: 'ms',
    figures: {
      packMegabytes: mb(result.pack.bytes),
      installMs: Math.round(installMs),
      throughputMBps: Number((mb(result.pack.bytes) / (installMs / 1000)).toFixed(1)),
      rssBaselineMB: mb(baseline),
      rssPeakMB: mb(peak),
      rssGrowthMB: mb(peak - baseline),
      buildPackMs: Math.round(buildMs),
    },
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
