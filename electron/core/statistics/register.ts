// The statistics feature: staff reports and exports over the contract, shared with the CLI. Both
// are built in a worker thread (report-thread.ts) so scans and pings keep their answers meanwhile.
import type { ExportFormat, StatisticsReport } from '#contract/statistics';
import type { KioskContext } from '../context';
import { exportFilename, MIME } from './export';
import { buildReport, periodOrRefuse } from './report';
import { produceReportOffThread, type ReportJob } from './report-thread';

/** Configured patron category names, so the report says "Học sinh" rather than "student". */
export function categoryNames(ctx: KioskContext): Record<string, string> {
  const categories = (ctx.config as { circulation?: { categories?: { id: string; name: string }[] } }).circulation?.categories ?? [];
  return Object.fromEntries(categories.map((c) => [c.id, c.name]));
}

/** The job for `periodText` as this kiosk would build it now (refuses a period it cannot read). */
export function reportJob(ctx: KioskContext, periodText: string, generatedBy: string | null, format?: ExportFormat): ReportJob {
  return {
    now: ctx.clock.now(),
    library: { name: ctx.config.library.name, communeCode: ctx.config.library.communeCode ?? null },
    statistics: ctx.config.statistics,
    generatedBy,
    period: periodOrRefuse(periodText),
    ...(format ? { format } : {}),
    categoryNames: categoryNames(ctx),
  };
}

/** The report built on this thread (tests compare the worker's answer with it). */
export function reportFor(ctx: KioskContext, periodText: string, generatedBy: string | null): StatisticsReport {
  const { now, library, statistics, generatedBy: by, period } = reportJob(ctx, periodText, generatedBy);
  return buildReport({ db: ctx.db, now, library, statistics, generatedBy: by }, period);
}

export async function reportOffThread(ctx: KioskContext, periodText: string, generatedBy: string | null): Promise<StatisticsReport> {
  return (await produceReportOffThread(ctx.db, reportJob(ctx, periodText, generatedBy))).report;
}

export async function exportFor(ctx: KioskContext, periodText: string, format: ExportFormat, generatedBy: string | null) {
  const { report, bytes } = await produceReportOffThread(ctx.db, reportJob(ctx, periodText, generatedBy, format));
  return { report, filename: exportFilename(report, format), mimeType: MIME[format], bytes: bytes! };
}

export function registerStatistics(ctx: KioskContext): void {
  ctx.registry.register('statistics.report', ({ period }, { staff }) => reportOffThread(ctx, period, staff.displayName));
  ctx.registry.register('statistics.export', async ({ period, format }, { staff }) => {
    const { filename, mimeType, bytes } = await exportFor(ctx, period, format, staff.displayName);
    return { filename, mimeType, base64: bytes.toString('base64') };
  });
}
