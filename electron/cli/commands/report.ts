// `kiosk report`: a period report as JSON, or exported to an XLSX/PDF/CSV file for the official report.
import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { exportFormat } from '#contract/statistics';
import { definitionOf } from '../../core/statistics/indicators';
import { residentsLine } from '../../core/statistics/export';
import { exportFor, reportOffThread } from '../../core/statistics/register';
import { CliFailure, printResult, run, type CommonOptions } from '../output';
import { withKiosk } from '../with-kiosk';

interface ReportOptions extends CommonOptions {
  period: string;
  format?: string;
  out?: string;
  by?: string;
}

export function registerReportCommands(program: Command): void {
  program
    .command('report')
    .description('Báo cáo thống kê theo kỳ (năm, 6 tháng, quý, tháng, tùy chọn); xuất XLSX, PDF hoặc CSV')
    .requiredOption('--period <kỳ>', 'kỳ báo cáo: 2026, 2026-H1, 2026-Q3, 2026-05, 2026-01-01..2026-03-31')
    .option('--format <định dạng>', 'xlsx, pdf hoặc csv (cần --out)')
    .option('--out <tệp>', 'ghi báo cáo ra tệp này')
    .option('--by <tên>', 'người lập báo cáo (in trên báo cáo)')
    .option('--data-dir <dir>', 'thư mục dữ liệu')
    .option('--json', 'in một tài liệu JSON')
    .action((options: ReportOptions) =>
      run(options, async () => {
        if (options.format !== undefined || options.out !== undefined) {
          const format = exportFormat.safeParse(options.format ?? '');
          if (!format.success) throw new CliFailure('Hãy chọn định dạng bằng --format xlsx, --format pdf hoặc --format csv.', 2);
          if (!options.out) throw new CliFailure('Hãy cho biết tệp cần ghi bằng --out TỆP (ví dụ --out bao-cao-2026-H1.xlsx).', 2);
          const file = resolve(options.out);
          const result = await withKiosk(options, (kiosk) => exportFor(kiosk.ctx, options.period, format.data, options.by ?? null));
          try {
            writeFileSync(file, result.bytes);
          } catch (error) {
            throw new CliFailure(`Không ghi được tệp ${file}: ${(error as Error).message}. Hãy chọn thư mục có quyền ghi.`);
          }
          printResult(
            options,
            { ok: true, file, format: format.data, bytes: result.bytes.length, period: result.report.period },
            () => `Đã ghi báo cáo ${result.report.period.label} vào ${file}.`,
          );
          return;
        }
        const report = await withKiosk(options, (kiosk) => reportOffThread(kiosk.ctx, options.period, options.by ?? null));
        printResult(options, { ok: true, report }, () =>
          [
            `${report.library.name} — kỳ ${report.period.label} (${report.period.from} → ${report.period.to})${report.partial ? ', chưa hết kỳ' : ''}`,
            ...report.rows.map(
              (r) =>
                `  ${definitionOf(r.indicator).nameVi}: ${r.current} (cùng kỳ ${r.previous}${r.growthPct === null ? '' : `, ${r.growthPct > 0 ? '+' : ''}${r.growthPct} %`})`,
            ),
            `  ${residentsLine(report)}`,
            '  Định nghĩa và cách đếm: docs/indicators.md (tài liệu bổ sung chỉ tính vốn sách của xã).',
          ].join('\n'),
        );
      }),
    );
}
