// `kiosk self-test`: the technician's on-site health check.
import type { Command } from 'commander';
import type { SelfTestReport } from '#contract/system';
import { chooseDataDir } from '../../core/config/data-dir';
import { VERSION } from '../../core/version';
import { cliClock } from '../clock';
import { KioskError } from '../../core/errors';
import { storageFailureOf } from '../../core/store/disk';
import { spaceReportOf } from '../../core/store/space';
import { diskCheckOf, runSelfTest } from '../../core/system/self-test';
import { printResult, run, type CommonOptions } from '../output';
import { withKiosk } from '../with-kiosk';

const MARK = { ok: '✔', warning: '!', error: '✘' } as const;

function fullDiskReport(dataDir: string): SelfTestReport {
  return {
    ok: false,
    at: new Date(cliClock().now()).toISOString(),
    version: VERSION,
    dataDir,
    checks: [
      {
        id: 'database',
        status: 'error',
        message:
          'Chưa mở được cơ sở dữ liệu vì ổ đĩa đã đầy. Dữ liệu đã lưu vẫn an toàn: đừng khôi phục bản sao lưu, hãy giải phóng chỗ trống rồi chạy lại kiosk self-test.',
        detail: { reason: 'disk_full' },
      },
      diskCheckOf(spaceReportOf(dataDir, 0)),
    ],
  };
}

export function registerSystemCommands(program: Command): void {
  program
    .command('self-test')
    .description('Kiểm tra cơ sở dữ liệu, ổ đĩa, cấu hình, đồng hồ và thiết bị')
    .option('--data-dir <dir>', 'thư mục dữ liệu')
    .option('--json', 'in một tài liệu JSON')
    .action((options: CommonOptions) =>
      run(options, async () => {
        const report = await withKiosk(options, (kiosk) => runSelfTest(kiosk.ctx)).catch((error: unknown) => {
          // A full disk keeps the kiosk from opening its store, which is exactly when the technician
          // needs the self-test: say what is full and what to delete, and that the data is not damaged.
          const full = error instanceof KioskError ? error.reason === 'disk_full' : storageFailureOf(error, chooseDataDir(options.dataDir)) === 'disk_full';
          if (!full) throw error;
          return fullDiskReport(chooseDataDir(options.dataDir));
        });
        printResult(options, report, () => report.checks.map((c) => `${MARK[c.status]} ${c.id}: ${c.message}`).join('\n'));
        if (!report.ok) process.exitCode = 1;
      }),
    );
}
