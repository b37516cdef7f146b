// `kiosk self-test`: the technician's on-site health check.
import type { Command } from 'commander';
import { runSelfTest } from '../../core/system/self-test';
import { printResult, run, type CommonOptions } from '../output';
import { withKiosk } from '../with-kiosk';

const MARK = { ok: '✔', warning: '!', error: '✘' } as const;

export function registerSystemCommands(program: Command): void {
  program
    .command('self-test')
    .description('Kiểm tra cơ sở dữ liệu, ổ đĩa, cấu hình, đồng hồ và thiết bị')
    .option('--data-dir <dir>', 'thư mục dữ liệu')
    .option('--json', 'in một tài liệu JSON')
    .action((options: CommonOptions) =>
      run(options, async () => {
        const report = await withKiosk(options, (kiosk) => runSelfTest(kiosk.ctx));
        printResult(options, report, () => report.checks.map((c) => `${MARK[c.status]} ${c.id}: ${c.message}`).join('\n'));
        if (!report.ok) process.exitCode = 1;
      }),
    );
}
