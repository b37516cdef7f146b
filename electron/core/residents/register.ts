// Residents-first settings handler: the renderer asks once at start what language, idle reset and
// audio guidance this kiosk uses.
import type { KioskContext } from '../context';
import { readAudioOverrides } from './audio-overrides';

export function registerResidents(ctx: KioskContext): void {
  ctx.registry.register('residents.settings', () => ({
    defaultLanguage: ctx.config.language,
    idleResetSeconds: ctx.config.residents.idleResetSeconds,
    screenIdleSeconds: ctx.config.residents.screenIdleSeconds,
    readingIdleSeconds: ctx.config.residents.readingIdleSeconds,
    idleCountdownSeconds: ctx.config.residents.idleCountdownSeconds,
    audio: {
      enabled: ctx.config.audio.enabled,
      volume: ctx.config.audio.volume,
      // Read only when audio is on: a kiosk without guidance never touches the folder.
      overrides: ctx.config.audio.enabled ? readAudioOverrides(ctx.dataDir, ctx.log) : {},
    },
  }));
}
