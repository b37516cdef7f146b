// A resident signs in with a library card (scanned or typed) or the QR code of a CCCD. An unknown
// CCCD gets a short-lived registration offer; only the keyed hash and derived fields are kept.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { SignedInPatron, registrationOffer } from '#contract/circulation';
import type { KioskContext } from '../context';
import { KioskError, refused } from '../errors';
import { cccdHash, cccdParserOf, type CccdIdentity } from '../patrons/cccd';
import { assertCardUsable, findPatronByCccdHash, patronDimensions, type Patron } from '../patrons/lookup';
import { createPatron, requirePatron, toResidentPatron } from '../patrons/records';
import { recordEvent } from '../store/event-types';
import { localDay } from '../../../common/calendar';
import { holdsOf } from './holds';
import { openLoansOf, toLoanView } from './loans';
import { categoryForAge, categoryName, pinModeOf } from '../patrons/categories';
import { pinHashFor, requirePinWhenCategoryAsks } from '../patrons/resident-pin';
import { policyFor } from './policy';
import { withRefusalRecorded } from './refusals';
import { admitLibraryCard, countTypedEntry } from './typed-card';
import { openResidentSession, type ResidentProof } from '../patrons/resident-sessions';

/** A registration offer is forgotten after this long (the resident walked away). */
export const REGISTRATION_TTL_MS = 5 * 60 * 1000;

interface PendingRegistration {
  hash: string;
  fullName: string;
  birthYear: number;
  gender: CccdIdentity['gender'];
  category: string;
  expiresAt: number;
}

const pendingByKiosk = new WeakMap<KioskContext, Map<string, PendingRegistration>>();

function pending(ctx: KioskContext): Map<string, PendingRegistration> {
  let map = pendingByKiosk.get(ctx);
  if (!map) pendingByKiosk.set(ctx, (map = new Map()));
  const now = ctx.clock.monotonic();
  for (const [token, entry] of map) if (entry.expiresAt < now) map.delete(token);
  return map;
}

/** What a parsed CCCD must satisfy before anything is derived from it. */
const identitySchema = z.object({
  idNumber: z.string().regex(/^\d{12}$/),
  fullName: z.string().trim().min(2).max(100),
  birthDate: z.iso.date(),
  gender: z.enum(['male', 'female', 'other']),
});

/** What a resident's card stands at: patron, current loans, holds, and whether they may borrow now. */
export function patronStanding(ctx: KioskContext, patron: Patron): Omit<SignedInPatron, 'kind' | 'residentToken'> {
  const today = localDay(ctx.clock.now());
  const policy = policyFor(ctx.config, patron.category);
  let standing: SignedInPatron['standing'] = { canBorrow: true, reason: null, message: null };
  try {
    assertCardUsable(patron, today);
  } catch (error) {
    if (!(error instanceof KioskError)) throw error;
    standing = { canBorrow: false, reason: error.reason ?? null, message: error.message };
  }
  return {
    patron: toResidentPatron(ctx, patron),
    loans: openLoansOf(ctx.db, patron.id).map((loan) => toLoanView(loan, today, policy.renewals)),
    holds: holdsOf(ctx, patron.id),
    standing,
    maxLoans: policy.maxLoans,
  };
}

/** The signed-in view a resident screen gets, with the token for the resident's next calls. */
export function patronView(ctx: KioskContext, patron: Patron, residentToken: string): SignedInPatron {
  return { kind: 'patron', residentToken, ...patronStanding(ctx, patron) };
}

/** Records the visit and opens the resident's session: the view carries the token for what follows. */
function signedIn(ctx: KioskContext, patron: Patron, method: 'card' | 'cccd' | 'manual', proof: ResidentProof): SignedInPatron {
  ctx.db.transaction(() =>
    recordEvent(ctx.db, ctx.clock, 'patron.signed_in', { patronId: patron.id, service: 'circulation', method, ...patronDimensions(patron, ctx.clock.now()) }),
  )();
  return patronView(ctx, patron, openResidentSession(ctx, patron, proof));
}

export async function signInByCard(ctx: KioskContext, card: string, method: 'card' | 'manual', pin?: string): Promise<SignedInPatron> {
  if (method === 'manual') withRefusalRecorded(ctx, 'sign_in', () => countTypedEntry(ctx));
  const patron = withRefusalRecorded(ctx, 'sign_in', () => requirePatron(ctx, card));
  const pinChecked = await admitLibraryCard(ctx, patron, method === 'manual', pin);
  return signedIn(ctx, patron, method, pinChecked ? 'pin' : 'card');
}

export function signInByCccd(ctx: KioskContext, qr: string): SignedInPatron | z.infer<typeof registrationOffer> {
  return withRefusalRecorded(ctx, 'sign_in', () => {
    const parser = cccdParserOf(ctx);
    if (!parser) {
      throw new KioskError('unavailable', 'Kiosk này chưa đọc được mã QR trên CCCD. Vui lòng dùng thẻ thư viện hoặc nhập số thẻ.', {
        reason: 'cccd_unavailable',
      });
    }
    const parsed = parser(qr);
    const identity = parsed.ok ? identitySchema.safeParse(parsed.value) : undefined;
    const birthYear = identity?.success ? Number(identity.data.birthDate.slice(0, 4)) : NaN;
    const thisYear = Number(localDay(ctx.clock.now()).slice(0, 4));
    if (!identity?.success || birthYear < 1900 || birthYear > thisYear) {
      throw refused(
        'cccd_unreadable',
        'Không đọc được đủ thông tin từ mã QR trên CCCD. Hãy quét lại mã QR ở mặt trước thẻ, giữ thẻ thẳng và đủ sáng; hoặc dùng thẻ thư viện.',
      );
    }
    const hash = cccdHash(ctx, identity.data.idNumber);
    const known = findPatronByCccdHash(ctx.db, hash);
    if (known) {
      return signedIn(ctx, known, 'cccd', 'cccd');
    }
    const mode = ctx.config.circulation.selfRegistration;
    if (mode === 'off') {
      throw refused('registration_off', 'Bạn chưa có thẻ thư viện. Vui lòng gặp cán bộ thư viện để làm thẻ (mang theo CCCD).');
    }
    const category = categoryForAge(ctx.config, thisYear - birthYear);
    const token = randomBytes(24).toString('base64url');
    pending(ctx).set(token, {
      hash,
      fullName: identity.data.fullName,
      birthYear,
      gender: identity.data.gender,
      category,
      expiresAt: ctx.clock.monotonic() + REGISTRATION_TTL_MS,
    });
    return {
      kind: 'register' as const,
      registrationToken: token,
      proposed: { fullName: identity.data.fullName, birthYear, gender: identity.data.gender, category, categoryName: categoryName(ctx.config, category) },
      activation: mode,
      pin: pinModeOf(ctx.config, category),
      retentionYears: ctx.config.circulation.retentionYears,
    };
  });
}

/** The resident agreed on the consent screen: create the card (active or pending, by configuration). */
export async function registerFromOffer(ctx: KioskContext, token: string, village: string | null, pin?: string): Promise<SignedInPatron> {
  const offers = pending(ctx);
  const offer = offers.get(token);
  if (!offer) {
    throw refused('registration_expired', 'Phiên đăng ký đã hết hạn. Vui lòng quét lại mã QR trên CCCD để đăng ký.');
  }
  // A missing or weak PIN keeps the offer: the resident corrects it on the same screen.
  requirePinWhenCategoryAsks(ctx, offer.category, pin);
  const pinHash = pin === undefined ? undefined : await pinHashFor(ctx, offer.category, pin);
  if (!offers.delete(token)) {
    throw refused('registration_expired', 'Phiên đăng ký đã hết hạn. Vui lòng quét lại mã QR trên CCCD để đăng ký.');
  }
  // The same CCCD may have registered meanwhile (a second kiosk, a double tap): sign that card in.
  const existing = findPatronByCccdHash(ctx.db, offer.hash);
  const patron =
    existing ??
    createPatron(
      ctx,
      { fullName: offer.fullName, birthYear: offer.birthYear, gender: offer.gender, category: offer.category, village },
      {
        via: 'self',
        status: ctx.config.circulation.selfRegistration === 'pending' ? 'pending' : 'active',
        cccdHash: offer.hash,
        consentBy: 'resident',
        ...(pinHash ? { pin: { hash: pinHash, by: 'resident' as const } } : {}),
      },
    );
  return signedIn(ctx, patron, 'cccd', 'cccd');
}
