// Announcements on the idle screen: staff-scheduled notices (text and an optional image between two
// dates) and the preloaded calendar of reading and lifelong-learning days.
import { z } from 'zod';
import { anyone, method, staff } from './define';
import { staffToken } from './staff';

export const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày theo dạng NNNN-TT-NN');
export const announcementImage = z.object({
  mime: z.enum(['image/png', 'image/jpeg', 'image/webp']),
  /** At most about 512 KB of image. */
  base64: z.string().min(8).max(700_000),
});

export const announcement = z.object({
  id: z.number().int(),
  title: z.string(),
  body: z.string(),
  image: announcementImage.nullable(),
  startsOn: isoDay,
  endsOn: isoDay,
});
export type Announcement = z.infer<typeof announcement>;

/** A preloaded calendar day: the renderer shows its text through the `announcements:calendar.<key>` keys. */
export const calendarEvent = z.object({
  key: z.string(),
  /** Month/day window of the event this year, lead-in days included, as ISO days. */
  startsOn: isoDay,
  endsOn: isoDay,
  /** The day (or first day) of the event itself. */
  eventOn: isoDay,
  enabled: z.boolean(),
});
export type CalendarEvent = z.infer<typeof calendarEvent>;

export const newAnnouncement = z
  .object({
    staffToken,
    title: z.string().trim().min(1, 'hãy nhập tiêu đề').max(120, 'tiêu đề tối đa 120 ký tự'),
    body: z.string().trim().max(600, 'nội dung tối đa 600 ký tự').default(''),
    image: announcementImage.nullable().default(null),
    startsOn: isoDay,
    endsOn: isoDay,
  })
  .strict()
  .refine((a) => a.endsOn >= a.startsOn, { message: 'ngày kết thúc phải sau hoặc bằng ngày bắt đầu', path: ['endsOn'] });

/** Editing: the whole announcement again; `image` absent keeps the current one, null removes it. */
export const announcementUpdate = z
  .object({
    staffToken,
    id: z.number().int().positive(),
    title: z.string().trim().min(1, 'hãy nhập tiêu đề').max(120, 'tiêu đề tối đa 120 ký tự'),
    body: z.string().trim().max(600, 'nội dung tối đa 600 ký tự').default(''),
    image: announcementImage.nullable().optional(),
    startsOn: isoDay,
    endsOn: isoDay,
  })
  .strict()
  .refine((a) => a.endsOn >= a.startsOn, { message: 'ngày kết thúc phải sau hoặc bằng ngày bắt đầu', path: ['endsOn'] });

export const announcementsMethods = {
  /** Public: what the idle screen shows today. */
  'announcements.current': method(
    z.object({}).strict(),
    z.object({ today: isoDay, announcements: z.array(announcement), calendar: z.array(calendarEvent) }),
    anyone,
  ),
  'announcements.list': method(z.object({ staffToken }).strict(), z.object({ announcements: z.array(announcement), calendar: z.array(calendarEvent) }), staff),
  'announcements.create': method(newAnnouncement, announcement, staff),
  'announcements.update': method(announcementUpdate, announcement, staff),
  'announcements.remove': method(z.object({ staffToken, id: z.number().int().positive() }).strict(), z.object({ ok: z.literal(true) }), staff),
  'announcements.setCalendarEnabled': method(z.object({ staffToken, key: z.string().min(1).max(60), enabled: z.boolean() }).strict(), calendarEvent, staff),
};
