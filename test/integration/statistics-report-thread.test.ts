// Issue #22: report generation never holds up the thread serving residents. A report and its
// XLSX/PDF/CSV file, over a store with two years of events, are built in a worker thread with its
// own connection, and the answer is the one the old in-thread path gives: the same report, the same
// CSV and PDF bytes, the same workbook. (How long pings wait meanwhile is measured in
// bench/store-responsiveness.bench.ts, not asserted here.)
import { threadId } from 'node:worker_threads';
import { xlsxRows } from '../support/xlsx';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../electron/core/clock';
import { reportJob } from '../../electron/core/statistics/register';
import { produceReport, produceReportOffThread } from '../../electron/core/statistics/report-thread';
import { writeEventHistory } from '../support/event-history';
import { openTestKiosk, type TestKiosk } from '../support/kiosk';

async function kioskWithHistory(): Promise<TestKiosk> {
  const t = await openTestKiosk({ clock: new FakeClock('2026-12-31T16:30:00+07:00') });
  writeEventHistory(t.kiosk.db, Date.parse('2025-01-01T08:00:00+07:00'), 2 * 365, 24);
  return t;
}

async function sheetValues(bytes: Buffer): Promise<unknown> {
  return xlsxRows(bytes);
}

describe('statistics reports are built off the main thread (issue #22)', () => {
  it('the report and each file come from a worker thread and equal the in-thread build', async () => {
    const { kiosk } = await kioskWithHistory();
    const { ctx } = kiosk;
    // The worker goes first, so it also recomputes the two years of dirty days (its own write).
    const plain = await produceReportOffThread(ctx.db, reportJob(ctx, '2026', 'Lê Thị Thu'));
    expect(plain.thread).not.toBe(threadId);
    expect(plain.report.rows.find((r) => r.indicator === 'loans')!.current).toBe(365 * 8);
    expect(await produceReport(ctx.db, reportJob(ctx, '2026', 'Lê Thị Thu'))).toEqual({ ...plain, thread: threadId });

    for (const format of ['csv', 'pdf', 'xlsx'] as const) {
      const job = reportJob(ctx, '2026-H2', 'Lê Thị Thu', format);
      const worker = await produceReportOffThread(ctx.db, job);
      const here = await produceReport(ctx.db, job);
      expect(worker.thread, format).not.toBe(threadId);
      expect(here.thread, format).toBe(threadId);
      expect(worker.report, format).toEqual(here.report);
      expect(Buffer.isBuffer(worker.bytes), format).toBe(true);
      if (format === 'xlsx') expect(await sheetValues(worker.bytes!)).toEqual(await sheetValues(here.bytes!));
      else expect(worker.bytes!.equals(here.bytes!), format).toBe(true);
    }
  }, 120_000);

  it('a failure inside the thread reaches the caller with its SQLite code (so a full disk is still told apart from damage)', async () => {
    const { kiosk } = await kioskWithHistory();
    const { ctx } = kiosk;
    const elsewhere = { memory: false, name: `${kiosk.db.name}.missing` } as typeof ctx.db;
    await expect(produceReportOffThread(elsewhere, reportJob(ctx, '2026-Q4', null, 'csv'))).rejects.toMatchObject({ code: 'SQLITE_CANTOPEN' });
  });
});
