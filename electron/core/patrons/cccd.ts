// What the kiosk keeps of a chip citizen ID card (CCCD): an HMAC-SHA256 of the 12-digit number
// under a key kept in the OS-protected key vault (never in the database or its backups, see
// cccd-key.ts), so a returning resident is recognised
// while neither the number nor the QR text is stored. The QR parser lives in native/ (devices),
// which the core may not import: it arrives as ctx.devices.parseCccd from the entry point.
import { createHmac } from 'node:crypto';
import type { KioskContext } from '../context';
import { cccdKey } from './cccd-key';

/** The fields a registration needs from a CCCD QR, already checked by the parser. */
export interface CccdIdentity {
  idNumber: string;
  fullName: string;
  /** ISO date YYYY-MM-DD. */
  birthDate: string;
  gender: 'male' | 'female' | 'other';
}

export type CccdParser = (qrText: string) => { ok: true; value: CccdIdentity } | { ok: false };

const parsers = new WeakMap<KioskContext, CccdParser>();

/** Replaces the device layer's parser (a kiosk assembled without devices, or a test's fixed answers). */
export function provideCccdParser(ctx: KioskContext, parser: CccdParser): void {
  parsers.set(ctx, parser);
}

export function cccdParserOf(ctx: KioskContext): CccdParser | undefined {
  const provided = parsers.get(ctx);
  if (provided) return provided;
  const devices = ctx.devices;
  return devices ? (text) => devices.parseCccd(text) : undefined;
}

export function cccdHash(ctx: Pick<KioskContext, 'keys'>, idNumber: string): string {
  if (!/^\d{12}$/.test(idNumber)) throw new Error('A CCCD number has exactly 12 digits');
  return createHmac('sha256', cccdKey(ctx.keys)).update(idNumber).digest('hex');
}
