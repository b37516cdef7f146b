// `kiosk technician …`: terminal identity, removable media and the diagnostics bundle, the same
// core functions the technician screens use.
import { localStamp } from '../../../common/calendar';
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { readTerminalIdentity } from '../../core/identity/identity';
import { writeDiagnosticsBundle } from '../../core/logs/diagnostics';
import { runSelfTest } from '../../core/system/self-test';
import { currentMachineId } from '../../core/technician/register';
import { listRemovableMedia, systemMediaSources } from '../../core/technician/removable-media';
import { VERSION } from '../../core/version';
import { printResult, run, type CommonOptions } from '../output';
import { withKiosk } from '../with-kiosk';

export function registerTechnicianCommands(program: Command): void {
  const technician = program.command('technician').description('Công cụ cho kỹ thuật viên: định danh máy, USB, gói chẩn đoán');

  technician
    .command('identity')
    .description('Định danh máy trạm (tạo ở lần chạy đầu; đổi khi phát hiện ổ đĩa nhân bản)')
    .option('--data-dir <dir>', 'thư mục dữ liệu')
    .option('--json', 'in một tài liệu JSON')
    .action((options: CommonOptions) =>
      run(options, async () => {
        const identity = await withKiosk(options, async (kiosk) => readTerminalIdentity(kiosk.db, currentMachineId() !== undefined));
        printResult(options, { ok: true, ...identity }, () =>
          `Mã máy trạm: ${identity.terminalId} (tạo lúc ${identity.createdAt})` + (identity.resetAt ? `\nĐã tạo định danh mới lúc ${identity.resetAt} vì ổ đĩa được nhân bản: hãy đăng ký lại máy.` : ''),
        );
      }),
    );

  technician
    .command('media')
    .description('Liệt kê USB / ổ đĩa rời đang cắm')
    .option('--json', 'in một tài liệu JSON')
    .action((options: CommonOptions) =>
      run(options, async () => {
        const media = listRemovableMedia(systemMediaSources);
        printResult(options, { ok: true, media }, () => (media.length ? media.map((m) => `${m.label}\t${m.path}`).join('\n') : 'Không thấy USB nào. Hãy cắm USB rồi chạy lại.'));
      }),
    );

  technician
    .command('diagnostics')
    .description('Xuất gói chẩn đoán (nhật ký, tự kiểm tra, cấu hình đã ẩn bí mật) vào THƯ MỤC')
    .argument('<folder>', 'thư mục đích, ví dụ USB')
    .option('--data-dir <dir>', 'thư mục dữ liệu')
    .option('--json', 'in một tài liệu JSON')
    .action((folder: string, options: CommonOptions) =>
      run(options, async () => {
        const result = await withKiosk(options, async (kiosk) => {
          const identity = readTerminalIdentity(kiosk.db, currentMachineId() !== undefined);
          const stamp = localStamp(kiosk.ctx.clock.now()).slice(0, 13);
          return writeDiagnosticsBundle({
            dataDir: kiosk.ctx.dataDir,
            destination: resolve(folder),
            fileName: `kiosk-chan-doan-${identity.terminalId.slice(-8)}-${stamp}.zip`,
            selfTest: await runSelfTest(kiosk.ctx),
            configFile: kiosk.ctx.configFile,
            facts: { version: VERSION, mode: kiosk.mode, terminalId: identity.terminalId },
          });
        });
        printResult(options, { ok: true, ...result }, () => `Đã xuất gói chẩn đoán ${result.file} (${(result.bytes / 1024).toFixed(0)} KB).`);
      }),
    );
}
