// Plugs internet sessions into the kiosk: builds the internet context from configuration, recovers the
// session a crash left, runs the countdown every second and registers the contract handlers.
import { admitLibraryCard, countTypedEntry } from '../circulation/typed-card';
import { findPatronByCard } from '../patrons/lookup';
import type { KioskContext } from '../context';
import { systemBootProbe, type BootProbe } from './boot';
import { cccdResolver } from './cccd';
import type { InternetConfig } from './config';
import { browse, decideUrlFor } from './browse';
import { createInternetContext } from './context';
import { tick } from './countdown';
import { saveDownload } from './downloads';
import { answerPicker } from './file-picker';
import { endByResident } from './ending';
import { noteInput } from './inactivity';
import { createGuestPasses, guestPassesToday } from './guest-passes';
import { joinQueue, leaveQueue, removeFromQueue } from './queue';
import { recoverSession, requestMoreTime, signIn } from './session';
import { stepAway } from './step-away';
import { emergencyClose, endByStaff, extendSession, messageResident, messageSeen, overview, reopen } from './staff-actions';
import { internetState } from './state';
import { internetResourcesDir, loadUrlPolicy } from './url-rules';
import { pushedBlockHosts } from './pushed-blocks';
import { attachWebProtection } from './protection-state';
import { addressToUrl } from './url-policy';

/** Test hooks: a simulated reboot and a faster countdown; set before the kiosk is created. */
export const internetTestHooks: { boot: BootProbe } = { boot: systemBootProbe };

/**
 * Demo kiosks are open around the clock so they can be tried at any hour; a configured kiosk keeps
 * its own opening hours. (Tests that need a session's minutes to pass move the kiosk's test clock.)
 */
export function effectiveConfig(ctx: KioskContext): InternetConfig {
  const config = ctx.config.internet;
  if (ctx.mode !== 'demo') return config;
  const always = [{ open: '00:00', close: '23:59' }];
  return {
    ...config,
    closedDates: [],
    specialHours: {},
    openingHours: { sun: always, mon: always, tue: always, wed: always, thu: always, fri: always, sat: always },
  };
}

/** Origins of the kiosk's own screens, never opened as web pages. */
const KIOSK_ORIGINS = ['app://kiosk', 'http://127.0.0.1', 'http://localhost'];

export function registerInternet(ctx: KioskContext): void {
  const config = effectiveConfig(ctx);
  const loaded = loadUrlPolicy(config.urlPolicy, KIOSK_ORIGINS, internetResourcesDir(), pushedBlockHosts(ctx.db));
  const { missingFiles } = loaded;
  const { policy, protectionState } = attachWebProtection(ctx, config, loaded.policy, internetResourcesDir());
  for (const file of missingFiles) ctx.log.log('warn', 'internet.block_list_missing', { file });
  const ic = createInternetContext(ctx, { config, clock: ctx.clock, boot: internetTestHooks.boot, policy });
  // Only the folder's owner decides what became of the session open when the program stopped.
  if (ctx.role === 'owner') recoverSession(ic);

  const timer = setInterval(() => {
    try {
      tick(ic);
    } catch (error) {
      ctx.log.log('error', 'internet.tick_failed', { error: String(error).slice(0, 300) });
    }
  }, 1000);
  timer.unref?.();
  ctx.onClose(() => clearInterval(timer));

  const { registry } = ctx;
  registry.register('internet.status', () => internetState(ic));
  registry.register('internet.signIn', async ({ kind, text, manual, pin }) => {
    // A typed card number spends someone's minutes: the same gate as circulation (typed-card.ts).
    if (kind === 'card') {
      if (manual) countTypedEntry(ctx);
      const patron = findPatronByCard(ctx.db, text);
      if (patron) await admitLibraryCard(ctx, patron, manual === true, pin);
    }
    const { resumed, row } = signIn(ic, { kind, text, manual, resolveCccd: kind === 'cccd' ? cccdResolver(ctx) : undefined });
    const state = internetState(ic);
    // Coming back (after a restart, or from stepping away) the resident is told the minutes left, not those first granted.
    const minutes = resumed && state.session ? Math.floor(state.session.remainingSeconds / 60) : Math.round(row.allowanceMs / 60000);
    return { state, resumed, allowanceMinutes: minutes, limitedBy: row.limitedBy };
  });
  registry.register('internet.end', () => (endByResident(ic), { ok: true as const }));
  registry.register('internet.activity', () => (noteInput(ic), { ok: true as const }));
  registry.register('internet.requestMoreTime', () => (requestMoreTime(ic), { ok: true as const }));
  registry.register('internet.stepAway', () => stepAway(ic));
  registry.register('internet.messageSeen', () => (messageSeen(ic), { ok: true as const }));
  registry.register('internet.queue.join', ({ card }) => joinQueue(ic, card));
  registry.register('internet.queue.leave', ({ card }) => (leaveQueue(ic, card), { ok: true as const }));
  registry.register('internet.checkUrl', ({ url }) => decideUrlFor(ic, addressToUrl(url)));
  registry.register('internet.chooseFiles', ({ pickId, names }) => answerPicker(ic, pickId, names));
  registry.register('internet.browse', (request) => browse(ic, request));
  registry.register('internet.saveDownload', ({ fileName, text }) => ({ saved: saveDownload(ic, fileName, text) }));

  registry.register('internet.staff.overview', () => overview(ic));
  registry.register('internet.staff.protection', () => protectionState());
  registry.register('internet.staff.extend', ({ minutes, scope }, { staff }) => extendSession(ic, staff, minutes, scope));
  registry.register('internet.staff.end', (_request, { staff }) => (endByStaff(ic, staff), { ok: true as const }));
  registry.register('internet.staff.message', ({ text }, { staff }) => (messageResident(ic, staff, text), { ok: true as const }));
  registry.register('internet.staff.createGuestPasses', ({ minutes, count }, { staff }) => ({
    passes: createGuestPasses(ic, staff, minutes, count).map(toPass),
  }));
  registry.register('internet.staff.guestPasses', () => ({ passes: guestPassesToday(ic).map(toPass) }));
  registry.register('internet.staff.emergencyClose', (_request, { staff }) => (emergencyClose(ic, staff), { ok: true as const }));
  registry.register('internet.staff.removeFromQueue', ({ ticket }, { staff }) => (removeFromQueue(ic, staff, ticket), { ok: true as const }));
  registry.register('internet.staff.reopen', (_request, { staff }) => (reopen(ic, staff), { ok: true as const }));
}

function toPass(p: { code: string; minutes: number; validDay: string; usedAt: string | null }) {
  return { code: p.code, minutes: p.minutes, validDay: p.validDay, used: p.usedAt !== null };
}
