// CCCD QR parsing for core features (circulation sign-in): goes through the injected device layer
// because the core may not import native/. Callers hash the ID number; nothing here stores it.
import type { CccdResult } from '#contract/devices';
import type { KioskContext } from '../context';
import { requireDevices } from './register';

export function parseCccd(ctx: KioskContext, text: string): CccdResult {
  return requireDevices(ctx).parseCccd(text);
}
