// Announcements: staff schedule them between days, the idle screen sees only today's, the calendar
// of reading days shows in its window, and bad input changes nothing.
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../../electron/core/clock';
import { openTestKiosk } from '../../support/kiosk';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a0e1b3a60000000049454e44ae426082',
  'hex',
).toString('base64');

async function staffKiosk(start = '2026-04-18T09:00:00+07:00') {
  const k = await openTestKiosk({ clock: new FakeClock(start) });
  const { token } = await k.call<{ token: string }>('staff.signIn', { card: 'NV0001', pin: '147258' });
  return { ...k, token };
}

describe('announcements', () => {
  it('shows a staff announcement only between its days, with its image', async () => {
    const k = await staffKiosk();
    await k.call('announcements.create', {
      staffToken: k.token,
      title: 'Tuần lễ đọc sách',
      body: 'Mời bà con đến đọc.',
      image: { mime: 'image/png', base64: PNG },
      startsOn: '2026-04-18',
      endsOn: '2026-04-20',
    });
    await k.call('announcements.create', { staffToken: k.token, title: 'Sau này', startsOn: '2026-05-01', endsOn: '2026-05-02' });
    const today = await k.call<{ today: string; announcements: { title: string; image: unknown }[] }>('announcements.current');
    expect(today.today).toBe('2026-04-18');
    expect(today.announcements.map((a) => a.title)).toEqual(['Tuần lễ đọc sách']);
    expect(today.announcements[0]!.image).toEqual({ mime: 'image/png', base64: PNG });
    k.clock.advance(3 * 86_400_000);
    const later = await k.call<{ announcements: unknown[] }>('announcements.current');
    expect(later.announcements).toEqual([]);
  });

  it('announces the Vietnam Book and Reading Culture Day in the week before 21/4', async () => {
    const k = await staffKiosk('2026-04-18T09:00:00+07:00');
    const current = await k.call<{ calendar: { key: string; eventOn: string }[] }>('announcements.current');
    expect(current.calendar.map((c) => c.key)).toEqual(['vietnamBookDay', 'worldBookDay']);
    expect(current.calendar[0]!.eventOn).toBe('2026-04-21');
    const list = await k.call<{ calendar: { key: string; eventOn: string }[] }>('announcements.list', { staffToken: k.token });
    expect(list.calendar.map((c) => c.key).sort()).toEqual(['culturalHeritageDay', 'lifelongLearningWeek', 'vietnamBookDay', 'worldBookDay']);
    expect(list.calendar.find((c) => c.key === 'lifelongLearningWeek')!.eventOn).toBe('2026-10-01');
  });

  it('lets staff switch a calendar day off', async () => {
    const k = await staffKiosk('2026-11-20T09:00:00+07:00');
    expect((await k.call<{ calendar: { key: string }[] }>('announcements.current')).calendar.map((c) => c.key)).toEqual(['culturalHeritageDay']);
    await k.call('announcements.setCalendarEnabled', { staffToken: k.token, key: 'culturalHeritageDay', enabled: false });
    expect((await k.call<{ calendar: unknown[] }>('announcements.current')).calendar).toEqual([]);
  });

  it('refuses without a staff token, with end before start, and with a fake image, writing nothing', async () => {
    const k = await staffKiosk();
    await expect(
      k.call('announcements.create', { staffToken: 'x'.repeat(32), title: 'A', startsOn: '2026-04-18', endsOn: '2026-04-18' }),
    ).rejects.toMatchObject({ apiError: { code: 'unauthorized' } });
    await expect(k.call('announcements.create', { staffToken: k.token, title: 'A', startsOn: '2026-04-18', endsOn: '2026-04-17' })).rejects.toMatchObject({
      apiError: { code: 'invalid_request' },
    });
    await expect(
      k.call('announcements.create', {
        staffToken: k.token,
        title: 'A',
        image: { mime: 'image/png', base64: Buffer.from('not an image at all').toString('base64') },
        startsOn: '2026-04-18',
        endsOn: '2026-04-18',
      }),
    ).rejects.toMatchObject({ apiError: { code: 'refused', reason: 'image_invalid' } });
    expect((await k.call<{ announcements: unknown[] }>('announcements.list', { staffToken: k.token })).announcements).toEqual([]);
    const actions = k.kiosk.db.prepare("SELECT count(*) AS n FROM events WHERE type = 'staff.action'").get() as { n: number };
    expect(actions.n).toBe(0);
  });

  it('edits text, dates and image: the idle screen shows the new version, the image kept unless replaced or removed', async () => {
    const k = await staffKiosk();
    const created = await k.call<{ id: number }>('announcements.create', {
      staffToken: k.token,
      title: 'Tuần lễ đọc sách',
      body: 'Cũ',
      image: { mime: 'image/png', base64: PNG },
      startsOn: '2026-04-20',
      endsOn: '2026-04-22',
    });
    expect((await k.call<{ announcements: unknown[] }>('announcements.current')).announcements).toEqual([]);

    const edited = await k.call<{ title: string; body: string; image: unknown; startsOn: string }>('announcements.update', {
      staffToken: k.token,
      id: created.id,
      title: 'Tuần lễ đọc sách (đổi ngày)',
      body: 'Mời bà con đến từ hôm nay.',
      startsOn: '2026-04-18',
      endsOn: '2026-04-22',
    });
    expect(edited).toMatchObject({
      title: 'Tuần lễ đọc sách (đổi ngày)',
      body: 'Mời bà con đến từ hôm nay.',
      startsOn: '2026-04-18',
      image: { mime: 'image/png', base64: PNG },
    });
    const today = await k.call<{ announcements: { title: string; image: unknown }[] }>('announcements.current');
    expect(today.announcements.map((a) => a.title)).toEqual(['Tuần lễ đọc sách (đổi ngày)']);

    await k.call('announcements.update', {
      staffToken: k.token,
      id: created.id,
      title: 'Không ảnh',
      image: null,
      startsOn: '2026-04-18',
      endsOn: '2026-04-18',
    });
    const list = await k.call<{ announcements: { title: string; image: unknown; endsOn: string }[] }>('announcements.list', { staffToken: k.token });
    expect(list.announcements).toHaveLength(1);
    expect(list.announcements[0]).toMatchObject({ title: 'Không ảnh', image: null, endsOn: '2026-04-18' });
    const events = k.kiosk.db.prepare("SELECT payload FROM events WHERE type = 'staff.action' ORDER BY id").all() as { payload: string }[];
    expect(events.map((e) => JSON.parse(e.payload).action)).toEqual(['announcement.create', 'announcement.update', 'announcement.update']);
  });

  it('refuses an edit with end before start, a fake image, or a removed announcement, changing nothing', async () => {
    const k = await staffKiosk();
    const created = await k.call<{ id: number }>('announcements.create', {
      staffToken: k.token,
      title: 'Giữ nguyên',
      startsOn: '2026-04-18',
      endsOn: '2026-04-19',
    });
    const base = { staffToken: k.token, id: created.id, title: 'Đổi', startsOn: '2026-04-18', endsOn: '2026-04-19' };
    await expect(k.call('announcements.update', { ...base, endsOn: '2026-04-17' })).rejects.toMatchObject({ apiError: { code: 'invalid_request' } });
    await expect(
      k.call('announcements.update', { ...base, image: { mime: 'image/jpeg', base64: Buffer.from('not a jpeg image').toString('base64') } }),
    ).rejects.toMatchObject({
      apiError: { code: 'refused', reason: 'image_invalid' },
    });
    await expect(k.call('announcements.update', { ...base, staffToken: 'x'.repeat(32) })).rejects.toMatchObject({ apiError: { code: 'unauthorized' } });
    await k.call('announcements.remove', { staffToken: k.token, id: created.id });
    await expect(k.call('announcements.update', base)).rejects.toMatchObject({ apiError: { code: 'not_found', reason: 'announcement_not_found' } });
    const row = k.kiosk.db.prepare('SELECT title, ends_on FROM announcements WHERE id = ?').get(created.id) as { title: string; ends_on: string };
    expect(row).toEqual({ title: 'Giữ nguyên', ends_on: '2026-04-19' });
  });

  it('removes an announcement and records who did it', async () => {
    const k = await staffKiosk();
    const created = await k.call<{ id: number }>('announcements.create', {
      staffToken: k.token,
      title: 'Tạm nghỉ',
      startsOn: '2026-04-18',
      endsOn: '2026-04-18',
    });
    await k.call('announcements.remove', { staffToken: k.token, id: created.id });
    expect((await k.call<{ announcements: unknown[] }>('announcements.current')).announcements).toEqual([]);
    await expect(k.call('announcements.remove', { staffToken: k.token, id: created.id })).rejects.toMatchObject({ apiError: { code: 'not_found' } });
    const events = k.kiosk.db.prepare("SELECT payload FROM events WHERE type = 'staff.action' ORDER BY id").all() as { payload: string }[];
    expect(events.map((e) => JSON.parse(e.payload).action)).toEqual(['announcement.create', 'announcement.remove']);
  });
});
