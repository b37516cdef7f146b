// System handlers: ping, kiosk info (mode, library name) and the self-test.
import type { KioskContext } from '../context';
import { VERSION } from '../version';
import { maintenanceOf } from './maintenance';
import { runSelfTest } from './self-test';

export function registerSystem(ctx: KioskContext): void {
  const { registry, clock } = ctx;
  registry.register('system.ping', () => ({ pong: true, now: new Date(clock.now()).toISOString() }));
  registry.register('system.info', () => ({
    version: VERSION,
    mode: ctx.mode,
    libraryName: ctx.config.library.name,
    communeCode: ctx.mode === 'demo' ? null : ctx.config.library.communeCode,
    language: ctx.config.language,
    now: new Date(clock.now()).toISOString(),
    ...(ctx.mode === 'misconfigured' ? { configErrors: ctx.configProblems } : {}),
    maintenance: maintenanceOf(ctx.db),
  }));
  registry.register('system.selfTest', () => runSelfTest(ctx));
}
