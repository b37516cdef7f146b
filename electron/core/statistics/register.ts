// The statistics feature: staff reports and exports over the contract, shared with the CLI.
import type { ExportFormat, StatisticsReport } from '../../contract/statistics';
import type { KioskContext } from '../context';
import { exportFilename, MIME, renderExport } from './export';
import { buildReport, periodOrRefuse } from './report';

export function reportFor(ctx: KioskContext, periodText: string, generatedBy: string | null): StatisticsReport {
  return buildReport(
    {
      db: ctx.db,
      now: ctx.clock.now(),
      library: { name: ctx.config.library.name, communeCode: ctx.config.library.communeCode ?? null },
      statistics: ctx.config.statistics,
      generatedBy,
    },
    periodOrRefuse(periodText),
  );
}

/** Configured patron category names, so the report says "Học sinh" rather than "student". */
export function categoryNames(ctx: KioskContext): Record<string, string> {
  const categories = (ctx.config as { circulation?: { categories?: { id: string; name: string }[] } }).circulation?.categories ?? [];
  return Object.fromEntries(categories.map((c) => [c.id, c.name]));
}

export async function exportFor(ctx: KioskContext, periodText: string, format: ExportFormat, generatedBy: string | null) {
  const report = reportFor(ctx, periodText, generatedBy);
  const bytes = await renderExport(report, format, { categoryNames: categoryNames(ctx) });
  return { report, filename: exportFilename(report, format), mimeType: MIME[format], bytes };
}

export function registerStatistics(ctx: KioskContext): void {
  ctx.registry.register('statistics.report', ({ period }, { staff }) => {
    return reportFor(ctx, period, staff.displayName);
  });
  ctx.registry.register('statistics.export', async ({ period, format }, { staff }) => {
    const { filename, mimeType, bytes } = await exportFor(ctx, period, format, staff.displayName);
    return { filename, mimeType, base64: bytes.toString('base64') };
  });
}
