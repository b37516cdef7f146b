// A reading room of several real kiosk processes on loopback for integration tests (issue #18): a
// hub (its own data folder, `kiosk room hub` on free ports, then the browser-mode host) and kiosks
// paired with it through the built CLI, each host on the test's clock.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { builtCli, cliClock, fresh, kiosk, kioskArgv } from './cli';
import { ProcessClock, testClockArgs } from './clock';
import { startHostProcess, until, type HostProcess } from './host-process';
import { connect, type WsClient } from './ws-client';

export interface RoomPc {
  dir: string;
  host: HostProcess;
  url: string;
  ws: WsClient;
}

export interface Hub extends RoomPc {
  pairing: string;
  calls: string;
  /** The instant the hub's clock started at. */
  startedAt: number;
}

/** The built host beside the built CLI (test/support/cli.ts builds dist/ first when it is stale). */
const builtHost = join(dirname(builtCli), 'host.mjs');

export async function startPc(dir: string): Promise<RoomPc> {
  const host = startHostProcess(dir, testClockArgs(cliClock().now()), {}, [], builtHost);
  const url = await host.ready;
  return { dir, host, url, ws: await connect(url) };
}

/** A hub on free ports, serving: on loopback, or on the LAN (where it announces itself by mDNS). */
export async function startHub(listen: 'loopback' | 'lan' = 'loopback', options: { mdns?: boolean } = {}): Promise<Hub> {
  const dir = fresh();
  const mdns = options.mdns === false ? ['--no-mdns'] : [];
  const made = kiosk('room', 'hub', '--listen', listen, '--port', '0', '--pairing-port', '0', ...mdns, '--data-dir', dir, '--json');
  if (made.code !== 0) throw new Error(`room hub failed: ${made.stdout}${made.stderr}`);
  const startedAt = cliClock().now();
  const pc = await startPc(dir);
  await until(() => /ROOM_PAIRING=/.test(pc.host.stdout()));
  const [, calls, pairing] = /ROOM_HUB=(\S+) ROOM_PAIRING=(\S+)/.exec(pc.host.stdout())!;
  return { ...pc, calls: calls!, pairing: pairing!, startedAt };
}

/** A pairing code from the hub's CLI; `clock` lets a test issue it in the past (an expired code). */
export function pairCode(hub: Hub, clock?: ProcessClock): string {
  const args = ['room', 'pair-code', '--data-dir', hub.dir, '--json'];
  const run = clock
    ? spawnSync(process.execPath, kioskArgv(args, clock), { encoding: 'utf8' })
    : spawnSync(process.execPath, kioskArgv(args), { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`pair-code failed: ${run.stdout}${run.stderr}`);
  return (JSON.parse(run.stdout) as { code: string }).code;
}

export function joinRoom(dir: string, hub: Hub, code: string, name: string) {
  return kiosk('room', 'join', hub.pairing, code, '--name', name, '--data-dir', dir, '--json');
}

/** Kiosks paired with the hub one after the other (one code lives at a time), then started together. */
export async function pairedPcs(hub: Hub, ...names: string[]): Promise<RoomPc[]> {
  const dirs = names.map((name) => {
    const dir = fresh();
    const joined = joinRoom(dir, hub, pairCode(hub), name);
    if (joined.code !== 0) throw new Error(`join failed: ${joined.stdout}${joined.stderr}`);
    return dir;
  });
  return Promise.all(dirs.map((dir) => startPc(dir)));
}

/** Reads a PC's store beside its running host (WAL: a reader never blocks it). */
export function readStore<T>(dir: string, read: (db: Database.Database) => T): T {
  const db = new Database(join(dir, 'kiosk.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** Reads until `ok` holds (a PC carries out a request, or the hub notices a PC, within seconds), or fails with the last value. */
export async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (performance.now() > deadline) throw new Error(`not reached in ${timeoutMs} ms; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Staff sign in at a PC of the room (the demo's staff card, its PIN checked at that PC). */
export async function staffTokenAt(pc: RoomPc): Promise<string> {
  const reply = await pc.ws.call('staff.signIn', { card: 'NV0001', pin: '147258' });
  if (!reply.ok) throw new Error(`staff sign-in failed: ${JSON.stringify(reply)}`);
  return (reply.value as { token: string }).token;
}

export function stopAll(...pcs: (RoomPc | undefined)[]): void {
  for (const pc of pcs) {
    pc?.ws.close();
    pc?.host.proc.kill('SIGKILL');
  }
}

export { ProcessClock };
