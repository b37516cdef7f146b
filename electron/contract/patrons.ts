// Patron records as staff and the CLI see them: add, show, list, approve, block and unblock.
// Only what circulation and statistics need; never a CCCD number.
import { z } from 'zod';
import { anyone, method, noParams, staff } from './define';
import { staffToken } from './staff';

export const cardNumber = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9-]{3,32}$/, 'số thẻ gồm 3–32 chữ cái, chữ số hoặc dấu gạch ngang');

/**
 * Which consent text a resident agreed to when their card was made (the texts are
 * `circulation:consent.*` in the locale files and docs/privacy.md). A new wording gets a new version.
 */
export const CONSENT_VERSION = '2026-12';

/** A resident's own PIN (4–6 digits), protecting their card when it is typed or, by category, scanned. */
export const residentPin = z.string().regex(/^\d{4,6}$/, 'mã PIN gồm 4–6 chữ số');

export const patronStatus = z.enum(['active', 'blocked', 'pending']);
export const patronGender = z.enum(['male', 'female', 'other']);

export const patronSummary = z.object({
  cardNumber: z.string(),
  fullName: z.string(),
  birthYear: z.number().int().nullable(),
  gender: patronGender.nullable(),
  category: z.string(),
  categoryName: z.string(),
  village: z.string().nullable(),
  phone: z.string().nullable(),
  cardExpiry: z.string(),
  status: patronStatus,
  /** True once the card's expiry day has passed (the status itself stays active/blocked). */
  expired: z.boolean(),
  registeredWithCccd: z.boolean(),
  /** The resident chose a PIN (only its scrypt hash is kept). */
  hasPin: z.boolean(),
  /** Their category asks the PIN at every sign-in with the library card. */
  pinRequired: z.boolean(),
  createdAt: z.string(),
});
export type PatronSummary = z.infer<typeof patronSummary>;

/**
 * What a resident-facing method may say about the signed-in resident: a display name (given name
 * and an initial, "Lan N."), the card and its state. Phone, birth year, gender and village are
 * returned by staff methods only (issue #16; test/unit/privacy/resident-fields.test.ts).
 */
export const residentPatron = z.object({
  cardNumber: z.string(),
  displayName: z.string(),
  category: z.string(),
  categoryName: z.string(),
  cardExpiry: z.string(),
  status: patronStatus,
  expired: z.boolean(),
  registeredWithCccd: z.boolean(),
});
export type ResidentPatron = z.infer<typeof residentPatron>;

const currentYear = new Date().getFullYear();

export const newPatron = z
  .object({
    fullName: z.string().trim().min(2, 'họ tên cần ít nhất 2 ký tự').max(100),
    birthYear: z
      .number()
      .int()
      .min(1900)
      .max(currentYear + 1)
      .nullable()
      .default(null),
    gender: patronGender.nullable().default(null),
    category: z.string().trim().min(1).max(32),
    village: z.string().trim().max(100).nullable().default(null),
    phone: z
      .string()
      .trim()
      .regex(/^(\+84|0)\d{9,10}$/, 'số điện thoại gồm 10–11 chữ số, bắt đầu bằng 0 hoặc +84')
      .nullable()
      .default(null),
    /** A pre-printed card number; otherwise the kiosk gives the next free one. */
    cardNumber: cardNumber.optional(),
  })
  .strict();
export type NewPatron = z.input<typeof newPatron>;

export const patronCategoryView = z.object({
  id: z.string(),
  name: z.string(),
  /** 'off': no resident PIN; 'optional': a resident may choose one; 'required': asked at every card sign-in. */
  pin: z.enum(['off', 'optional', 'required']),
  loanDays: z.number().int(),
  maxLoans: z.number().int(),
  renewals: z.number().int(),
});

/** A calendar day typed by staff, YYYY-MM-DD, that exists (no 31 February). */
export const isoDay = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày viết dạng NNNN-TT-NN, ví dụ 2027-12-31')
  .refine((day) => {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    const at = new Date(Date.UTC(y, m - 1, d));
    return at.getUTCFullYear() === y && at.getUTCMonth() === m - 1 && at.getUTCDate() === d;
  }, 'ngày này không có trong lịch');

/** Why staff changed a card at the desk: kept on the kiosk with who did it. */
export const deskReason = z.string().trim().min(2, 'hãy ghi lý do, ví dụ "mất thẻ"').max(200);

export const patronMethods = {
  'patrons.categories': method(noParams, z.array(patronCategoryView), anyone),
  'patrons.add': method(
    newPatron
      .extend({
        staffToken,
        pin: residentPin.optional(),
        /** The resident read (or was read) the consent text at the desk and agreed: recorded with its version. */
        consent: z.boolean().optional(),
      })
      .strict(),
    patronSummary,
    staff,
  ),
  /** Set or reset a resident's PIN at the desk (`null` removes it); clears a lock; recorded with who did it. */
  'patrons.setPin': method(z.object({ staffToken, card: cardNumber, pin: residentPin.nullable() }).strict(), patronSummary, staff),
  'patrons.show': method(z.object({ staffToken, card: cardNumber }).strict(), patronSummary, staff),
  'patrons.list': method(
    z.object({ staffToken, status: patronStatus.optional(), query: z.string().trim().max(100).optional() }).strict(),
    z.array(patronSummary),
    staff,
  ),
  /** Approve a pending registration (→ active), block, or unblock; recorded with who did it. */
  'patrons.setStatus': method(
    z.object({ staffToken, card: cardNumber, status: z.enum(['active', 'blocked']), reason: z.string().trim().max(200).optional() }).strict(),
    patronSummary,
    staff,
  ),
  /** A lost card gets a new number; loans, holds and PIN stay; the old number is refused from now on. */
  'patrons.reissueCard': method(z.object({ staffToken, card: cardNumber, reason: deskReason }).strict(), patronSummary, staff),
  /** Move a resident to another category of the configuration. */
  'patrons.setCategory': method(
    z.object({ staffToken, card: cardNumber, category: z.string().trim().min(1).max(40), reason: deskReason }).strict(),
    patronSummary,
    staff,
  ),
  /** Fold a duplicate record into the resident's kept one; the duplicate's number is refused from now on. */
  'patrons.merge': method(z.object({ staffToken, keep: cardNumber, duplicate: cardNumber, reason: deskReason }).strict(), patronSummary, staff),
  /** Extend a card: by the card period, or to `until`; recorded with who did it and why. */
  'patrons.renewCard': method(
    z
      .object({ staffToken, card: cardNumber, until: isoDay.optional(), reason: z.string().trim().min(2, 'hãy ghi lý do, ví dụ "gia hạn hằng năm"').max(200) })
      .strict(),
    patronSummary,
    staff,
  ),
};
