// Entry point of browser mode: `node dist/host.mjs --data-dir DIR [--port N] [--simulate-devices] [--test-clock INSTANT[@RATE]]`.
// Prints the URL on stdout as `KIOSK_URL=...` so scripts and tests can find it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createKiosk } from '../core/kiosk';
import { claimDataDir, ownedMessage, OWNER_WAIT_MS } from '../core/store/owner';
import { chooseDataDir } from '../core/config/data-dir';
import { KioskError } from '../core/errors';
import { startHost } from './server';
import { createFileLogger, LOG_DIR } from '../core/logs/file-logger';
import { join } from 'node:path';
import { createNativeDevices } from '../../native';
import { listenForClockCommands, startedClock, takeTestClock, TestClockRefused } from '../../common/testing/test-clock';
import { startupTrace } from './startup-trace';
import { serveRoom } from '../core/room/register';

/** Deferred start-up work waits for the first reply, but no longer than this when no page connects. */
const DEFER_AT_MOST_MS = 2000;

export function defaultRendererDir(): string {
  // Bundled: dist/host.mjs beside dist/renderer. From source (tsx): ../../dist/renderer.
  for (const candidate of ['./renderer/', '../../dist/renderer/']) {
    const dir = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(`${dir}index.html`)) return dir;
  }
  return fileURLToPath(new URL('./renderer/', import.meta.url));
}

async function main(): Promise<void> {
  const trace = startupTrace();
  trace.step('boot'); // Node's start and loading this bundle
  // Test-only clock (common/testing/test-clock.ts): refused by a production build, never passed by Electron.
  const { argv, spec } = takeTestClock(process.argv.slice(2));
  const clock = spec ? startedClock(spec) : undefined;
  const { values } = parseArgs({
    args: argv,
    options: {
      'data-dir': { type: 'string' },
      config: { type: 'string' },
      port: { type: 'string', default: '0' },
      // Seconds to wait for a kiosk on the same data folder that is shutting down (0: refuse at once).
      'wait-for-owner': { type: 'string' },
      // Test-only scan injection; only this entry point can turn it on (Electron never passes it).
      'simulate-devices': { type: 'boolean', default: false },
    },
  });
  const dataDir = chooseDataDir(values['data-dir']);
  const devices = createNativeDevices({ hardware: true, simulate: values['simulate-devices'] });
  // Logs go to <dataDir>/logs (rotating, what the diagnostics bundle carries) and to stderr.
  const log = createFileLogger({ dir: join(dataDir, LOG_DIR), ...(clock ? { now: clock.now } : {}), echo: (line) => process.stderr.write(line) });
  const waitMs = values['wait-for-owner'] === undefined ? OWNER_WAIT_MS : Math.max(0, Number(values['wait-for-owner']) * 1000 || 0);
  // The process's own start time for the owner record: what a technician compares with `ps`, so the machine's clock.
  const owner = await claimDataDir(
    dataDir,
    { pid: process.pid, startedAt: new Date(Date.now() - process.uptime() * 1000).toISOString(), role: 'host' },
    {
      waitMs,
      onWait: (holder) => process.stderr.write(`${ownedMessage(dataDir, holder, 'Kiosk đang chờ')} Đang chờ tối đa ${waitMs / 1000} giây…\n`),
    },
  );
  trace.step('claimDataDir');
  const kiosk = await createKiosk({
    dataDir,
    devices,
    log,
    owner,
    onStep: (name) => trace.step(name),
    deferStartupWork: true,
    ...(clock ? { clock } : {}),
    ...(values.config ? { configFile: values.config } : {}),
  });
  // What the first screen does not need runs once the page has its first answer.
  const runDeferred = () => {
    clearTimeout(fallback);
    void kiosk.startDeferred().then(() => trace.report('host.deferred', log));
  };
  const fallback = setTimeout(runDeferred, DEFER_AT_MOST_MS);
  const host = await startHost({
    kiosk,
    rendererDir: defaultRendererDir(),
    port: Number(values.port),
    onFirstReply: () => {
      trace.step('firstReply');
      trace.report('host.startup', log);
      runDeferred();
    },
  });
  trace.step('listen');
  if (spec) log.log('warn', 'host.test_clock', { startsAt: new Date(spec.startMs).toISOString(), rate: spec.rate });
  // A room's hub: where kiosks pair (`kiosk room join ADDRESS:PORT CODE`) and call; listening before the URL is printed.
  // If its ports cannot open (taken by another program), the sentence goes to the log and this PC's own screen still serves.
  const hub = await serveRoom(kiosk.ctx).catch((error: unknown) => {
    log.log('error', 'room.hub_failed', { error: String((error as Error)?.message ?? error).slice(0, 500) });
    return undefined;
  });
  if (hub) process.stdout.write(`ROOM_HUB=${hub.host}:${hub.callPort} ROOM_PAIRING=${hub.host}:${hub.pairingPort}\n`);
  process.stdout.write(`KIOSK_URL=${host.url}\n`);
  // The test that started this host moves its clock through stdin (`advance <ms>`), e.g. to the end of an internet session.
  if (clock)
    listenForClockCommands(
      process.stdin,
      clock,
      (line) => process.stdout.write(`${line}\n`),
      (line) => process.stderr.write(`${line}\n`),
    );
  process.stderr.write(
    `Kiosk (chế độ trình duyệt, ${kiosk.mode === 'demo' ? 'dữ liệu mẫu' : 'đã cấu hình'}) đang chạy tại ${host.origin} — dữ liệu: ${dataDir}\n`,
  );

  const stop = async () => {
    await host.close();
    await kiosk.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  const message = error instanceof KioskError || error instanceof TestClockRefused ? error.message : `Không khởi động được kiosk: ${(error as Error).message}`;
  process.stderr.write(`${message}\n`);
  process.exit(2);
});
