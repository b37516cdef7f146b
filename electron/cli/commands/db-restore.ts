// `kiosk db restore FILE`: puts a backup back, only with the kiosk stopped and only a valid kiosk
// database of a compatible version; the current database is kept aside in backups/before-restore-….
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { chooseDataDir } from '../../core/config/data-dir';
import { listBackups } from '../../core/backup/daily';
import { restoreDatabase } from '../../core/backup/restore';
import { CliFailure, printResult, run, type CommonOptions } from '../output';
import { existsSync, readFileSync } from 'node:fs';
import { isSealed } from '../../core/security/sealed';
import { KioskError } from '../../core/errors';
import { cliClock } from '../clock';

export function registerDbRestoreCommand(program: Command): void {
  const db = program.commands.find((command) => command.name() === 'db') ?? program.command('db');
  db.command('restore')
    .description(
      'Khôi phục cơ sở dữ liệu từ một tệp sao lưu (tắt kiosk trước); bản sao đã mã hóa (….sealed: chép từ USB hoặc tạo bằng kiosk db backup ra ngoài thư mục dữ liệu) cần mật khẩu trong KIOSK_PASSPHRASE',
    )
    .argument('<file>', 'tệp sao lưu kiosk-….sqlite hoặc kiosk-….sqlite.sealed')
    .option('--data-dir <dir>', 'thư mục dữ liệu')
    .option('--json', 'in một tài liệu JSON')
    .action((file: string, options: CommonOptions) =>
      run(options, async () => {
        // The passphrase comes from the environment, never argv; only a sealed copy needs it.
        if (!process.env.KIOSK_PASSPHRASE && existsSync(resolve(file)) && isSealed(readFileSync(resolve(file)))) {
          throw new CliFailure(
            'Tệp này là bản sao đã mã hóa. Hãy đặt mật khẩu đã dùng khi chép vào biến môi trường KIOSK_PASSPHRASE (ví dụ: read -s KIOSK_PASSPHRASE; export KIOSK_PASSPHRASE) rồi chạy lại.',
            2,
          );
        }
        const result = restoreOrExplain(chooseDataDir(options.dataDir), resolve(file), process.env.KIOSK_PASSPHRASE || undefined);
        printResult(
          options,
          { ok: true, ...result },
          () =>
            `Đã khôi phục từ ${result.restoredFrom} (lược đồ ${result.version}).` +
            (result.previousKeptIn ? ` Dữ liệu cũ được giữ ở ${result.previousKeptIn}.` : ''),
        );
      }),
    );
  db.command('backups')
    .description('Liệt kê các bản sao lưu tự động hằng ngày')
    .option('--data-dir <dir>', 'thư mục dữ liệu')
    .option('--json', 'in một tài liệu JSON')
    .action((options: CommonOptions) =>
      run(options, async () => {
        const backups = listBackups(chooseDataDir(options.dataDir));
        printResult(options, { ok: true, backups }, () =>
          backups.length ? backups.map((b) => `${b.at}  ${b.name}  ${(b.bytes / 1024).toFixed(0)} KB`).join('\n') : 'Chưa có bản sao lưu nào.',
        );
      }),
    );
}

/** A wrong passphrase is said with what to do next on this command line (the core's sentence speaks of the screen). */
function restoreOrExplain(dataDir: string, file: string, passphrase: string | undefined): ReturnType<typeof restoreDatabase> {
  try {
    return restoreDatabase(dataDir, file, cliClock().now(), undefined, passphrase);
  } catch (error) {
    if (error instanceof KioskError && error.reason === 'wrong_passphrase') {
      throw new KioskError(
        'refused',
        `Mật khẩu trong KIOSK_PASSPHRASE không mở được ${file}: mật khẩu sai, hoặc tệp đã bị hỏng khi chép. Dữ liệu hiện tại của kiosk chưa bị thay đổi. ` +
          'Hãy đặt lại đúng mật khẩu đã dùng khi tạo bản sao (read -s KIOSK_PASSPHRASE; export KIOSK_PASSPHRASE) rồi chạy lại; nếu chắc chắn mật khẩu đúng, hãy chép lại tệp từ USB hoặc từ máy đã tạo nó.',
        { reason: 'wrong_passphrase' },
      );
    }
    throw error;
  }
}
