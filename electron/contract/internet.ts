// Free internet sessions: the resident's sign-in, countdown and queue; the staff control methods;
// the URL policy check; and the events the resident's screen and the browsing surface follow.
import { z } from 'zod';
import { anyone, method, noParams, staff } from './define';
import { staffToken } from './staff';

export const GUEST_CODE_PATTERN = /^KHACH-[A-HJ-NP-Z2-9]{8}$/;
export const guestCode = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(z.string().regex(GUEST_CODE_PATTERN, 'mã khách có dạng KHACH- và 8 ký tự, ví dụ KHACH-7KQ2M9XA'));

export const limitName = z.enum(['session', 'day', 'week', 'closing', 'guest']);
export const endReason = z.enum(['time_up', 'resident', 'staff', 'closing', 'crash', 'power_cut', 'emergency', 'inactive']);
export type EndReason = z.infer<typeof endReason>;

export const homeLink = z.object({ title: z.string(), url: z.string() });

export const residentSession = z.object({
  id: z.number().int(),
  guest: z.boolean(),
  startedAt: z.string(),
  allowanceMinutes: z.number(),
  usedSeconds: z.number().int().nonnegative(),
  remainingSeconds: z.number().int().nonnegative(),
  limitedBy: limitName,
  moreTimeRequested: z.boolean(),
  downloads: z.array(z.string()),
  /** Set while the screens ask "Bạn còn dùng máy không?": seconds until the session ends unanswered. */
  inactiveEndsInSeconds: z.number().int().nonnegative().nullable(),
  /** Set while the resident has stepped away to the other services: seconds the session is kept for them. */
  awayEndsInSeconds: z.number().int().nonnegative().nullable(),
  /** Staff locked the session from the room's console: its browsing is hidden until they unlock it or end it. */
  locked: z.boolean(),
  /** The last time warning given (its minutes), until more time is granted; null while away. */
  lastWarningMinutes: z.number().int().nullable(),
  /** Staff's message the resident has not yet acknowledged; null while away. */
  staffMessage: z.object({ text: z.string(), at: z.string() }).nullable(),
});
export type ResidentSession = z.infer<typeof residentSession>;

/** What every screen may know: never a name or card number (events reach every connected screen). */
export const internetState = z.object({
  phase: z.enum(['free', 'active', 'suspended', 'closed', 'disabled']),
  closedReason: z.enum(['hours', 'emergency']).nullable(),
  nextOpen: z.string().nullable(),
  session: residentSession.nullable(),
  queue: z.object({ waiting: z.number().int(), heldForTicket: z.number().int().nullable() }),
  warningMinutes: z.array(z.number().int()),
  warningSound: z.boolean(),
  queueNoticeMinutes: z.number().int(),
  /** How long a resident may step away to the other services and come back; 0 = not offered. */
  stepAwayMinutes: z.number().int(),
  homeLinks: z.array(homeLink),
  urlPolicyMode: z.enum(['allow-list', 'block-list']),
});
export type InternetState = z.infer<typeof internetState>;

export const urlDecision = z.object({
  decision: z.enum(['allow', 'block']),
  rule: z.string(),
  pattern: z.string().optional(),
  reason: z.string(),
  url: z.string().optional(),
});
export type UrlDecisionDto = z.infer<typeof urlDecision>;

export const signInRequest = z
  .object({
    kind: z.enum(['card', 'guest', 'cccd']),
    text: z.string().trim().min(1, 'hãy quét thẻ hoặc nhập số thẻ').max(2048),
    /** Typed on screen rather than scanned (reported as a manual sign-in). */
    manual: z.boolean().default(false),
    /** A typed card number's resident PIN, when they chose one or the kiosk asks for it. */
    pin: z
      .string()
      .regex(/^\d{4,6}$/, 'mã PIN gồm 4–6 chữ số')
      .optional(),
  })
  .strict();

export const queueTicket = z.object({ ticket: z.number().int(), position: z.number().int(), estimatedWaitMinutes: z.number().int() });

export const staffSessionRow = z.object({
  id: z.number().int(),
  who: z.string(),
  card: z.string().nullable(),
  category: z.string(),
  status: z.enum(['active', 'suspended', 'ended']),
  /** The resident stepped away to the other services: seconds the session is still kept for them. */
  awayEndsInSeconds: z.number().int().nonnegative().nullable(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  endReason: endReason.nullable(),
  minutesUsed: z.number(),
  minutesLeft: z.number().nullable(),
  allowanceMinutes: z.number(),
  moreTimeRequested: z.boolean(),
});
export type StaffSessionRow = z.infer<typeof staffSessionRow>;

export const guestPass = z.object({ code: z.string(), minutes: z.number().int(), validDay: z.string(), used: z.boolean() });
export type GuestPass = z.infer<typeof guestPass>;

export const internetOverview = z.object({
  current: staffSessionRow.nullable(),
  recent: z.array(staffSessionRow),
  queue: z.array(z.object({ ticket: z.number().int(), who: z.string(), joinedAt: z.string() })),
  emergencyClosed: z.object({ by: z.string(), at: z.string() }).nullable(),
  todayMinutes: z.number(),
  todaySessions: z.number().int(),
});
export type InternetOverview = z.infer<typeof internetOverview>;

const ok = z.object({ ok: z.literal(true) });

/** Height of the kiosk's session bar above the Electron browsing view, in CSS pixels. */
export const BROWSER_TOP_PX = 168;

export const browseAction = z.enum([
  'navigate',
  'back',
  'forward',
  'reload',
  'home',
  'zoomIn',
  'zoomOut',
  'zoomReset',
  'newTab',
  'closeTab',
  'selectTab',
  'print',
]);
export const browseRequest = z.object({ action: browseAction, url: z.string().max(8192).optional(), tabId: z.number().int().optional() }).strict();
export type BrowseRequest = z.infer<typeof browseRequest>;

export const browserTabs = z.object({
  tabs: z.array(z.object({ id: z.number().int(), title: z.string(), url: z.string(), active: z.boolean(), loading: z.boolean() })),
  canGoBack: z.boolean(),
  canGoForward: z.boolean(),
  zoomPercent: z.number().int(),
  /** Set while the active tab shows the explanation of a blocked page instead of the page. */
  blocked: urlDecision.nullable(),
});
export type BrowserTabs = z.infer<typeof browserTabs>;

/** Which web protection is in force, for the staff page: the kiosk never pretends. */
export const webProtectionState = z.object({
  /** The protection of the session running now, or of an adult session when none runs. */
  current: z.object({ audience: z.enum(['child', 'adult']), lists: z.array(z.string()) }),
  childCategories: z.array(z.string()),
  adultLists: z.array(z.string()),
  guestsAsChildren: z.boolean(),
  lists: z.array(z.object({ name: z.string(), entries: z.number(), updated: z.boolean() })),
  localNetworkBlocked: z.boolean(),
  localExceptions: z.array(z.string()),
  urlPolicyMode: z.enum(['allow-list', 'block-list']),
});
export type WebProtectionState = z.infer<typeof webProtectionState>;

export const internetMethods = {
  'internet.status': method(noParams, internetState, anyone),
  'internet.signIn': method(
    signInRequest,
    z.object({ state: internetState, resumed: z.boolean(), allowanceMinutes: z.number(), limitedBy: limitName }),
    anyone,
  ),
  'internet.end': method(noParams, ok, anyone),
  /** Input was seen on the session's screen or page (a touch, a key, a scroll): the session is in use (core/internet/inactivity.ts). */
  'internet.activity': method(noParams, ok, anyone),
  'internet.requestMoreTime': method(noParams, ok, anyone),
  'internet.stepAway': method(noParams, z.object({ keptMinutes: z.number().int() }), anyone),
  /** The resident tapped "Đã hiểu" on staff's message. */
  'internet.messageSeen': method(noParams, ok, anyone),
  'internet.queue.join': method(z.object({ card: z.string().trim().min(1).max(64) }).strict(), queueTicket, anyone),
  'internet.queue.leave': method(z.object({ card: z.string().trim().min(1).max(64) }).strict(), ok, anyone),
  /** A browsing command from the session bar; `handled` is false where no browsing surface exists (browser mode). */
  'internet.browse': method(browseRequest, z.object({ handled: z.boolean(), decision: urlDecision.optional() }), anyone),
  /** The resident's answer on the kiosk's file picker: names from the list shown; none is a cancel. */
  'internet.chooseFiles': method(
    z.object({ pickId: z.number().int().positive(), names: z.array(z.string().min(1).max(255)).max(50) }).strict(),
    z.object({ given: z.number().int() }),
    anyone,
  ),
  'internet.checkUrl': method(z.object({ url: z.string().max(8192) }).strict(), urlDecision, anyone),
  /** Saves a downloaded file into the session's own folder if its type is allowed (browser mode and tests). */
  'internet.saveDownload': method(
    z.object({ fileName: z.string().min(1).max(200), text: z.string().max(1_000_000) }).strict(),
    z.object({ saved: z.string() }),
    anyone,
  ),

  'internet.staff.overview': method(z.object({ staffToken }).strict(), internetOverview, staff),
  'internet.staff.protection': method(z.object({ staffToken }).strict(), webProtectionState, staff),
  'internet.staff.extend': method(
    z
      .object({ staffToken, minutes: z.number().int().min(1, 'thêm ít nhất 1 phút').max(240, 'thêm tối đa 240 phút'), scope: z.enum(['session', 'day']) })
      .strict(),
    z.object({ allowanceMinutes: z.number(), addedMinutes: z.number() }),
    staff,
  ),
  'internet.staff.end': method(z.object({ staffToken }).strict(), ok, staff),
  'internet.staff.message': method(z.object({ staffToken, text: z.string().trim().min(1, 'hãy viết lời nhắn').max(300) }).strict(), ok, staff),
  'internet.staff.createGuestPasses': method(
    z.object({ staffToken, minutes: z.number().int().min(5).max(480), count: z.number().int().min(1).max(50) }).strict(),
    z.object({ passes: z.array(guestPass) }),
    staff,
  ),
  'internet.staff.guestPasses': method(z.object({ staffToken }).strict(), z.object({ passes: z.array(guestPass) }), staff),
  'internet.staff.emergencyClose': method(z.object({ staffToken }).strict(), ok, staff),
  'internet.staff.removeFromQueue': method(z.object({ staffToken, ticket: z.number().int().positive() }).strict(), ok, staff),
  'internet.staff.reopen': method(z.object({ staffToken }).strict(), ok, staff),
};

export const wipeStep = z.enum([
  'cookies',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'cacheStorage',
  'serviceWorkers',
  'httpCache',
  'history',
  'formData',
  'permissions',
  'downloads',
  'tabs',
  'authCache',
]);
export type WipeStep = z.infer<typeof wipeStep>;

export const internetEvents = {
  /** The resident-facing state: sent on every change and once a second while a session runs. */
  'internet.state': internetState,
  'internet.warning': z.object({ sessionId: z.number().int(), minutesLeft: z.number().int(), sound: z.boolean() }),
  /** Tabs of the Electron browsing surface, for the session bar. */
  'internet.tabs': browserTabs,
  /** A web page opened its file chooser: the kiosk's picker lists this session's downloads (open: false closes it). */
  'internet.filePicker': z.object({
    pickId: z.number().int(),
    open: z.boolean(),
    multiple: z.boolean(),
    files: z.array(z.object({ name: z.string(), bytes: z.number().int().nonnegative() })),
  }),
  /** A session ended: screens return home and the browsing surface clears every step listed. */
  'internet.ended': z.object({ sessionId: z.number().int(), reason: endReason, wipe: z.array(wipeStep) }),
};
