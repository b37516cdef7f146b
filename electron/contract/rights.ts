// Residents' rights under Decree 13/2023/NĐ-CP: see what the kiosk keeps about you (and print it),
// have it corrected, have it erased; and the retention rule that anonymises residents who have not
// used the library for years. Erasure keeps loans and events as anonymous records, so statistics
// stay as they were. What is kept, why and for how long: docs/privacy.md.
import { z } from 'zod';
import { method, resident, residentToken, staff, staffToken } from './define';
import { cardNumber, patronGender, patronSummary } from './patrons';

/** Why a record was erased: chosen from a list, so the audit line never holds words about a person. */
export const erasureReason = z.enum(['resident_request', 'moved_away', 'deceased', 'duplicate', 'retention']);
export type ErasureReason = z.infer<typeof erasureReason>;

/** Everything the kiosk holds about one resident, as the resident (or staff for them) may read and print it. */
export const patronRecord = z.object({
  cardNumber: z.string(),
  /** Full name; null when only the card was shown (see `complete`). */
  fullName: z.string().nullable(),
  displayName: z.string(),
  birthYear: z.number().int().nullable(),
  gender: patronGender.nullable(),
  village: z.string().nullable(),
  phone: z.string().nullable(),
  categoryName: z.string(),
  cardExpiry: z.string(),
  status: z.enum(['active', 'blocked', 'pending']),
  createdAt: z.string(),
  /** Only a keyed fingerprint of the CCCD number is kept, never the number. */
  registeredWithCccd: z.boolean(),
  hasPin: z.boolean(),
  consent: z.object({ version: z.string(), at: z.string(), by: z.enum(['resident', 'staff']) }).nullable(),
  lastSeenAt: z.string().nullable(),
  /** The day the record would be anonymised if the resident does not come back (null: no retention rule). */
  anonymiseAfter: z.string().nullable(),
  loans: z.array(z.object({ title: z.string(), item: z.string(), checkedOutAt: z.string(), dueDate: z.string(), returnedAt: z.string().nullable() })),
  holds: z.number().int(),
  internetSessions: z.number().int(),
  /**
   * False when the resident signed in with the library card alone: phone, birth year, gender,
   * village and full name are then left out (anyone holding the card could read them); the CCCD,
   * the PIN or the staff desk shows everything.
   */
  complete: z.boolean(),
});
export type PatronRecord = z.infer<typeof patronRecord>;

/** What staff may correct; fields left out stay as they are. */
export const patronCorrection = z
  .object({
    fullName: z.string().trim().min(2, 'họ tên cần ít nhất 2 ký tự').max(100).optional(),
    birthYear: z.number().int().min(1900).max(2100).nullable().optional(),
    gender: patronGender.nullable().optional(),
    village: z.string().trim().max(100).nullable().optional(),
    phone: z
      .string()
      .trim()
      .regex(/^(\+84|0)\d{9,10}$/, 'số điện thoại gồm 10–11 chữ số, bắt đầu bằng 0 hoặc +84')
      .nullable()
      .optional(),
  })
  .strict();

/** What the resident takes home after an erasure: which card, when, and what remains (nothing that names them). */
export const erasureReceipt = z.object({
  card: z.string(),
  erasedAt: z.string(),
  reason: erasureReason,
  /** Loans kept as anonymous records for the statistics. */
  anonymousLoans: z.number().int(),
  libraryName: z.string(),
  /** The receipt as plain text, as printed. */
  text: z.string(),
});
export type ErasureReceipt = z.infer<typeof erasureReceipt>;

export const retentionView = z.object({
  /** 0: the library keeps records until a resident asks to erase them. */
  years: z.number().int(),
  /** Staff are told at least this many days before a resident is anonymised. */
  noticeDays: z.number().int(),
  /** Residents last seen before this day are past the retention period (null: no rule). */
  cutoffDay: z.string().nullable(),
  /** Past the retention period now: what "anonymise now" would do (the notice may still be running). */
  due: z.number().int(),
  /** Everyone the rule will anonymise within the notice period, past it or not. */
  scheduled: z.number().int(),
  /** The next day the kiosk anonymises residents by itself, and how many then (null: nobody scheduled). */
  next: z.object({ day: z.string(), count: z.number().int() }).nullable(),
  /** The first residents scheduled, earliest day first (staff see who, and when). */
  residents: z.array(
    z.object({ card: z.string(), fullName: z.string(), lastSeenAt: z.string().nullable(), anonymiseOn: z.string(), pastRetention: z.boolean() }),
  ),
});
export type RetentionView = z.infer<typeof retentionView>;

export const rightsMethods = {
  /** Staff: everything the kiosk holds about a resident, to show or print for them. */
  'rights.record': method(z.object({ staffToken, card: cardNumber }).strict(), patronRecord, staff),
  /** The signed-in resident's own record ("Thông tin của tôi"); complete only after a CCCD or PIN sign-in. */
  'rights.myRecord': method(z.object({ residentToken }).strict(), patronRecord, resident),
  /** Staff correct a resident's details; only the names of the fields changed are recorded. */
  'rights.correct': method(z.object({ staffToken, card: cardNumber, changes: patronCorrection }).strict(), patronSummary, staff),
  /** Staff erase a resident on request: personal fields go, loans stay as anonymous records. */
  'rights.erase': method(z.object({ staffToken, card: cardNumber, reason: erasureReason.exclude(['retention']) }).strict(), erasureReceipt, staff),
  /** Staff: how many residents the retention rule would anonymise now, and the first of them. */
  'rights.retention': method(z.object({ staffToken }).strict(), retentionView, staff),
  /** Staff confirm: anonymise the residents due. `expected` is the count they saw, so nobody is anonymised unseen. */
  'rights.applyRetention': method(z.object({ staffToken, expected: z.number().int().min(1) }).strict(), z.object({ anonymised: z.number().int() }), staff),
  /**
   * Staff: the resident is still in touch with the library (came to the desk, telephoned), so the
   * notice ends and the retention period starts again from today, as after a visit. Recorded with
   * the staff member; a resident cannot call it.
   */
  'rights.keepRecord': method(
    z.object({ staffToken, card: cardNumber }).strict(),
    z.object({ card: z.string(), anonymiseAfter: z.string().nullable() }),
    staff,
  ),
};
