// What every internet module takes first: the kiosk's store and bus, the effective internet
// configuration, the countdown's clock, the boot probe, the URL policy, and the little state this
// process keeps in memory (the countdown it runs, the browsing surface). One per kiosk core, built
// by register.ts; main/ and the CLI reach it with internetOf(ctx).
import type { BrowseRequest } from '#contract/internet';
import type { Clock } from '../clock';
import type { KioskContext } from '../context';
import type { Db } from '../store/open';
import type { BootProbe } from './boot';
import type { InternetConfig } from './config';
import { localTime } from './policy';
import type { UrlPolicy } from './url-policy';
import type { WipePlan } from './wipe';

/** The Electron browsing surface registers itself here; browser mode has none. */
export interface BrowsingSurface {
  sessionStarted(plan: WipePlan): void;
  wipe(plan: WipePlan): Promise<void>;
  /** Runs a command the core has already allowed (a navigation has passed the URL policy). */
  command(request: BrowseRequest & { url?: string }): void;
}

/** The countdown of the session this process runs, anchored on the monotonic clock. */
export interface Running {
  sessionId: number;
  anchorMono: number;
  usedAtAnchor: number;
  lastCheckpointMono: number;
  warned: Set<number>;
  /** The last input seen on the session's screens or pages (inactivity.ts), monotonic. */
  lastInputMono: number;
  /** When "Bạn còn dùng máy không?" was first asked in this stretch without input, monotonic. */
  askedMono: number | null;
  /** When the resident stepped away to the other services (step-away.ts), monotonic; null while present. */
  awayMono: number | null;
  /**
   * Staff's last message until the resident taps "Đã hiểu": a resident who stepped away, or whose
   * screen was reloaded, still reads it. Memory only, as the text is never stored.
   */
  staffMessage: { text: string; at: string } | null;
}

export interface InternetContext {
  readonly kiosk: KioskContext;
  readonly db: Db;
  readonly config: InternetConfig;
  /** The clock of the countdown (a scaled one in demo tests). */
  readonly clock: Clock;
  readonly boot: BootProbe;
  readonly policy: UrlPolicy;
  running: Running | undefined;
  surface: BrowsingSurface | undefined;
}

const contexts = new WeakMap<KioskContext, InternetContext>();

export function createInternetContext(
  kiosk: KioskContext,
  options: { config: InternetConfig; clock: Clock; boot: BootProbe; policy: UrlPolicy },
): InternetContext {
  const ic: InternetContext = { kiosk, db: kiosk.db, ...options, running: undefined, surface: undefined };
  contexts.set(kiosk, ic);
  return ic;
}

/** The internet context of a kiosk core; the internet feature must have been registered. */
export function internetOf(kiosk: KioskContext): InternetContext {
  const ic = contexts.get(kiosk);
  if (!ic) throw new Error('internet feature not registered');
  return ic;
}

/** The Electron window's tabs carry out what the core decides (browser mode has no surface). */
export function attachSurface(ic: InternetContext, surface: BrowsingSurface): void {
  ic.surface = surface;
}

export function nowIso(ic: InternetContext): string {
  return new Date(ic.clock.now()).toISOString();
}

export function today(ic: InternetContext): string {
  return localTime(ic.clock.now()).day;
}
