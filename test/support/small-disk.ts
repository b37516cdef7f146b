// A real small disk for the disk-full tests: a 6 MB tmpfs. Root mounts it where everyone sees it.
// Without root, Linux lets any user mount a tmpfs inside a user and mount namespace of their own
// (`unshare -Urm`): a holder process keeps that namespace alive, the kiosk's processes are started
// inside it with `nsenter`, and the test reaches the same files through /proc/<holder>/root. Either
// way the kiosk meets a genuine ENOSPC from the kernel; nothing is simulated.
import { spawn, spawnSync } from 'node:child_process';
import { rmdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterEach } from 'vitest';
import { kioskArgv, type kiosk } from './cli';
import { startHostProcess, type HostProcess } from './host-process';
import { tempDir } from './temp-dir';

const require = createRequire(import.meta.url);

export interface SmallDisk {
  /** The disk's root as the kiosk's processes see it (put the data folder under it). */
  inside: string;
  /** The same folder as this test process reaches it (to fill it, free it, read the store). */
  outside: string;
  kiosk(...args: string[]): ReturnType<typeof kiosk>;
  startHost(dataDir: string): HostProcess;
  /** SQLite's quick_check of a store on the disk, run where the kiosk runs (SQLite resolves /proc/<pid>/root away). */
  quickCheck(file: string): string;
}

/** One line of Node that prints a store's quick_check, through this package's better-sqlite3. */
const QUICK_CHECK = `const D = require(${JSON.stringify(require.resolve('better-sqlite3'))}); const db = new D(process.argv[1], { readonly: true }); process.stdout.write(String(db.pragma('quick_check', { simple: true }))); db.close();`;

const SIZE = 'size=6m';
const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function cliResult(run: ReturnType<typeof spawnSync>): ReturnType<typeof kiosk> {
  const stdout = String(run.stdout ?? '');
  return { code: run.status, stdout, stderr: String(run.stderr ?? ''), json: () => JSON.parse(stdout) as unknown };
}

const isRoot = process.getuid?.() === 0;

/** Whether this machine lets this user mount a tmpfs in a namespace of its own (a quick probe). */
export const namespaceMountWorks = (() => {
  const dir = tempDir('kiosk-userns-probe-');
  try {
    return spawnSync('unshare', ['-Urm', 'sh', '-c', `mount -t tmpfs -o ${SIZE} tmpfs "$1"`, 'sh', dir.path]).status === 0;
  } finally {
    dir.remove();
  }
})();

export function rootTmpfs(): SmallDisk | undefined {
  if (!isRoot) return undefined;
  const dir = tempDir('kiosk-tmpfs-');
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', SIZE, 'tmpfs', dir.path]).status !== 0) {
    dir.remove();
    return undefined;
  }
  cleanups.push(() => {
    spawnSync('umount', ['-l', dir.path]);
    dir.remove();
  });
  return {
    inside: dir.path,
    outside: dir.path,
    kiosk: (...args) => cliResult(spawnSync(process.execPath, kioskArgv(args), { encoding: 'utf8' })),
    startHost: (dataDir) => startHostProcess(dataDir),
    quickCheck: (file) => spawnSync(process.execPath, ['-e', QUICK_CHECK, file], { encoding: 'utf8' }).stdout,
  };
}

export async function namespaceTmpfs(): Promise<SmallDisk | undefined> {
  const dir = tempDir('kiosk-userns-tmpfs-');
  const holder = spawn('unshare', ['-Urm', 'sh', '-c', `mount -t tmpfs -o ${SIZE} tmpfs "$1" && echo mounted && exec sleep 3600`, 'sh', dir.path], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const mounted = await new Promise<boolean>((resolve) => {
    holder.stdout!.on('data', (chunk) => String(chunk).includes('mounted') && resolve(true));
    holder.once('exit', () => resolve(false));
    holder.once('error', () => resolve(false));
  });
  // The tmpfs lives as long as its namespace: killing the holder frees it.
  cleanups.push(() => {
    holder.kill('SIGKILL');
    rmdirSync(dir.path);
  });
  if (!mounted) return undefined;
  // --wd: entering a mount namespace otherwise starts in its root, where `tsx` cannot be found.
  const enter = ['nsenter', '-t', String(holder.pid), '-U', '-m', '--preserve-credentials', `--wd=${process.cwd()}`];
  return {
    inside: dir.path,
    outside: `/proc/${holder.pid}/root${dir.path}`,
    kiosk: (...args) => cliResult(spawnSync(enter[0]!, [...enter.slice(1), process.execPath, ...kioskArgv(args)], { encoding: 'utf8' })),
    startHost: (dataDir) => startHostProcess(dataDir, [], {}, enter),
    quickCheck: (file) => spawnSync(enter[0]!, [...enter.slice(1), process.execPath, '-e', QUICK_CHECK, file], { encoding: 'utf8' }).stdout,
  };
}
