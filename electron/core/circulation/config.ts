// The `circulation` section of kiosk.config.json: patron categories and their loan policy, the
// refusal thresholds, self-registration and the resident's idle time-out. Receipts print to the
// printer of the technician's `printer` section.
import { z } from 'zod';

export const loanPolicy = z
  .object({
    loanDays: z.number().int().min(1).max(365),
    maxLoans: z.number().int().min(0).max(100),
    renewals: z.number().int().min(0).max(20),
  })
  .strict();
export type LoanPolicy = z.infer<typeof loanPolicy>;

export const patronCategory = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'mã loại bạn đọc gồm chữ thường, số, dấu gạch ngang'),
    /** The name residents and staff see (Vietnamese). */
    name: z.string().min(1).max(80),
    policy: loanPolicy,
    /** Residents of this category may choose a PIN (at registration or at the staff desk) that protects their card number. */
    residentPin: z.boolean().default(true),
    /**
     * Residents of this category must give their PIN at every sign-in with a library card, scanned
     * or typed (a CCCD in hand is proof enough). They choose it at registration or at the staff desk.
     */
    requirePin: z.boolean().default(false),
  })
  .strict();
export type PatronCategory = z.infer<typeof patronCategory>;

export const DEFAULT_CATEGORIES: PatronCategory[] = [
  { id: 'child', name: 'Trẻ em', policy: { loanDays: 14, maxLoans: 3, renewals: 1 }, residentPin: true, requirePin: false },
  { id: 'student', name: 'Học sinh - sinh viên', policy: { loanDays: 14, maxLoans: 5, renewals: 2 }, residentPin: true, requirePin: false },
  { id: 'adult', name: 'Người lớn', policy: { loanDays: 21, maxLoans: 5, renewals: 2 }, residentPin: true, requirePin: false },
  { id: 'senior', name: 'Người cao tuổi', policy: { loanDays: 30, maxLoans: 5, renewals: 3 }, residentPin: true, requirePin: false },
];

export const circulationSection = z
  .object({
    categories: z
      .array(patronCategory)
      .min(1)
      .refine((list) => new Set(list.map((c) => c.id)).size === list.length, 'mỗi mã loại bạn đọc chỉ được khai báo một lần')
      .default(DEFAULT_CATEGORIES),
    /** The category a self-registered resident gets when their age gives no better answer. */
    defaultCategory: z.string().default('adult'),
    /** A loan overdue by more than this many days stops new checkouts until it is returned. */
    blockWhenOverdueDays: z.number().int().min(0).max(365).default(7),
    /** When an item on loan to someone else is scanned at checkout, offer to return it first. */
    offerReturnWhenOnLoan: z.boolean().default(true),
    /** Self-registration by CCCD: 'active' lends at once; 'pending' waits for staff approval. */
    selfRegistration: z.enum(['off', 'pending', 'active']).default('active'),
    /**
     * A card number typed on screen instead of scanned: 'accepted'; 'withPin' = only with the
     * resident's own PIN (residents without one scan their card); 'refused' = scan only.
     */
    typedCards: z.enum(['accepted', 'withPin', 'refused']).default('accepted'),
    /** Typed card numbers this kiosk accepts per window, whoever types them (slows walking through card numbers). */
    typedCardLimit: z
      .object({ max: z.number().int().min(1).max(1000).default(10), minutes: z.number().int().min(1).max(1440).default(10) })
      .strict()
      .default({ max: 10, minutes: 10 }),
    /** Wrong resident PINs before the PIN locks, and for how long. */
    residentPinAttempts: z.number().int().min(3).max(20).default(5),
    residentPinLockMinutes: z.number().int().min(1).max(1440).default(15),
    /** Titles a resident may have on hold at once; 0 turns holds off. */
    maxHolds: z.number().int().min(0).max(20).default(3),
    /** Days a copy set aside for a hold is kept on the staff shelf before it passes to the next in line. */
    holdPickupDays: z.number().int().min(1).max(60).default(7),
    /**
     * Residents who have not used the library for this many years are anonymised automatically
     * (rights/retention-schedule.ts); 0 keeps records until a resident asks to erase them.
     */
    retentionYears: z.number().int().min(0).max(20).default(3),
    /** Staff see who will be anonymised, and on which day, at least this many days beforehand. */
    retentionNoticeDays: z.number().int().min(7).max(365).default(30),
    cardPrefix: z
      .string()
      .regex(/^[A-Z]{1,4}$/, 'tiền tố số thẻ gồm 1–4 chữ in hoa')
      .default('BD'),
    cardValidityYears: z.number().int().min(1).max(10).default(2),
    /** A signed-in resident is signed out after this long without touching or scanning anything. */
    idleSeconds: z.number().int().min(10).max(3600).default(60),
    countdownSeconds: z.number().int().min(3).max(60).default(10),
  })
  .strict()
  .refine((c) => c.categories.some((category) => category.id === c.defaultCategory), {
    message: 'defaultCategory phải là mã của một loại bạn đọc trong categories',
    path: ['defaultCategory'],
  });
export type CirculationConfig = z.output<typeof circulationSection>;
