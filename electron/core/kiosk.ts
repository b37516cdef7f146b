// Assembling a kiosk core: resolve the data directory's configuration, open and migrate the
// store, seed demo data when nothing is configured, and register every feature's handlers.
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { createRegistry, type Registry } from './api/registry';
import { createEventBus, type EventBus } from './api/event-bus';
import { systemClock, type Clock } from './clock';
import { authorizeFor, type Authorize } from './api/access';
import { configPathFor, loadConfigFile, type ConfigProblem } from './config/load';
import { demoConfig, type KioskConfig } from './config/schema';
import type { KioskContext, KioskMode, StoreRole } from './context';
import type { DeviceRuntime } from './devices/port';
import { isDemoSeeded, seedDemo } from './demo/seed';
import { features } from './features';
import { serviceRefusal } from './technician/service-guard';
import { applyPendingSetup } from './technician/setup';
import { createStderrLogger, type Logger } from './log';
import { DATABASE_FILE, openDatabase, type Db } from './store/open';
import { getMeta, setMeta } from './store/meta';
import { tryClaimDataDir, type OwnerLock } from './store/owner';
import { asStorageError } from './store/disk';
import { fileKeyVault, KEYS_DIR, type KeyVault } from './security/key-vault';
import { moveCccdKeyOutOfDatabase, scrubCccdKeyFromBackups } from './patrons/cccd-key';

export interface KioskOptions {
  dataDir: string;
  /** Configuration file; defaults to kiosk.config.json in the data directory. */
  configFile?: string;
  clock?: Clock;
  log?: Logger;
  /** The device layer from native/ (createNativeDevices); without it scans cannot be classified. */
  devices?: DeviceRuntime;
  /**
   * The data folder's lock, claimed by an entry point that serves the kiosk (host, Electron main).
   * Without it the kiosk tries to take the lock itself and, when another process holds it, runs as
   * a guest (CLI commands beside a running kiosk).
   */
  owner?: OwnerLock;
  /** Where keys outside the database live; Electron passes its safeStorage vault. Default: <dataDir>/keys (0700). */
  keyVault?: KeyVault;
  /**
   * Called as each start-up step ends (`open`, `demo`, then each feature's register function by
   * name, then `deferred:<name>` for work run after the first reply): the entry point times them
   * for its start-up trace. The core itself never reads the machine's clock for it.
   */
  onStep?: (step: string) => void;
  /**
   * Start-up work the first screen does not need (row verification, backup scheduling, the demo
   * pack, the uploader's first tick…) waits until the entry point calls `kiosk.startDeferred()`,
   * once the kiosk has answered its first request. Without it (CLI commands, tests) the work runs
   * before createKiosk returns, as one command expects.
   */
  deferStartupWork?: boolean;
}

export interface Kiosk {
  readonly ctx: KioskContext;
  readonly registry: Registry;
  readonly bus: EventBus;
  readonly db: Db;
  readonly mode: KioskMode;
  readonly role: StoreRole;
  /** Runs the start-up work deferred by `deferStartupWork` (once; later calls return the same promise). */
  startDeferred(): Promise<void>;
  close(): Promise<void>;
}

function resolveMode(configFile: string): { mode: KioskMode; config: KioskConfig; problems: ConfigProblem[] } {
  const result = loadConfigFile(configFile);
  if (result.ok === 'absent') return { mode: 'demo', config: demoConfig, problems: [] };
  if (result.ok) return { mode: 'configured', config: result.config, problems: [] };
  return { mode: 'misconfigured', config: demoConfig, problems: result.problems };
}

export async function createKiosk(options: KioskOptions): Promise<Kiosk> {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? createStderrLogger();
  mkdirSync(options.dataDir, { recursive: true });
  const lock = options.owner ?? tryClaimDataDir(options.dataDir, { pid: process.pid, startedAt: new Date(clock.now()).toISOString(), role: 'cli' });
  const role: StoreRole = lock ? 'owner' : 'guest';
  try {
    return await assemble(options, clock, log, role, lock);
  } catch (error) {
    lock?.release();
    throw error;
  }
}

async function assemble(options: KioskOptions, clock: Clock, log: Logger, role: StoreRole, lock: OwnerLock | undefined): Promise<Kiosk> {
  // A first-run setup staged by the wizard takes effect now, before anything opens the database.
  if (!options.configFile && role === 'owner') applyPendingSetup(options.dataDir, clock.now());
  const configFile = options.configFile ?? configPathFor(options.dataDir);
  const resolved = resolveMode(configFile);
  const config = resolved.config;
  let { mode, problems } = resolved;

  const step = options.onStep ?? (() => undefined);
  step('setup');
  const db = openDatabase(join(options.dataDir, DATABASE_FILE), { guest: role === 'guest' });
  step('open');
  const keys = options.keyVault ?? fileKeyVault(join(options.dataDir, KEYS_DIR));
  try {
    // Before anything reads it: a key left in the database by an older kiosk moves to the vault
    // (the folder's owner does it; a guest beside it only reads).
    if (role !== 'guest' && moveCccdKeyOutOfDatabase(db, keys, log)) scrubCccdKeyFromBackups(options.dataDir, log);
    if (mode === 'demo' && getMeta(db, 'configured_at') === undefined && role === 'guest' && !isDemoSeeded(db)) {
      // The owner is still filling its demo store: a guest never seeds beside it.
    } else if (mode === 'demo' && getMeta(db, 'configured_at') === undefined) {
      await seedDemo(db, clock.now());
    } else if (mode === 'demo') {
      // This store belonged to a configured kiosk whose file has gone: never fill it with demo data.
      mode = 'misconfigured';
      problems = [{ path: '(tệp cấu hình)', message: `Không tìm thấy tệp cấu hình ${configFile} của kiosk đã cài đặt. Hãy chép lại tệp cấu hình.` }];
    } else if (mode === 'configured') {
      if (isDemoSeeded(db)) {
        mode = 'misconfigured';
        problems = [
          { path: '(thư mục dữ liệu)', message: `Thư mục ${options.dataDir} đang chứa dữ liệu mẫu. Hãy dùng một thư mục dữ liệu mới cho kiosk đã cấu hình.` },
        ];
      } else if (getMeta(db, 'configured_at') === undefined) {
        setMeta(db, 'configured_at', new Date(clock.now()).toISOString());
      }
    }
  } catch (error) {
    db.close();
    throw error;
  }
  step('demo');

  // The registry checks callers against the context it belongs to, which needs the registry first.
  let authorize: Authorize = () => {
    throw new Error('kiosk not assembled yet');
  };
  const registry = createRegistry({
    refuse: (method) => serviceRefusal(mode, method),
    // A full disk is said as such to the resident and staff, never as an unknown error.
    explain: (error) => asStorageError(error, options.dataDir),
    authorize: (access, request) => authorize(access, request),
    onInternalError: (method, error) => log.log('error', 'api.internal_error', { method, error: String((error as Error)?.stack ?? error).slice(0, 2000) }),
  });
  const bus = createEventBus();
  const cleanups: (() => void | Promise<void>)[] = [];
  const deferred: { name: string; work: () => void | Promise<void> }[] = [];
  let closed = false;
  const ctx: KioskContext = {
    db,
    dataDir: options.dataDir,
    config,
    configFile,
    configProblems: problems,
    mode,
    role,
    clock,
    bus,
    registry,
    log,
    keys,
    devices: options.devices,
    onClose: (cleanup) => cleanups.push(cleanup),
    afterStart: (name, work) => deferred.push({ name, work }),
  };
  authorize = authorizeFor(ctx);
  for (const feature of features) {
    await feature(ctx);
    step(feature.name);
  }

  let running: Promise<void> | undefined;
  const startDeferred = () =>
    (running ??= (async () => {
      for (const { name, work } of deferred) {
        if (closed) return;
        // One step at a time, each after pending I/O, so a resident's request waits for one step at most.
        await new Promise((resolve) => setImmediate(resolve));
        if (closed) return;
        try {
          await work();
        } catch (error) {
          // Deferred housekeeping never stops a kiosk that is already serving residents.
          log.log('error', 'kiosk.deferred_failed', { step: name, error: String((error as Error)?.message ?? error).slice(0, 500) });
        }
        step(`deferred:${name}`);
      }
    })());
  if (!options.deferStartupWork) await startDeferred();

  return {
    ctx,
    registry,
    bus,
    db,
    mode,
    role,
    startDeferred,
    async close() {
      if (closed) return;
      closed = true;
      try {
        await running;
        for (const cleanup of cleanups.reverse()) await cleanup();
        db.close();
      } finally {
        lock?.release();
      }
    },
  };
}
