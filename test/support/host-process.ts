// Browser-mode hosts as real processes on loopback, for tests of several processes on one data
// folder: started from the source tree, their URL read from stdout, killed at the end of the test.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';

const hostMain = fileURLToPath(new URL('../../electron/host/main.ts', import.meta.url));

export interface HostProcess {
  proc: ChildProcess;
  pid: number;
  /** Everything the process wrote on stderr so far. */
  stderr(): string;
  /** Everything the process wrote on stdout so far (KIOSK_URL=…, a hub's ROOM_HUB=… ROOM_PAIRING=…). */
  stdout(): string;
  /** Resolves with the URL once it serves, or rejects with its stderr when it exits first. */
  ready: Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const started: ChildProcess[] = [];
afterEach(() => {
  for (const proc of started.splice(0)) if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
});

/**
 * `launcher` runs the host through another program that execs it, e.g. `nsenter …` to start it in
 * a test's own mount namespace (test/support/small-disk.ts); the pid is still the host's.
 */
export function startHostProcess(dataDir: string, args: string[] = [], env: NodeJS.ProcessEnv = {}, launcher: string[] = [], builtHost?: string): HostProcess {
  const [command, ...before] = [...launcher, process.execPath];
  // `builtHost` (dist/host.mjs) starts in a fraction of the time tsx takes to load the source tree.
  const entry = builtHost ? [builtHost] : ['--import', 'tsx', hostMain];
  const proc = spawn(command!, [...before, ...entry, '--data-dir', dataDir, '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  started.push(proc);
  let out = '';
  let err = '';
  proc.stderr!.on('data', (chunk) => (err += String(chunk)));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const ready = new Promise<string>((resolve, reject) => {
    proc.stdout!.on('data', (chunk) => {
      out += String(chunk);
      const match = /KIOSK_URL=(\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    void exited.then(({ code, signal }) => reject(new Error(`host exited (${code ?? signal}) before serving: ${err.slice(-2000)}`)));
  });
  ready.catch(() => undefined);
  return { proc, pid: proc.pid!, stderr: () => err, stdout: () => out, ready, exited };
}

/** Resolves when `predicate` holds, checking every `everyMs`, at most `tries` times. */
export async function until(predicate: () => boolean, everyMs = 20, tries = 1500): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (predicate()) return;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw new Error('condition not met in time');
}
