// `kiosk upload`: what the uploader has pending, and `--now` to send it to the provincial collector.
import type { Command } from 'commander';
import { uploaderOf, uploadNow } from '../../core/upload/register';
import { printResult, run, type CommonOptions } from '../output';
import { withKiosk } from '../with-kiosk';

export function registerUploadCommands(program: Command): void {
  program
    .command('upload')
    .description('Trạng thái gửi số liệu thống kê lên thư viện tỉnh; --now để gửi ngay')
    .option('--now', 'gửi ngay mọi ngày còn chờ')
    .option('--data-dir <dir>', 'thư mục dữ liệu')
    .option('--json', 'in một tài liệu JSON')
    .action((options: CommonOptions & { now?: boolean }) =>
      run(options, async () => {
        const result = await withKiosk(options, async (kiosk) => (options.now ? uploadNow(kiosk.ctx) : { sentDays: 0, state: uploaderOf(kiosk.ctx).status() }));
        const s = result.state;
        printResult(options, { ok: true, ...result }, () =>
          [
            options.now ? `Đã gửi ${result.sentDays} ngày số liệu.` : `Máy chủ: ${s.collectorUrl ?? '(chưa đăng ký)'}`,
            `Lần gửi thành công gần nhất: ${s.lastSuccessAt ?? 'chưa có'}`,
            `Còn chờ gửi: ${s.pendingDays} ngày${s.oldestPendingDay ? ` (từ ${s.oldestPendingDay})` : ''}`,
            `Khóa ký của cổng: ${s.portalKey ? `${s.portalKey.fingerprint} (${s.portalKey.source === 'enrolment' ? 'nhận khi đăng ký' : 'nhận ở lần gửi đầu sau khi cổng có khóa'})` : 'chưa có'}`,
          ].join('\n'),
        );
      }),
    );
}
