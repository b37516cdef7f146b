// Running the `kiosk` command as a technician would, for integration tests: the built CLI
// (dist/cli.mjs, built first when stale), a clock the test chooses (test/support/clock.ts), fresh
// data directories removed after each test, and the result parsed as the one JSON document it prints.
import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach } from 'vitest';
import { ProcessClock } from './clock';
import { tempDir } from './temp-dir';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const kioskBin = join(root, 'bin/kiosk.mjs');
const distDir = process.env.KIOSK_DIST_DIR ? resolve(root, process.env.KIOSK_DIST_DIR) : join(root, 'dist');
/** The built CLI the tests run (bin/kiosk.mjs starts the same file for people). */
export const builtCli = join(distDir, 'cli.mjs');

// bin/kiosk.mjs builds dist/ when it is missing or stale (once, under a lock); after that every
// command runs the bundle directly, without the staleness walk.
const ready = spawnSync(process.execPath, [kioskBin, '--version'], { encoding: 'utf8' });
if (ready.status !== 0) throw new Error(`could not build the kiosk CLI: ${ready.stderr}`);

let clock = new ProcessClock();
const dirs: { remove(): void }[] = [];
beforeEach(() => {
  clock = new ProcessClock();
});
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

/** The clock this test's `kiosk` commands start from (a Wednesday 10:00 in Vietnam unless the test sets one). */
export function cliClock(): ProcessClock {
  return clock;
}

/** Gives this test's next commands their own clock, e.g. `useCliClock(new ProcessClock(INSTANTS.leapDay))`. */
export function useCliClock(next: ProcessClock): ProcessClock {
  clock = next;
  return clock;
}

/** The argv for one `kiosk` command: the built CLI, the command, then the test's clock. */
export function kioskArgv(args: readonly string[], processClock: ProcessClock = clock): string[] {
  return [builtCli, ...args, ...processClock.nextArgs()];
}

export function kiosk(...args: string[]) {
  const run = spawnSync(process.execPath, kioskArgv(args), { encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr, json: () => JSON.parse(run.stdout) };
}

/** A long-running `kiosk` command (a stream, a server) on the test's clock. */
export function spawnKiosk(args: readonly string[], options: SpawnOptions = {}): ChildProcess {
  return spawn(process.execPath, kioskArgv(args), options);
}

/** A new empty data directory, removed after the test. */
export function fresh(): string {
  const d = tempDir();
  dirs.push(d);
  return d.path;
}
