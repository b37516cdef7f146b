// Starting the browser-mode host the way a user's machine does (node dist/host.mjs), for the
// benchmarks: on the normal profile, or on the low-end profile pinned to one core with
// `taskset -c 0` (a commune PC is a slow dual-core whose second core is busy). Also the process's
// CPU time from the kernel (every thread's /proc schedstat), which a loaded shared machine inflates
// far less than wall time, and the machine's load average for the JSON.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import WebSocket from 'ws';

export type Profile = 'normal' | 'lowEnd';
/** Chromium's CPU throttling on the low-end profile (DevTools Emulation.setCPUThrottlingRate). */
export const LOW_END_CPU_THROTTLING = 4;

/** The command line that runs `argv` (starting with the program) on this profile. */
export function onProfile(profile: Profile, argv: string[]): [string, string[]] {
  return profile === 'lowEnd' ? ['taskset', ['-c', '0', ...argv]] : [argv[0]!, argv.slice(1)];
}

/** `taskset` is in util-linux; the low-end profile cannot run without it. */
export function tasksetAvailable(): boolean {
  return spawnSync('taskset', ['-c', '0', 'true']).status === 0;
}

export interface StartedHost {
  child: ChildProcess;
  url: string;
  origin: string;
  /** The launch secret as the session cookie a page opened from `url` would carry. */
  cookie: string;
  stdout(): string;
  stderr(): string;
  stop(): Promise<void>;
}

export async function startHost(hostFile: string, args: string[], profile: Profile = 'normal', env?: NodeJS.ProcessEnv): Promise<StartedHost> {
  const [command, argv] = onProfile(profile, [process.execPath, hostFile, ...args]);
  const child = spawn(command, argv, { stdio: ['ignore', 'pipe', 'pipe'], ...(env ? { env } : {}) });
  let stderr = '';
  let stdout = '';
  child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      stdout += String(chunk);
      const match = /KIOSK_URL=(\S+)/.exec(stdout);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`host exited ${code}: ${stderr.slice(-500)}`)));
  });
  const parsed = new URL(url);
  return {
    child,
    url,
    origin: parsed.origin,
    cookie: `kiosk_session=${parsed.searchParams.get('k')}`,
    stdout: () => stdout,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** One contract call over the host's WebSocket, as the page makes it; resolves with the reply. */
export async function openApi(host: Pick<StartedHost, 'origin' | 'cookie'>) {
  const ws = new WebSocket(`${host.origin.replace('http', 'ws')}/api`, { origin: host.origin, headers: { cookie: host.cookie } });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  let next = 1;
  const pending = new Map<number, (reply: unknown) => void>();
  ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as { kind: string; id?: number; reply?: unknown };
    if (message.kind === 'reply' && message.id !== undefined) pending.get(message.id)?.(message.reply);
  });
  return {
    call(method: string, params: unknown = {}): Promise<{ ok: boolean; value?: unknown; error?: unknown }> {
      const id = next++;
      return new Promise((resolve) => {
        pending.set(id, resolve as (reply: unknown) => void);
        ws.send(JSON.stringify({ kind: 'call', id, method, params }));
      });
    },
    close: () => ws.close(),
  };
}

/** CPU time (ms) the process has used so far, all threads, from the kernel's scheduler statistics. */
export function cpuMsOf(pid: number): number {
  let ns = 0;
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // a thread that ended meanwhile
    }
  }
  return ns / 1e6;
}

/** Resident set size (MiB) of a process, from /proc. */
export function rssMiBOf(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number((Number(match[1]) / 1024).toFixed(1)) : Number.NaN;
}

/** The 1, 5 and 15 minute load averages (what `uptime` prints) and the core count. */
export function machineLoad() {
  const [one, five, fifteen] = loadavg().map((n) => Number(n.toFixed(2)));
  return { one, five, fifteen, cpus: readdirSync('/sys/devices/system/cpu').filter((d) => /^cpu\d+$/.test(d)).length };
}

export const ratio = (a: number, b: number) => Number((a / b).toFixed(2));
