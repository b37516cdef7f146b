// `kiosk enrol URL CODE`: exchanges the one-time code from the provincial collector for this
// terminal's upload credentials.
import type { Command } from 'commander';
import { enrol } from '../../core/upload/credentials';
import { printResult, run, type CommonOptions } from '../output';
import { withKiosk } from '../with-kiosk';

export function registerEnrolCommands(program: Command): void {
  program
    .command('enrol')
    .description('Đăng ký kiosk với máy chủ thống kê của thư viện tỉnh bằng mã đăng ký dùng một lần')
    .argument('<url>', 'địa chỉ máy chủ thống kê (https://…)')
    .argument('<code>', 'mã đăng ký do thư viện tỉnh cấp')
    .option('--data-dir <dir>', 'thư mục dữ liệu')
    .option('--json', 'in một tài liệu JSON')
    .action((url: string, code: string, options: CommonOptions) =>
      run(options, async () => {
        const result = await withKiosk(options, (kiosk) => enrol(kiosk.db, url, code));
        // The secret stays in the kiosk's database: never printed.
        const shown = {
          ok: true,
          terminalId: result.terminalId,
          communeCode: result.communeCode,
          communeName: result.communeName,
          terminalName: result.terminalName,
          collectorUrl: url,
        };
        printResult(
          options,
          shown,
          () => `Đã đăng ký máy trạm "${result.terminalName}" của ${result.communeName} (${result.communeCode}). Mã máy trạm: ${result.terminalId}.`,
        );
      }),
    );
}
