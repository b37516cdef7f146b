// What every feature receives when the kiosk is assembled: the store, configuration, clock,
// event bus and the registry to add its handlers to.
import type { Registry } from './api/registry';
import type { EventBus } from './api/event-bus';
import type { Clock } from './clock';
import type { KioskConfig } from './config/schema';
import type { ConfigProblem } from './config/load';
import type { DeviceRuntime } from './devices/port';
import type { Logger } from './log';
import type { KeyVault } from './security/key-vault';
import type { Db } from './store/open';

export type KioskMode = 'demo' | 'configured' | 'misconfigured';

/**
 * `owner`: this process holds the data folder's lock (store/owner.ts) and does the start-up
 * housekeeping, timers and backups. `guest`: another process serves the folder; this one (a CLI
 * command) only reads and makes short writes, and never cleans up after anyone.
 */
export type StoreRole = 'owner' | 'guest';

export interface KioskContext {
  readonly db: Db;
  readonly dataDir: string;
  readonly config: KioskConfig;
  readonly configFile: string;
  readonly configProblems: ConfigProblem[];
  readonly mode: KioskMode;
  readonly role: StoreRole;
  readonly clock: Clock;
  readonly bus: EventBus;
  readonly registry: Registry;
  readonly log: Logger;
  /** Keys kept outside the database and its backups (the CCCD HMAC key). */
  readonly keys: KeyVault;
  /** Scan classification, CCCD parsing and hardware, injected by the entry point (core may not import native/). */
  readonly devices: DeviceRuntime | undefined;
  /** Features add cleanup (timers, devices) here; run in reverse order on close. */
  onClose(cleanup: () => void | Promise<void>): void;
  /**
   * Start-up work the first screen does not need (housekeeping, schedules, demo content): run
   * in order after the kiosk's first reply in the host and Electron, at once in the CLI and tests.
   * It must not be something a request handler relies on having run.
   */
  afterStart(name: string, work: () => void | Promise<void>): void;
}
