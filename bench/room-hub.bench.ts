// Issue #18's benchmark: a reading room of ten kiosks on loopback driving one hub at once, beside a
// standalone kiosk in the same run. Every process is the built browser-mode host (dist/host.mjs), the
// room is made and paired through the built CLI as a technician does, and every call goes over a
// kiosk's WebSocket as its screen sends it: on a room kiosk, through mutual TLS to the hub.
//
// Each resident signs in by card, borrows five books one scan at a time, and returns them at the next
// PC along (a book borrowed at PC 1 is returned at PC 2). Timed: each checkout and each return.
// - standalone: one kiosk, its own store, one resident at a time (the single-PC commune of today);
// - standalone, as busy: the same kiosk with ten residents' journeys at once over ten connections,
//   the same work the hub gets, without the room (what the room itself costs is the ratio to this);
// - room: the same journeys on all ten kiosks at once, every one answered by the hub's store;
// - console: while the room's kiosks lend, staff at PC 1 refresh the room's console every 250 ms.
// Goal: room checkout p95 within 2× the standalone kiosk's.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createKiosk } from '../electron/core/kiosk';
import { silentLogger } from '../electron/core/log';
import { createPatron } from '../electron/core/patrons/records';
import { summarise, writeResult } from './harness';
import { machineLoad, openApi, ratio, startHost, type StartedHost } from './kiosk-process';

const HOST = fileURLToPath(new URL('../dist/host.mjs', import.meta.url));
const CLI = fileURLToPath(new URL('../dist/cli.mjs', import.meta.url));
const KIOSKS = Number(process.env.ROOM_KIOSKS ?? 10);
/** Residents per kiosk; each borrows and returns BOOKS_EACH books. */
const RESIDENTS = Number(process.env.ROOM_RESIDENTS ?? 30);
const BOOKS_EACH = 5;
const GOAL_RATIO = 2;
const CONSOLE_EVERY_MS = 250;

type Api = Awaited<ReturnType<typeof openApi>>;
interface Reply {
  ok: boolean;
  value?: unknown;
  error?: unknown;
}

function cli(args: string[]): unknown {
  const run = spawnSync(process.execPath, [CLI, ...args, '--json'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`kiosk ${args.join(' ')} failed: ${run.stdout}${run.stderr}`);
  return JSON.parse(run.stdout);
}

/** A data folder with copies enough for every checkout, and the residents who borrow them (not timed). */
async function stocked(prefix: string, residents: number): Promise<{ dir: string; cards: string[]; items: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), `kiosk-bench-${prefix}-`));
  const kiosk = await createKiosk({ dataDir: dir, log: silentLogger });
  try {
    const items = Array.from({ length: residents * BOOKS_EACH }, (_, i) => `RB${String(i).padStart(6, '0')}`);
    kiosk.db.transaction(() => {
      const insert = kiosk.db.prepare("INSERT INTO items (barcode, record_id, collection_id, status, added_at) VALUES (?, ?, 1, 'available', '2026-01-01')");
      items.forEach((barcode, i) => insert.run(barcode, (i % 300) + 1));
    })();
    const cards = Array.from(
      { length: residents },
      (_, i) => createPatron(kiosk.ctx, { fullName: `Bạn đọc ${i}`, category: 'adult', birthYear: 1980 }, { via: 'import', status: 'active' }).cardNumber,
    );
    return { dir, cards, items };
  } finally {
    await kiosk.close();
  }
}

function must(reply: Reply, what: string): unknown {
  if (!reply.ok) throw new Error(`${what}: ${JSON.stringify(reply.error)}`);
  return reply.value;
}

/** One resident's journey: sign in at `at`, borrow their books one by one, return them at `returnAt`. */
async function journey(at: Api, returnAt: Api, card: string, books: string[], out: { checkout: number[]; checkin: number[] }): Promise<void> {
  const signedIn = must(await at.call('circulation.signIn', { method: 'card', card }), `sign-in ${card}`) as { residentToken: string };
  for (const item of books) {
    const started = performance.now();
    must(await at.call('circulation.checkout', { residentToken: signedIn.residentToken, item }), `checkout ${item}`);
    out.checkout.push(performance.now() - started);
  }
  for (const item of books) {
    const started = performance.now();
    must(await returnAt.call('circulation.checkin', { item }), `checkin ${item}`);
    out.checkin.push(performance.now() - started);
  }
}

async function staffTokenAt(api: Api): Promise<string> {
  return (must(await api.call('staff.signIn', { card: 'NV0001', pin: '147258' }), 'staff sign-in') as { token: string }).token;
}

const hosts: StartedHost[] = [];
const dirs: string[] = [];
try {
  // The standalone peer: one kiosk, its residents one after another.
  const alone = await stocked('standalone', RESIDENTS * (1 + KIOSKS));
  dirs.push(alone.dir);
  const aloneHost = await startHost(HOST, ['--data-dir', alone.dir, '--port', '0']);
  hosts.push(aloneHost);
  const aloneApi = await openApi(aloneHost);
  const standalone = { checkout: [] as number[], checkin: [] as number[] };
  for (let r = 0; r < RESIDENTS; r++) {
    await journey(aloneApi, aloneApi, alone.cards[r]!, alone.items.slice(r * BOOKS_EACH, (r + 1) * BOOKS_EACH), standalone);
  }
  // The same kiosk as busy as the hub will be: KIOSKS connections, each with its residents in turn.
  const busyApis = await Promise.all(Array.from({ length: KIOSKS }, () => openApi(aloneHost)));
  const standaloneBusy = { checkout: [] as number[], checkin: [] as number[] };
  await Promise.all(
    busyApis.map(async (api, k) => {
      for (let r = 0; r < RESIDENTS; r++) {
        const n = RESIDENTS + k * RESIDENTS + r;
        await journey(api, busyApis[(k + 1) % KIOSKS]!, alone.cards[n]!, alone.items.slice(n * BOOKS_EACH, (n + 1) * BOOKS_EACH), standaloneBusy);
      }
    }),
  );
  for (const api of busyApis) api.close();
  const aloneToken = await staffTokenAt(aloneApi);
  const aloneConsole: number[] = [];
  for (let i = 0; i < 30; i++) {
    const started = performance.now();
    must(await aloneApi.call('room.console', { staffToken: aloneToken }), 'standalone console');
    aloneConsole.push(performance.now() - started);
  }
  aloneApi.close();

  // The room: a hub (its store stocked for every kiosk's residents) and KIOSKS paired kiosks.
  const room = await stocked('hub', RESIDENTS * KIOSKS);
  dirs.push(room.dir);
  cli(['room', 'hub', '--port', '0', '--pairing-port', '0', '--data-dir', room.dir]);
  const hub = await startHost(HOST, ['--data-dir', room.dir, '--port', '0']);
  hosts.push(hub);
  const pairing = /ROOM_PAIRING=(\S+)/.exec(hub.stdout())?.[1];
  if (!pairing) throw new Error(`the hub did not serve the room: ${hub.stderr().slice(-500)}`);
  const kioskDirs = Array.from({ length: KIOSKS }, (_, k) => {
    const { code } = cli(['room', 'pair-code', '--data-dir', room.dir]) as { code: string };
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-bench-pc-'));
    dirs.push(dir);
    cli(['room', 'join', pairing, code, '--name', `Máy ${k + 1}`, '--data-dir', dir]);
    return dir;
  });
  const pcs = await Promise.all(kioskDirs.map((dir) => startHost(HOST, ['--data-dir', dir, '--port', '0'])));
  hosts.push(...pcs);
  const apis = await Promise.all(pcs.map((pc) => openApi(pc)));

  // Staff at PC 1 watch the room's console while every kiosk lends (a refresh a second, as the page does every 3 s).
  const consoleToken = await staffTokenAt(apis[0]!);
  const roomConsole: number[] = [];
  let lending = true;
  const watching = (async () => {
    while (lending) {
      const started = performance.now();
      must(await apis[0]!.call('room.console', { staffToken: consoleToken }), 'room console');
      roomConsole.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, CONSOLE_EVERY_MS));
    }
  })();
  const inRoom = { checkout: [] as number[], checkin: [] as number[] };
  const roomStarted = performance.now();
  await Promise.all(
    apis.map(async (api, k) => {
      for (let r = 0; r < RESIDENTS; r++) {
        const n = k * RESIDENTS + r;
        await journey(api, apis[(k + 1) % KIOSKS]!, room.cards[n]!, room.items.slice(n * BOOKS_EACH, (n + 1) * BOOKS_EACH), inRoom);
      }
    }),
  );
  const roomSeconds = (performance.now() - roomStarted) / 1000;
  lending = false;
  await watching;
  for (const api of apis) api.close();

  const standaloneCheckout = summarise(standalone.checkout);
  const roomCheckout = summarise(inRoom.checkout);
  const checkoutRatio = ratio(roomCheckout.p95, standaloneCheckout.p95);
  writeResult({
    name: 'room-hub',
    description: `A hub and ${KIOSKS} paired kiosks on loopback (each dist/host.mjs, paired through dist/cli.mjs), all lending at once: ${RESIDENTS} residents per kiosk sign in by card, borrow ${BOOKS_EACH} books one by one and return them at the next PC along, over each kiosk's WebSocket (a room kiosk forwards to the hub over mutual TLS). Peers, same run: one standalone kiosk doing the same journeys one resident at a time (standalone), and the same kiosk with ${KIOSKS} connections at once doing the room's work without the room (standaloneAsBusy). Console: staff at PC 1 refresh room.console every ${CONSOLE_EVERY_MS} ms while the room lends; the standalone kiosk's own console 30 times. ms.`,
    unit: 'ms',
    target: { metric: 'room.checkout.p95 / standalone.checkout.p95', limit: GOAL_RATIO, met: checkoutRatio <= GOAL_RATIO },
    figures: {
      standalone: { checkout: standaloneCheckout, checkin: summarise(standalone.checkin), console: summarise(aloneConsole) },
      standaloneAsBusy: { connections: KIOSKS, checkout: summarise(standaloneBusy.checkout), checkin: summarise(standaloneBusy.checkin) },
      room: {
        kiosks: KIOSKS,
        checkout: roomCheckout,
        checkin: summarise(inRoom.checkin),
        console: summarise(roomConsole),
        loansPerSecond: Number(((RESIDENTS * KIOSKS * BOOKS_EACH) / roomSeconds).toFixed(1)),
      },
      ratios: {
        checkoutP95: checkoutRatio,
        checkoutP50: ratio(roomCheckout.p50, standaloneCheckout.p50),
        checkoutP95OverStandaloneAsBusy: ratio(roomCheckout.p95, summarise(standaloneBusy.checkout).p95),
        checkinP95: ratio(summarise(inRoom.checkin).p95, summarise(standalone.checkin).p95),
        consoleP95: ratio(summarise(roomConsole).p95, summarise(aloneConsole).p95),
      },
      load: machineLoad(),
    },
  });
} finally {
  await Promise.all(hosts.map((h) => h.stop()));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}
