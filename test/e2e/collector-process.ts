// The built provincial collector started as `npm run collector -- serve` does, on loopback with the
// test's clock, for the e2e specs that need a portal (statistics upload, the portal, pushes).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_INSTANT, testClockArgs } from '../support/clock';
import { collectorEntry, test } from './fixtures';

const root = fileURLToPath(new URL('../../', import.meta.url));

export async function startCollectorProcess(dbFile: string, at: string | number): Promise<{ url: string; process: ChildProcess }> {
  const child = spawn(process.execPath, [collectorEntry(), 'serve', '--port', '0', '--db', dbFile, ...testClockArgs(at)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd: root,
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('collector did not start')), 30_000);
    child.stdout!.on('data', (chunk) => {
      const match = /COLLECTOR_URL=(\S+)/.exec(String(chunk));
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
  });
  return { url, process: child };
}

/**
 * A portal for a whole spec: a SQLite file in a fresh folder, filled by `seed`, served by the built
 * collector before the spec's tests and stopped after them. Read `.url` inside the tests.
 */
export function portalForSpec(seed: (file: string) => Promise<void>): { url: string } {
  const portal = { url: '' };
  let running: ChildProcess | undefined;
  let dir: string | undefined;
  test.beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'portal-e2e-'));
    await seed(join(dir, 'portal.sqlite'));
    const started = await startCollectorProcess(join(dir, 'portal.sqlite'), DEFAULT_INSTANT);
    running = started.process;
    portal.url = started.url;
  });
  test.afterAll(() => {
    running?.kill('SIGTERM');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return portal;
}
