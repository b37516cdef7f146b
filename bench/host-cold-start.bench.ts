// Host cold start: from spawning `node dist/host.mjs` on a data directory holding the demo data
// to the first API reply over the WebSocket. Target: under 1 s on the 2-core commune PC.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { summarise, writeResult } from './harness';

const host = fileURLToPath(new URL('../dist/host.mjs', import.meta.url));
const RUNS = 15;

async function startOnce(dataDir: string): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [host, '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'ignore'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk) => {
        const match = /KIOSK_URL=(\S+)/.exec(String(chunk));
        if (match) resolve(match[1]!);
      });
      child.once('exit', (code) => reject(new Error(`host exited ${code}`)));
    });
    const origin = new URL(url).origin;
    // The launch URL's secret, sent as the session cookie the host gives the page it opens.
    const ws = new WebSocket(`${origin.replace('http', 'ws')}/api`, { origin, headers: { cookie: `kiosk_session=${new URL(url).searchParams.get('k')}` } });
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    await new Promise<void>((resolve) => {
      ws.once('message', () => resolve());
      ws.send(JSON.stringify({ kind: 'call', id: 1, method: 'system.info', params: {} }));
    });
    const elapsed = performance.now() - started;
    ws.close();
    return elapsed;
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(null)));
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-bench-'));
try {
  const firstStart = await startOnce(dataDir); // creates the database and seeds the demo data
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) samples.push(await startOnce(dataDir));
  const figures = summarise(samples, 1);
  writeResult({
    name: 'host-cold-start',
    description: 'Process start of dist/host.mjs to the first API reply (system.info over WebSocket), demo data already seeded',
    unit: 'ms',
    target: { metric: 'p95', limit: 1000, met: figures.p95 < 1000 },
    figures: { ...figures, firstStartWithSeedingMs: Number(firstStart.toFixed(1)) },
  });
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
