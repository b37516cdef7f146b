// Staff announcements in the store: create and edit (image checked by its magic bytes), soft-remove, and
// the ones showing on a given local day. Every change records a staff.action event in its transaction.
import type { Announcement } from '#contract/announcements';
import type { Clock } from '../clock';
import { KioskError } from '../errors';
import { recordEvent } from '../store/event-types';
import type { Db } from '../store/open';

interface AnnouncementRow {
  id: number;
  title: string;
  body: string;
  image_mime: NonNullable<Announcement['image']>['mime'] | null;
  image: Buffer | null;
  starts_on: string;
  ends_on: string;
}

const COLUMNS = 'id, title, body, image_mime, image, starts_on, ends_on';
const MAX_IMAGE_BYTES = 512 * 1024;

function toAnnouncement(row: AnnouncementRow): Announcement {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    image: row.image && row.image_mime ? { mime: row.image_mime, base64: row.image.toString('base64') } : null,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
  };
}

const SIGNATURES: Record<NonNullable<Announcement['image']>['mime'], (bytes: Buffer) => boolean> = {
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/webp': (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
};

/** Decodes and checks an uploaded image; a file that is not what it claims is refused. */
export function decodeImage(image: NonNullable<Announcement['image']>): Buffer {
  const bytes = Buffer.from(image.base64, 'base64');
  if (bytes.length > MAX_IMAGE_BYTES) {
    throw new KioskError('refused', 'Ảnh quá lớn (tối đa 512 KB). Hãy chọn ảnh nhỏ hơn hoặc thu nhỏ ảnh rồi thử lại.', { reason: 'image_too_large' });
  }
  if (!SIGNATURES[image.mime](bytes)) {
    throw new KioskError('refused', 'Tệp ảnh bị hỏng hoặc không phải ảnh PNG, JPEG, WebP. Hãy chọn một ảnh khác.', { reason: 'image_invalid' });
  }
  return bytes;
}

export interface NewAnnouncement {
  title: string;
  body: string;
  image: Announcement['image'];
  startsOn: string;
  endsOn: string;
}

/** `staffId` null: the provincial portal pushed it (its receipt in push_receipts records it instead of a staff action). */
export function createAnnouncement(db: Db, clock: Clock, staffId: number | null, input: NewAnnouncement): Announcement {
  const image = input.image ? decodeImage(input.image) : null;
  const id = db.transaction(() => {
    const info = db
      .prepare('INSERT INTO announcements (title, body, image_mime, image, starts_on, ends_on, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(input.title, input.body, input.image?.mime ?? null, image, input.startsOn, input.endsOn, staffId, new Date(clock.now()).toISOString());
    const id = Number(info.lastInsertRowid);
    if (staffId !== null) recordEvent(db, clock, 'staff.action', { staffId, action: 'announcement.create', target: String(id) });
    return id;
  })();
  return toAnnouncement(db.prepare(`SELECT ${COLUMNS} FROM announcements WHERE id = ?`).get(id) as AnnouncementRow);
}

/** Edits text and dates; `image` undefined keeps the current image, null removes it. */
export function updateAnnouncement(
  db: Db,
  clock: Clock,
  staffId: number,
  id: number,
  input: Omit<NewAnnouncement, 'image'> & { image?: Announcement['image'] | undefined },
): Announcement {
  const image = input.image ? decodeImage(input.image) : null;
  db.transaction(() => {
    const info =
      input.image === undefined
        ? db
            .prepare('UPDATE announcements SET title = ?, body = ?, starts_on = ?, ends_on = ? WHERE id = ? AND removed_at IS NULL')
            .run(input.title, input.body, input.startsOn, input.endsOn, id)
        : db
            .prepare('UPDATE announcements SET title = ?, body = ?, starts_on = ?, ends_on = ?, image_mime = ?, image = ? WHERE id = ? AND removed_at IS NULL')
            .run(input.title, input.body, input.startsOn, input.endsOn, input.image?.mime ?? null, image, id);
    if (info.changes === 0) {
      throw new KioskError('not_found', 'Không tìm thấy thông báo này (có thể đã bị xóa). Hãy tải lại danh sách.', { reason: 'announcement_not_found' });
    }
    recordEvent(db, clock, 'staff.action', { staffId, action: 'announcement.update', target: String(id) });
  })();
  return toAnnouncement(db.prepare(`SELECT ${COLUMNS} FROM announcements WHERE id = ?`).get(id) as AnnouncementRow);
}

export function removeAnnouncement(db: Db, clock: Clock, staffId: number, id: number): void {
  db.transaction(() => {
    const info = db.prepare('UPDATE announcements SET removed_at = ? WHERE id = ? AND removed_at IS NULL').run(new Date(clock.now()).toISOString(), id);
    if (info.changes === 0) {
      throw new KioskError('not_found', 'Không tìm thấy thông báo này (có thể đã bị xóa). Hãy tải lại danh sách.', { reason: 'announcement_not_found' });
    }
    recordEvent(db, clock, 'staff.action', { staffId, action: 'announcement.remove', target: String(id) });
  })();
}

/** Everything not removed, newest first; the staff page shows past ones greyed. */
export function listAnnouncements(db: Db): Announcement[] {
  return (
    db.prepare(`SELECT ${COLUMNS} FROM announcements WHERE removed_at IS NULL ORDER BY starts_on DESC, id DESC LIMIT 200`).all() as AnnouncementRow[]
  ).map(toAnnouncement);
}

export function announcementsOn(db: Db, today: string): Announcement[] {
  return (
    db
      .prepare(`SELECT ${COLUMNS} FROM announcements WHERE removed_at IS NULL AND starts_on <= ? AND ends_on >= ? ORDER BY starts_on, id LIMIT 20`)
      .all(today, today) as AnnouncementRow[]
  ).map(toAnnouncement);
}

export function setCalendarEnabled(db: Db, clock: Clock, staffId: number, key: string, enabled: boolean): void {
  db.transaction(() => {
    const info = db.prepare('UPDATE reading_calendar SET enabled = ? WHERE key = ?').run(enabled ? 1 : 0, key);
    if (info.changes === 0) {
      throw new KioskError('not_found', 'Không có ngày kỷ niệm này trong lịch. Hãy tải lại danh sách.', { reason: 'calendar_event_not_found' });
    }
    recordEvent(db, clock, 'staff.action', { staffId, action: enabled ? 'calendar.enable' : 'calendar.disable', target: key });
  })();
}
