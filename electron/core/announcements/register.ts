// Announcement handlers: the idle screen's public "what shows today", and the staff-only list,
// create, edit, remove and calendar switches.
import type { KioskContext } from '../context';
import { localDay } from '../../../common/calendar';
import { activeCalendar, calendarFor } from './calendar';
import { announcementsOn, createAnnouncement, listAnnouncements, removeAnnouncement, setCalendarEnabled, updateAnnouncement } from './store';

export function registerAnnouncements(ctx: KioskContext): void {
  const { registry, db, clock } = ctx;
  const today = () => localDay(clock.now());

  registry.register('announcements.current', () => {
    const day = today();
    return { today: day, announcements: announcementsOn(db, day), calendar: activeCalendar(db, day) };
  });
  registry.register('announcements.list', () => {
    return { announcements: listAnnouncements(db), calendar: calendarFor(db, today()) };
  });
  registry.register('announcements.create', ({ staffToken, ...input }, { staff }) => {
    return createAnnouncement(db, clock, staff.id, input);
  });
  registry.register('announcements.update', ({ staffToken, id, ...input }, { staff }) => {
    return updateAnnouncement(db, clock, staff.id, id, input);
  });
  registry.register('announcements.remove', ({ id }, { staff }) => {
    removeAnnouncement(db, clock, staff.id, id);
    return { ok: true as const };
  });
  registry.register('announcements.setCalendarEnabled', ({ key, enabled }, { staff }) => {
    setCalendarEnabled(db, clock, staff.id, key, enabled);
    const event = calendarFor(db, today()).find((e) => e.key === key);
    return event!;
  });
}
