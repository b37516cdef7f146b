// Staff correct a resident's details at their request (Decree 13/2023: the right to rectification).
// The event records which fields changed and who changed them, never the old or new values.
// Statistics are untouched: events keep the dimensions they were written with.
import { z } from 'zod';
import type { patronCorrection } from '#contract/rights';
import type { KioskContext } from '../context';
import { refused } from '../errors';
import { requirePatron } from '../patrons/records';
import type { Patron } from '../patrons/lookup';
import { recordEvent } from '../store/event-types';

const COLUMNS = { fullName: 'full_name', birthYear: 'birth_year', gender: 'gender', village: 'village', phone: 'phone' } as const;

export function correctPatron(ctx: KioskContext, card: string, changes: z.output<typeof patronCorrection>, staffId: number): Patron {
  return ctx.db
    .transaction(() => {
      const patron = requirePatron(ctx, card);
      if (patron.erasedAt !== null) throw refused('already_erased', `Thông tin của thẻ ${patron.cardNumber} đã được xóa; không còn gì để sửa.`);
      const fields = (Object.keys(COLUMNS) as (keyof typeof COLUMNS)[]).filter((key) => changes[key] !== undefined && changes[key] !== patron[key]);
      if (fields.length === 0) throw refused('nothing_changed', 'Thông tin mới giống hệt thông tin đang lưu; không có gì thay đổi.');
      for (const key of fields) ctx.db.prepare(`UPDATE patrons SET ${COLUMNS[key]} = ? WHERE id = ?`).run(changes[key] ?? null, patron.id);
      recordEvent(ctx.db, ctx.clock, 'patron.corrected', { patronId: patron.id, staffId, fields });
      return requirePatron(ctx, card);
    })
    .immediate();
}
