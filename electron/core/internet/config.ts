// The `internet` section of kiosk.config.json: time limits per patron category, opening hours,
// guest passes, the URL policy, downloads and permissions. Defaults fit a commune reading room.
import { z } from 'zod';
import { WEEKDAYS, type Weekday } from '../../../common/calendar';
import { defaultWebProtection, webProtectionSection } from './web-protection';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'giờ viết dạng HH:MM, ví dụ 07:30');
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày viết dạng YYYY-MM-DD, ví dụ 2026-09-02');

export const openingInterval = z
  .object({ open: hhmm, close: hhmm })
  .strict()
  .refine((i) => i.open < i.close, { message: 'giờ mở cửa phải trước giờ đóng cửa' });
export type OpeningInterval = z.infer<typeof openingInterval>;

const dayHours = z.array(openingInterval).max(4);

export const categoryLimits = z
  .object({
    sessionMinutes: z.number().int().min(5).max(720),
    dayMinutes: z.number().int().min(5).max(1440),
    weekMinutes: z.number().int().min(5).max(10080).nullable().default(null),
    sessionsPerDay: z.number().int().min(1).max(50),
  })
  .strict();
export type CategoryLimits = z.infer<typeof categoryLimits>;

const morningAfternoon = [
  { open: '07:30', close: '11:30' },
  { open: '13:30', close: '17:00' },
];

export { WEEKDAYS, type Weekday };

export const defaultHomeLinks = [
  { title: 'Cổng Dịch vụ công quốc gia', url: 'https://dichvucong.gov.vn/' },
  { title: 'Cổng thông tin điện tử Chính phủ', url: 'https://chinhphu.vn/' },
  { title: 'Bảo hiểm xã hội Việt Nam', url: 'https://baohiemxahoi.gov.vn/' },
  { title: 'Cơ sở dữ liệu quốc gia về văn bản pháp luật', url: 'https://vbpl.vn/' },
  { title: 'Trung tâm Dự báo khí tượng thủy văn quốc gia', url: 'https://nchmf.gov.vn/' },
  { title: 'Bộ Giáo dục và Đào tạo', url: 'https://moet.gov.vn/' },
];

export const internetSection = z
  .object({
    enabled: z.boolean().default(true),
    /** Limits per patron category; `default` applies to categories not listed and to nobody else. */
    categories: z
      .record(z.string().min(1).max(40), categoryLimits)
      .refine((c) => 'default' in c, { message: 'cần có mục "default" cho các đối tượng không liệt kê' })
      .default({
        default: { sessionMinutes: 60, dayMinutes: 120, weekMinutes: null, sessionsPerDay: 3 },
        child: { sessionMinutes: 30, dayMinutes: 60, weekMinutes: 240, sessionsPerDay: 2 },
        student: { sessionMinutes: 45, dayMinutes: 90, weekMinutes: null, sessionsPerDay: 3 },
      }),
    /** Opening hours per weekday; several intervals for a lunch break; [] = closed all day. */
    openingHours: z
      .object({ sun: dayHours, mon: dayHours, tue: dayHours, wed: dayHours, thu: dayHours, fri: dayHours, sat: dayHours })
      .strict()
      .default({
        sun: [],
        mon: morningAfternoon,
        tue: morningAfternoon,
        wed: morningAfternoon,
        thu: morningAfternoon,
        fri: morningAfternoon,
        sat: [{ open: '07:30', close: '11:30' }],
      }),
    /** Holidays: closed all day. */
    closedDates: z.array(isoDay).default([]),
    /** Days with other hours than the weekday's (market day, festival). */
    specialHours: z.record(isoDay, dayHours).default({}),
    /** Minutes left at which the resident is warned (shown and, when `sound`, a tone). */
    warningMinutes: z.array(z.number().int().min(1).max(60)).max(5).default([5, 1]),
    warningSound: z.boolean().default(true),
    /** Minutes without input in a session before "Bạn còn dùng máy không?"; unanswered, the session ends and wipes (inactivity.ts); 0 = never. */
    inactivityMinutes: z.number().int().min(0).max(60).default(5),
    /** Minutes a resident may leave the session for the other services (borrow a book, Thư viện số) and come back by proving who they are (step-away.ts); 0 = not offered. */
    stepAwayMinutes: z.number().int().min(0).max(30).default(10),
    /** When nobody waits and limits allow, add this many minutes at the end instead of stopping; 0 = never. */
    autoExtendMinutes: z.number().int().min(0).max(120).default(0),
    /** The last minutes in which the resident is told someone is waiting (and no auto-extension happens). */
    queueNoticeMinutes: z.number().int().min(1).max(30).default(5),
    /** How long the PC is kept for the first person in the queue after it becomes free. */
    queueHoldMinutes: z.number().int().min(1).max(30).default(3),
    guestPass: z
      .object({ defaultMinutes: z.number().int().min(5).max(480).default(30), maxMinutes: z.number().int().min(5).max(480).default(120) })
      .strict()
      .default({ defaultMinutes: 30, maxMinutes: 120 }),
    urlPolicy: z
      .object({
        mode: z.enum(['allow-list', 'block-list']).default('block-list'),
        allow: z.array(z.string().min(1).max(253)).default([]),
        block: z.array(z.string().min(1).max(253)).default([]),
        /** Files of host patterns (one per line); relative paths are read from resources/internet/. */
        blockListFiles: z.array(z.string().min(1).max(500)).default(['blocklist.txt']),
      })
      .strict()
      .default({ mode: 'block-list', allow: [], block: [], blockListFiles: ['blocklist.txt'] }),
    homeLinks: z
      .array(z.object({ title: z.string().min(1).max(120), url: z.url() }).strict())
      .max(24)
      .default(defaultHomeLinks),
    downloads: z
      .object({
        allowedExtensions: z.array(z.string().regex(/^[a-z0-9]{1,8}$/)).default(['pdf', 'doc', 'docx', 'xls', 'xlsx', 'odt', 'txt', 'jpg', 'jpeg', 'png']),
        maxMegabytes: z.number().int().min(1).max(2048).default(50),
      })
      .strict()
      .default({ allowedExtensions: ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'odt', 'txt', 'jpg', 'jpeg', 'png'], maxMegabytes: 50 }),
    /** Safe browsing by age: category lists per resident category (web-protection.ts). */
    webProtection: webProtectionSection.default(defaultWebProtection),
    /**
     * Local-network destinations a page may reach anyway, as exact `host:port` (the room's own
     * library server, say). Everything else on the LAN, loopback included, stays blocked.
     */
    localExceptions: z
      .array(z.string().regex(/^[a-z0-9.-]+:\d{1,5}$|^\[[0-9a-f:.]+\]:\d{1,5}$/i, 'viết dạng máy:cổng, ví dụ 192.168.1.20:8080'))
      .max(20)
      .default([]),
    /**
     * What `<input type=file>` on a web page may get: only files downloaded in this session, picked on
     * the kiosk's own screen, or nothing. The system file dialog never opens either way.
     */
    uploads: z.enum(['session-downloads', 'refuse']).default('session-downloads'),
    /** Permissions a web page may get; everything else is denied. */
    allowedPermissions: z
      .array(z.enum(['camera', 'microphone', 'geolocation', 'notifications', 'fullscreen', 'clipboard-sanitized-write']))
      .default(['fullscreen']),
  })
  .strict();

export type InternetConfig = z.output<typeof internetSection>;
export const defaultInternetConfig: InternetConfig = internetSection.parse({});

export function limitsFor(config: InternetConfig, category: string): CategoryLimits {
  return config.categories[category] ?? config.categories.default!;
}
