// Do the other screens keep answering while the kiosk backs up its database or installs a content
// pack? One real host process on loopback (the entry point residents use), a WebSocket client
// pinging it every 5 ms: the ping's p50/p99 when idle, during a backup of a ~40 MB database (worker
// thread) and during a 40 MB pack install, in the same run.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createKiosk } from '../electron/core/kiosk';
import { silentLogger } from '../electron/core/log';
import { buildPack } from '../resources/packs/generator/pack';
import { connect, type WsClient } from '../test/support/ws-client';
import { summarise, writeResult } from './harness';

const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-bench-responsive-'));
const usb = mkdtempSync(join(tmpdir(), 'kiosk-bench-usb-'));

async function pingWhile(client: WsClient, work: Promise<unknown> | undefined, idleMs: number) {
  const samples: number[] = [];
  let done = false;
  if (work) void work.finally(() => (done = true));
  const until = performance.now() + idleMs;
  while (work ? !done : performance.now() < until) {
    const started = performance.now();
    await client.call('system.ping');
    samples.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return summarise(samples);
}

// Setup (not timed): a store grown to ~40 MB, a 40 MB pack.
const seed = await createKiosk({ dataDir, log: silentLogger });
seed.db.transaction(() => {
  const insert = seed.db.prepare("INSERT INTO items (barcode, record_id, collection_id, status, added_at, location) VALUES (?, ((? % 300) + 1), 1, 'available', '2026-01-01', ?)");
  for (let i = 0; i < 250_000; i++) insert.run(`BR${String(i).padStart(7, '0')}`, i, `Kệ ${i % 40} — tầng ${i % 5} — ${'x'.repeat(80)}`);
})();
await seed.close();
const pack = join(usb, 'pack.zip');
await buildPack(pack, {
  id: 'vn.bench.goi-lon',
  version: '1.0',
  title: 'Gói lớn',
  publisher: 'Thư viện tỉnh',
  resources: Array.from({ length: 40 }, (_, i) => ({ id: `t-${i}`, title: `Tài liệu ${i}`, topic: 'Nông nghiệp', format: 'pdf', file: { path: `files/${i}.pdf`, data: Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(1_000_000)]) } })),
});

const host = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../electron/host/main.ts', import.meta.url)), '--data-dir', dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'ignore'] });
try {
  const url = await new Promise<string>((resolve) => host.stdout!.on('data', (c) => { const m = /KIOSK_URL=(\S+)/.exec(String(c)); if (m) resolve(m[1]!); }));
  const client = await connect(url);
  const technician = ((await client.call('staff.signIn', { card: 'KT0001', pin: '246813' })) as { value: { token: string } }).value.token;
  const idle = await pingWhile(client, undefined, 3000);
  const backup = await pingWhile(client, client.call('technician.backupNow', { staffToken: technician }), 0);
  const install = await pingWhile(client, client.call('eresources.install', { staffToken: technician, path: pack, jobId: 'bench' }), 0);
  const idleAfter = await pingWhile(client, undefined, 3000);
  client.close();
  writeResult({
    name: 'store-responsiveness',
    description: 'system.ping over the WebSocket of a real host every 5 ms: idle, during a backup of a ~40 MB database (worker thread) and during a 40 MB pack install, same run',
    unit: 'ms',
    figures: { idle, duringBackup: backup, duringPackInstall: install, idleAfter },
  });
} finally {
  host.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(usb, { recursive: true, force: true });
}
