// Running the `kiosk` command as a technician would, for integration tests: fresh data
// directories removed after each test, and the result parsed as the one JSON document it prints.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';
import { tempDir } from './temp-dir';

export const kioskBin = fileURLToPath(new URL('../../bin/kiosk.mjs', import.meta.url));

const dirs: { remove(): void }[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

export function kiosk(...args: string[]) {
  const run = spawnSync(process.execPath, [kioskBin, ...args], { encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr, json: () => JSON.parse(run.stdout) };
}

/** A new empty data directory, removed after the test. */
export function fresh(): string {
  const d = tempDir();
  dirs.push(d);
  return d.path;
}
