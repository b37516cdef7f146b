// Plugs internet sessions into the kiosk: builds the service from configuration, recovers the
// session a crash left, runs the countdown every second and registers the contract handlers.
import { admitTypedCard, countTypedEntry } from '../circulation/typed-card';
import { findPatronByCard } from '../patrons/lookup';
import type { KioskContext } from '../context';
import type { Clock } from '../clock';
import { systemBootProbe, type BootProbe } from './boot';
import { cccdResolver } from './cccd';
import type { InternetConfig } from './config';
import { InternetService } from './service';
import { loadUrlPolicy } from './url-rules';
import { addressToUrl } from './url-policy';

const services = new WeakMap<KioskContext, InternetService>();

export function internetServiceOf(ctx: KioskContext): InternetService {
  const service = services.get(ctx);
  if (!service) throw new Error('internet feature not registered');
  return service;
}

/** Test hooks: a simulated reboot and a faster countdown; set before the kiosk is created. */
export const internetTestHooks: { boot: BootProbe } = { boot: systemBootProbe };

/**
 * Demo kiosks are open around the clock so they can be tried at any hour, and browser-mode tests may
 * run the countdown faster (KIOSK_TEST_INTERNET_SPEED). A configured kiosk never does either: its
 * schema has no such setting and the variable is ignored outside demo mode.
 */
export function effectiveConfig(ctx: KioskContext): InternetConfig {
  const config = ctx.config.internet;
  if (ctx.mode !== 'demo') return config;
  const always = [{ open: '00:00', close: '23:59' }];
  return { ...config, closedDates: [], specialHours: {}, openingHours: { sun: always, mon: always, tue: always, wed: always, thu: always, fri: always, sat: always } };
}

export function countdownClock(ctx: KioskContext, env: Record<string, string | undefined> = process.env): Clock {
  const speed = Number(env.KIOSK_TEST_INTERNET_SPEED ?? '1');
  if (ctx.mode !== 'demo' || !Number.isFinite(speed) || speed <= 1) return ctx.clock;
  const base = ctx.clock;
  const origin = base.monotonic();
  return { now: () => base.now(), monotonic: () => origin + (base.monotonic() - origin) * Math.min(speed, 600) };
}

/** Origins of the kiosk's own screens, never opened as web pages. */
const KIOSK_ORIGINS = ['app://kiosk', 'http://127.0.0.1', 'http://localhost'];

export function registerInternet(ctx: KioskContext): void {
  const config = effectiveConfig(ctx);
  const { policy, missingFiles } = loadUrlPolicy(config.urlPolicy, KIOSK_ORIGINS);
  for (const file of missingFiles) ctx.log.log('warn', 'internet.block_list_missing', { file });
  const service = new InternetService(ctx, { config, clock: countdownClock(ctx), boot: internetTestHooks.boot, policy });
  services.set(ctx, service);
  service.recover();

  const timer = setInterval(() => {
    try {
      service.tick();
    } catch (error) {
      ctx.log.log('error', 'internet.tick_failed', { error: String(error).slice(0, 300) });
    }
  }, 1000);
  timer.unref?.();
  ctx.onClose(() => clearInterval(timer));

  const { registry } = ctx;
  registry.register('internet.status', () => service.state());
  registry.register('internet.signIn', async ({ kind, text, manual, pin }) => {
    // A typed card number spends someone's minutes: the same gate as circulation (typed-card.ts).
    if (kind === 'card' && manual) {
      countTypedEntry(ctx);
      const patron = findPatronByCard(ctx.db, text);
      if (patron) await admitTypedCard(ctx, patron, pin);
    }
    const { resumed, row } = service.signIn(kind, text, manual, kind === 'cccd' ? cccdResolver(ctx) : undefined);
    return { state: service.state(), resumed, allowanceMinutes: Math.round(row.allowanceMs / 60000), limitedBy: row.limitedBy };
  });
  registry.register('internet.end', () => (service.endByResident(), { ok: true as const }));
  registry.register('internet.requestMoreTime', () => (service.requestMoreTime(), { ok: true as const }));
  registry.register('internet.queue.join', ({ card }) => service.joinQueue(card));
  registry.register('internet.queue.leave', ({ card }) => (service.leaveQueue(card), { ok: true as const }));
  registry.register('internet.checkUrl', ({ url }) => service.decideUrl(addressToUrl(url)));
  registry.register('internet.browse', (request) => service.browse(request));
  registry.register('internet.saveDownload', ({ fileName, text }) => ({ saved: service.saveDownload(fileName, text) }));

  registry.register('internet.staff.overview', () => service.overview());
  registry.register('internet.staff.extend', ({ minutes, scope }, { staff }) => service.extend(staff, minutes, scope));
  registry.register('internet.staff.end', (_request, { staff }) => (service.endByStaff(staff), { ok: true as const }));
  registry.register('internet.staff.message', ({ text }, { staff }) => (service.message(staff, text), { ok: true as const }));
  registry.register('internet.staff.createGuestPasses', ({ minutes, count }, { staff }) => ({
    passes: service.createGuestPasses(staff, minutes, count).map(toPass),
  }));
  registry.register('internet.staff.guestPasses', () => ({ passes: service.guestPassesToday().map(toPass) }));
  registry.register('internet.staff.emergencyClose', (_request, { staff }) => (service.emergencyClose(staff), { ok: true as const }));
  registry.register('internet.staff.removeFromQueue', ({ ticket }, { staff }) => (service.removeFromQueue(staff, ticket), { ok: true as const }));
  registry.register('internet.staff.reopen', (_request, { staff }) => (service.reopen(staff), { ok: true as const }));
}

function toPass(p: { code: string; minutes: number; validDay: string; usedAt: string | null }) {
  return { code: p.code, minutes: p.minutes, validDay: p.validDay, used: p.usedAt !== null };
}
