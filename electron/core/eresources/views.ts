// Counting use of e-resources: an open writes 'eresource.opened' (anonymous unless a resident's card
// is given), and the viewer's close reports the visible time, written as 'eresource.closed' minutes.
// Open views live in memory: a restart drops them, which loses at most one reading's minutes.
import { randomBytes } from 'node:crypto';
import type { OpenResponse } from '#contract/eresources';
import type { KioskContext } from '../context';
import { KioskError, notFound } from '../errors';
import { findPatronByCard } from '../patrons/lookup';
import { recordEvent } from '../store/event-types';
import { decideLink } from './links';
import { findResource, toView } from './store';

interface OpenView {
  resourceId: number;
  topic: string;
  format: string;
  openedMono: number;
}

const viewsByKiosk = new WeakMap<KioskContext, Map<string, OpenView>>();
const MAX_OPEN_VIEWS = 500;

function views(ctx: KioskContext): Map<string, OpenView> {
  let map = viewsByKiosk.get(ctx);
  if (!map) viewsByKiosk.set(ctx, (map = new Map()));
  return map;
}

export function openResource(ctx: KioskContext, resourceId: number, card?: string): OpenResponse {
  const row = findResource(ctx.db, resourceId);
  if (!row) throw notFound('resource_not_found', 'Tài liệu này không còn trên kiosk (gói có thể vừa được gỡ). Hãy quay lại danh sách và chọn tài liệu khác.');
  let patronId: number | null = null;
  if (card !== undefined) {
    const patron = findPatronByCard(ctx.db, card);
    if (!patron) throw new KioskError('not_found', 'Không tìm thấy thẻ thư viện này. Bạn vẫn có thể đọc mà không cần đăng nhập.', { reason: 'card_not_found' });
    patronId = patron.id;
  }
  const link = row.format === 'link' ? decideLink(ctx, row.url ?? '') : null;
  ctx.db.transaction(() => recordEvent(ctx.db, ctx.clock, 'eresource.opened', { resourceId: row.id, topic: row.topic, format: row.format, patronId }))();
  const viewId = randomBytes(12).toString('base64url');
  const open = views(ctx);
  // A viewer that never reported back (tab closed, power cut) must not grow the map forever.
  if (open.size >= MAX_OPEN_VIEWS) open.delete(open.keys().next().value!);
  open.set(viewId, { resourceId: row.id, topic: row.topic, format: row.format, openedMono: ctx.clock.monotonic() });
  return { viewId, resource: toView(row), link };
}

export function closeResource(ctx: KioskContext, viewId: string, visibleSeconds: number, completed: boolean | null): { minutes: number } {
  const open = views(ctx);
  const view = open.get(viewId);
  if (!view) throw notFound('view_not_found', 'Lượt xem này đã kết thúc. Không cần làm gì thêm.');
  open.delete(viewId);
  // The viewer's visible time can never exceed the time since it opened, whatever the page says.
  const elapsedSeconds = (ctx.clock.monotonic() - view.openedMono) / 1000;
  const seconds = Math.min(visibleSeconds, elapsedSeconds);
  const minutes = Math.round((seconds / 60) * 10) / 10;
  const isMedia = view.format === 'audio' || view.format === 'video';
  ctx.db.transaction(() =>
    recordEvent(ctx.db, ctx.clock, 'eresource.closed', {
      resourceId: view.resourceId,
      topic: view.topic,
      format: view.format,
      minutes,
      completed: isMedia ? completed === true : null,
    }),
  )();
  return { minutes };
}
