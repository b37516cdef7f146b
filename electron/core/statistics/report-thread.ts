// Building a period report, and its XLSX/PDF/CSV file, on the second core. A year's report over
// years of events first recomputes every changed day, then reads two years of figures and the
// distinct users; the workbook and PDF libraries then lay it out. On the thread serving residents
// that held up scans and pings for seconds, so a file-backed kiosk hands the whole job to a worker
// thread with its own connection (statistics/report-worker.ts), as backups do. The answer is the
// same as building it here (`produceReport`); an in-memory store (tests) has no file to share.
import { threadId } from 'node:worker_threads';
import type { ExportFormat, Period, StatisticsReport } from '#contract/statistics';
import type { Db } from '../store/open';
import { runOnce } from '../worker-reply';
import type { StatisticsConfig } from './config';
import { renderExport } from './export';
import { buildReport } from './report';

/** Everything a report needs besides the database, as plain data that crosses threads. */
export interface ReportJob {
  now: number;
  library: { name: string; communeCode: string | null };
  statistics: StatisticsConfig;
  generatedBy: string | null;
  period: Period;
  /** Also render the report as this file. */
  format?: ExportFormat;
  categoryNames: Record<string, string>;
}

export interface ReportOutput {
  report: StatisticsReport;
  bytes?: Buffer;
  /** The thread that built it (0 = the main thread), so tests and logs can tell. */
  thread: number;
}

/** Builds (and renders) the report on this thread, over `db` (`betweenWrites`: see ReportInput). */
export async function produceReport(db: Db, job: ReportJob, betweenWrites?: () => void): Promise<ReportOutput> {
  const { period, format, categoryNames, ...input } = job;
  const report = buildReport({ db, ...input, ...(betweenWrites ? { betweenWrites } : {}) }, period);
  const bytes = format ? await renderExport(report, format, { categoryNames }) : undefined;
  return { report, ...(bytes ? { bytes } : {}), thread: threadId };
}

/** The same report, built in a worker thread when the store is a file. */
export async function produceReportOffThread(db: Db, job: ReportJob): Promise<ReportOutput> {
  if (db.memory) return produceReport(db, job);
  const output = await runOnce<ReportOutput & { bytes?: Uint8Array }>('statistics-report', { file: db.name, job });
  // A Buffer arrives as a plain Uint8Array; the file is the same bytes.
  const { bytes } = output;
  return bytes ? { ...output, bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) } : output;
}
