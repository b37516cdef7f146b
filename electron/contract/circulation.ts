// Self-service circulation: sign-in by card or CCCD QR, self-registration, checkout, return,
// renew, my loans, receipts; and the staff side: overdue loans and overriding a refusal.
import { z } from 'zod';
import { anyone, method, noParams, resident, residentToken, staff, staffToken } from './define';
import { cardNumber, residentPatron, residentPin } from './patrons';

export const itemBarcode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9-]{3,32}$/, 'mã vạch sách gồm 3–32 chữ cái, chữ số hoặc dấu gạch ngang');

export const loanView = z.object({
  loanId: z.number().int(),
  item: z.string(),
  title: z.string(),
  checkedOutAt: z.string(),
  dueDate: z.string(),
  /** Days past the due date today; 0 when not overdue. */
  overdueDays: z.number().int().nonnegative(),
  renewals: z.number().int().nonnegative(),
  renewalsLeft: z.number().int().nonnegative(),
});
export type LoanView = z.infer<typeof loanView>;

/** A title a resident is waiting for (đặt trước). */
export const holdView = z.object({
  holdId: z.number().int(),
  recordId: z.number().int(),
  title: z.string(),
  placedAt: z.string(),
  /** 'ready': a copy is set aside on the staff shelf until `readyUntil`; 'waiting': none is back yet. */
  status: z.enum(['waiting', 'ready']),
  /** Place in the queue for the title (1 = next copy back), while waiting. */
  position: z.number().int().positive().nullable(),
  /** Last day a ready copy is kept (local YYYY-MM-DD). */
  readyUntil: z.string().nullable(),
  /** Earliest due date of a copy on loan, while waiting. */
  nextDueDate: z.string().nullable(),
  /** That date has passed (the copy is late): screens say "overdue", never a date in the past. */
  nextDueOverdue: z.boolean(),
});
export type HoldView = z.infer<typeof holdView>;

/** A hold as staff see it: whose it is, and which copy is set aside for it and where. */
export const staffHoldView = holdView.extend({
  card: z.string(),
  fullName: z.string(),
  phone: z.string().nullable(),
  item: z.string().nullable(),
  location: z.string().nullable(),
});
export type StaffHoldView = z.infer<typeof staffHoldView>;

/** Whether the signed-in resident may borrow now, and if not why (a full Vietnamese sentence). */
export const standing = z.object({ canBorrow: z.boolean(), reason: z.string().nullable(), message: z.string().nullable() });

export const signedInPatron = z.object({
  kind: z.literal('patron'),
  /** Proves this resident signed in here; resident methods take it instead of a card number. */
  residentToken,
  patron: residentPatron,
  loans: z.array(loanView),
  holds: z.array(holdView),
  standing,
  maxLoans: z.number().int(),
});
export type SignedInPatron = z.infer<typeof signedInPatron>;

export const registrationOffer = z.object({
  kind: z.literal('register'),
  /** Held in memory for a few minutes; the QR text itself is never kept. */
  registrationToken: z.string(),
  proposed: z.object({
    fullName: z.string(),
    birthYear: z.number().int(),
    gender: z.enum(['male', 'female', 'other']),
    category: z.string(),
    categoryName: z.string(),
  }),
  activation: z.enum(['pending', 'active']),
  /** Whether the consent screen offers a PIN field, and whether the new card needs one. */
  pin: z.enum(['off', 'optional', 'required']),
  /** `circulation.retentionYears`, which the consent text names (0: kept until the resident asks for erasure). */
  retentionYears: z.number().int(),
});

export const signInRequest = z.discriminatedUnion('method', [
  /** Scanned: the resident's PIN when their category requires it at every sign-in (`requirePin`). */
  z.object({ method: z.literal('card'), card: cardNumber, pin: residentPin.optional() }).strict(),
  /** Typed on screen: the resident's PIN when they chose one or the kiosk asks for it (`circulation.typedCards`). */
  z.object({ method: z.literal('manual'), card: cardNumber, pin: residentPin.optional() }).strict(),
  z.object({ method: z.literal('cccd'), qr: z.string().min(1).max(4096) }).strict(),
]);

export const checkinResult = z.object({
  item: z.string(),
  title: z.string(),
  overdueDays: z.number().int().nonnegative(),
  /** Where the returned book goes: the open shelf, or the staff shelf with the reason. */
  shelf: z.enum(['open', 'staff']),
  flag: z.enum(['rotation', 'reserved']).nullable(),
});
export type CheckinResult = z.infer<typeof checkinResult>;

export const receipt = z.object({
  libraryName: z.string(),
  kind: z.enum(['checkout', 'return']),
  at: z.string(),
  /** The card number with its middle masked, so a lost receipt names nobody. */
  card: z.string().nullable(),
  /** `reserved`: a returned copy set aside for someone's hold, to hand to staff rather than shelve. */
  lines: z.array(z.object({ item: z.string(), title: z.string(), dueDate: z.string().nullable(), reserved: z.boolean() })),
  /** The receipt as plain text: what is printed and what the on-screen QR code holds. */
  text: z.string(),
  printed: z.boolean(),
});
export type Receipt = z.infer<typeof receipt>;

export const overdueLoan = loanView.extend({ card: z.string(), fullName: z.string(), phone: z.string().nullable() });

export const circulationMethods = {
  'circulation.settings': method(
    noParams,
    z.object({
      idleSeconds: z.number().int(),
      countdownSeconds: z.number().int(),
      selfRegistration: z.enum(['off', 'pending', 'active']),
      /** 0 when the library takes no holds at the kiosk. */
      maxHolds: z.number().int(),
      holdPickupDays: z.number().int(),
    }),
    anyone,
  ),
  'circulation.signIn': method(signInRequest, z.discriminatedUnion('kind', [signedInPatron, registrationOffer]), anyone),
  'circulation.register': method(
    z
      .object({
        registrationToken: z.string().min(16).max(128),
        consent: z.literal(true, 'cần đồng ý lưu thông tin để làm thẻ'),
        village: z.string().trim().max(100).nullable().default(null),
        /** The PIN the resident chose on the consent screen (required when their category asks for one). */
        pin: residentPin.optional(),
      })
      .strict(),
    signedInPatron,
    anyone,
  ),
  'circulation.loans': method(z.object({ residentToken }).strict(), signedInPatron, resident),
  'circulation.checkout': method(z.object({ residentToken, item: itemBarcode }).strict(), loanView, resident),
  'circulation.checkin': method(z.object({ item: itemBarcode }).strict(), checkinResult, anyone),
  'circulation.renew': method(z.object({ residentToken, item: itemBarcode }).strict(), loanView, resident),
  /** The signed-in resident's checkout receipt for the items just lent. */
  'circulation.receipt': method(
    z.object({ residentToken, items: z.array(itemBarcode).min(1).max(50), print: z.boolean().default(true) }).strict(),
    receipt,
    resident,
  ),
  /** A return receipt: returns need no sign-in, so it names no card. */
  'circulation.returnReceipt': method(z.object({ items: z.array(itemBarcode).min(1).max(50), print: z.boolean().default(true) }).strict(), receipt, anyone),
  /** The resident leaves (done, or the screen went idle): their token stops working at once. */
  'circulation.signOut': method(z.object({ residentToken }).strict(), z.object({ ok: z.literal(true) }), resident),
  /** A resident queues for a title none of whose copies is on the shelf. Placing it twice returns the same hold. */
  'circulation.placeHold': method(z.object({ residentToken, recordId: z.number().int().positive() }).strict(), holdView, resident),
  /** A resident cancels one of their holds; answers with the holds they still have. */
  'circulation.cancelHold': method(z.object({ residentToken, holdId: z.number().int().positive() }).strict(), z.array(holdView), resident),
  /** Staff: every open hold, ready ones (on the staff shelf) first. */
  'circulation.holds': method(z.object({ staffToken }).strict(), z.array(staffHoldView), staff),
  /** Staff cancel a hold (the resident no longer wants it); answers with the open holds left. */
  'circulation.staffCancelHold': method(z.object({ staffToken, holdId: z.number().int().positive() }).strict(), z.array(staffHoldView), staff),
  'circulation.overdue': method(z.object({ staffToken }).strict(), z.array(overdueLoan), staff),
  /** Staff lend despite a refusal; who and why are recorded with the loan and as an event. */
  'circulation.override': method(
    z.object({ staffToken, card: cardNumber, item: itemBarcode, reason: z.string().trim().min(5, 'ghi rõ lý do (ít nhất 5 ký tự)').max(200) }).strict(),
    loanView,
    staff,
  ),
};
