// Validation of an upload body beyond its schema: no day after the collector's today (Vietnam
// time, one day of grace for a kiosk clock a little ahead) and no day before the programme's era.
import { normaliseDayFigures } from '#contract/statistics';
import { localDay } from '../common/calendar';
import { canonicalJson, uploadBatch, type UploadBatch } from '#contract/upload';
import { createHash } from 'node:crypto';
import type { StoredDay } from './store/types';

export const EARLIEST_DAY = '2020-01-01';

/** The day in Vietnam, where every kiosk lives. */
export const localToday = localDay;

/** On a refusal for dates, `batch` is the well-formed batch: its health record is still worth keeping (a clock far ahead). */
export type Validation = { ok: true; batch: UploadBatch } | { ok: false; message: string; batch?: UploadBatch };

export function validateUpload(body: unknown, now: number): Validation {
  const parsed = uploadBatch.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, message: `Gói số liệu sai định dạng tại "${issue.path.join('.') || '(gốc)'}": ${issue.message}` };
  }
  const latest = localToday(now + 86_400_000);
  for (const day of parsed.data.days) {
    if (day.day > latest) return { ok: false, batch: parsed.data, message: `Ngày ${day.day} ở tương lai: hãy chỉnh đồng hồ của kiosk rồi gửi lại.` };
    if (day.day < EARLIEST_DAY)
      return { ok: false, batch: parsed.data, message: `Ngày ${day.day} quá cũ (trước ${EARLIEST_DAY}): hãy chỉnh đồng hồ của kiosk.` };
  }
  return { ok: true, batch: parsed.data };
}

export function toStoredDays(batch: UploadBatch): StoredDay[] {
  return batch.days.map((d) => {
    const figuresJson = canonicalJson(d.figures);
    return {
      day: d.day,
      revision: d.revision,
      digest: createHash('sha256').update(figuresJson).digest('hex').slice(0, 32),
      figuresJson,
      // The figures are kept as sent (the digest is theirs); the columns the dashboards add up read
      // them by today's definitions, so an older kiosk's rotation books are not acquisitions.
      totals: Object.fromEntries(Object.entries(normaliseDayFigures(d.figures)).map(([k, v]) => [k, v!.total])),
    };
  });
}
