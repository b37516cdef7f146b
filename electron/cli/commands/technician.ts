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
import { callApi, secretFromEnv, staffSignIn, withKiosk } from '../with-kiosk';
import { readFileSync } from 'node:fs';
import { importCccdKey } from '../../core/patrons/cccd-key';
import { CliFailure } from '../output';
import { exportSealedDiagnostics } from '../../core/technician/sealed-copies';

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
        printResult(
          options,
          { ok: true, ...identity },
          () =>
            `Mã máy trạm: ${identity.terminalId} (tạo lúc ${identity.createdAt})` +
            (identity.resetAt ? `\nĐã tạo định danh mới lúc ${identity.resetAt} vì ổ đĩa được nhân bản: hãy đăng ký lại máy.` : ''),
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
        printResult(options, { ok: true, media }, () =>
          media.length ? media.map((m) => `${m.label}\t${m.path}`).join('\n') : 'Không thấy USB nào. Hãy cắm USB rồi chạy lại.',
        );
      }),
    );

  technician
    .command('diagnostics')
    .description('Xuất gói chẩn đoán (nhật ký, tự kiểm tra, cấu hình đã ẩn bí mật) vào THƯ MỤC, mã hóa bằng mật khẩu trong KIOSK_PASSPHRASE')
    .argument('<folder>', 'thư mục đích, ví dụ USB')
    .option('--data-dir <dir>', 'thư mục dữ liệu')
    .option('--json', 'in một tài liệu JSON')
    .action((folder: string, options: CommonOptions) =>
      run(options, async () => {
        const passphrase = secretFromEnv('KIOSK_PASSPHRASE', 'mật khẩu bảo vệ gói chẩn đoán (ít nhất 10 ký tự)');
        const result = await withKiosk(options, async (kiosk) => {
          const identity = readTerminalIdentity(kiosk.db, currentMachineId() !== undefined);
          const stamp = localStamp(kiosk.ctx.clock.now()).slice(0, 13);
          const selfTest = await runSelfTest(kiosk.ctx);
          return exportSealedDiagnostics(resolve(folder), passphrase, (work) =>
            writeDiagnosticsBundle({
              dataDir: kiosk.ctx.dataDir,
              destination: work,
              fileName: `kiosk-chan-doan-${identity.terminalId.slice(-8)}-${stamp}.zip`,
              selfTest,
              configFile: kiosk.ctx.configFile,
              facts: { version: VERSION, mode: kiosk.mode, terminalId: identity.terminalId },
            }),
          );
        });
        printResult(
          options,
          { ok: true, ...result },
          () => `Đã xuất gói chẩn đoán đã mã hóa ${result.file} (${(result.bytes / 1024).toFixed(0)} KB). Mở lại cần đúng mật khẩu vừa đặt.`,
        );
      }),
    );

  technician
    .command('key-export')
    .description(
      'Xuất khóa CCCD (đã mã hóa bằng mật khẩu) vào THƯ MỤC, để chuyển kiosk sang máy mới; cần thẻ kỹ thuật viên (PIN trong KIOSK_PIN, mật khẩu trong KIOSK_PASSPHRASE)',
    )
    .argument('<folder>', 'thư mục đích, ví dụ USB')
    .requiredOption('--card <card>', 'thẻ kỹ thuật viên')
    .option('--data-dir <dir>', 'thư mục dữ liệu')
    .option('--json', 'in một tài liệu JSON')
    .action((folder: string, options: CommonOptions & { card: string }) =>
      run(options, async () => {
        const passphrase = secretFromEnv('KIOSK_PASSPHRASE', 'mật khẩu bảo vệ tệp khóa');
        const result = await withKiosk(options, async (kiosk) => {
          const token = await staffSignIn(kiosk, options.card);
          return (await callApi(kiosk, 'technician.exportCccdKey', { staffToken: token, destination: resolve(folder), passphrase })) as {
            file: string;
            bytes: number;
          };
        });
        printResult(
          options,
          { ok: true, ...result },
          () => `Đã xuất khóa CCCD vào ${result.file}. Giữ USB và mật khẩu ở hai nơi khác nhau; trên máy mới chạy: kiosk technician key-import ${result.file}`,
        );
      }),
    );

  technician
    .command('key-import')
    .description('Cài khóa CCCD đã xuất từ máy cũ (mật khẩu trong KIOSK_PASSPHRASE)')
    .argument('<file>', 'tệp kiosk-khoa-cccd.sealed')
    .option('--replace', 'thay khóa khác đang có trên máy này')
    .option('--data-dir <dir>', 'thư mục dữ liệu')
    .option('--json', 'in một tài liệu JSON')
    .action((file: string, options: CommonOptions & { replace?: boolean }) =>
      run(options, async () => {
        const passphrase = secretFromEnv('KIOSK_PASSPHRASE', 'mật khẩu đã đặt khi xuất khóa');
        let sealed: Buffer;
        try {
          sealed = readFileSync(resolve(file));
        } catch {
          throw new CliFailure(`Không đọc được tệp ${file}. Hãy kiểm tra đường dẫn và USB.`);
        }
        const result = await withKiosk(options, async (kiosk) => importCccdKey(kiosk.ctx.keys, sealed, passphrase, options.replace === true));
        printResult(options, { ok: true, ...result }, () => 'Đã cài khóa CCCD: cư dân đã đăng ký bằng CCCD trên máy cũ được nhận ra trên máy này.');
      }),
    );
}
