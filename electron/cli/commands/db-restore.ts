// `kiosk db restore FILE`: puts a backup back, only with the kiosk stopped and only a valid kiosk
// database of a compatible version; the current database is kept aside in backups/before-restore-….
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { chooseDataDir } from '../../core/config/data-dir';
import { listBackups } from '../../core/backup/daily';
import { restoreDatabase } from '../../core/backup/restore';
import { printResult, run, type CommonOptions } from '../output';
import { cliClock } from '../clock';

export function registerDbRestoreCommand(program: Command): void {
  const db = program.commands.find((command) => command.name() === 'db') ?? program.command('db');
  db.command('restore')
    .description('Khôi phục cơ sở dữ liệu từ một tệp sao lưu (tắt kiosk trước)')
    .argument('<file>', 'tệp sao lưu kiosk-….sqlite')
    .option('--data-dir <dir>', 'thư mục dữ liệu')
    .option('--json', 'in một tài liệu JSON')
    .action((file: string, options: CommonOptions) =>
      run(options, async () => {
        const result = restoreDatabase(chooseDataDir(options.dataDir), resolve(file), cliClock().now());
        printResult(options, { ok: true, ...result }, () =>
          `Đã khôi phục từ ${result.restoredFrom} (lược đồ ${result.version}).` + (result.previousKeptIn ? ` Dữ liệu cũ được giữ ở ${result.previousKeptIn}.` : ''),
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
        printResult(options, { ok: true, backups }, () => (backups.length ? backups.map((b) => `${b.at}  ${b.name}  ${(b.bytes / 1024).toFixed(0)} KB`).join('\n') : 'Chưa có bản sao lưu nào.'));
      }),
    );
}
