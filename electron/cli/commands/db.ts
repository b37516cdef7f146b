// `kiosk db migrate` and `kiosk db backup FILE`: store maintenance for technicians. A backup that
// can leave the PC is sealed with the passphrase (core/backup/to-file.ts).
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chooseDataDir } from '../../core/config/data-dir';
import { backupToFile } from '../../core/backup/to-file';
import { latestVersion, loadMigrations } from '../../core/store/migrations';
import { DATABASE_FILE, inspectDatabase, openDatabase } from '../../core/store/open';
import { printResult, run, type CommonOptions } from '../output';

export function registerDbCommands(program: Command): void {
  const db = program.command('db').description('Bảo trì cơ sở dữ liệu của kiosk');

  db.command('migrate')
    .description('Cập nhật lược đồ cơ sở dữ liệu lên phiên bản mới nhất')
    .option('--data-dir <dir>', 'thư mục dữ liệu')
    .option('--json', 'in một tài liệu JSON')
    .action((options: CommonOptions) =>
      run(options, async () => {
        const file = join(chooseDataDir(options.dataDir), DATABASE_FILE);
        const from = existsSync(file) ? inspectDatabase(file).version : 0;
        const store = openDatabase(file);
        const to = store.pragma('user_version', { simple: true }) as number;
        store.close();
        const applied = loadMigrations()
          .filter((m) => m.version > from && m.version <= to)
          .map((m) => m.name);
        const result = { ok: true, file, from, to, latest: latestVersion(), applied };
        printResult(options, result, () => (applied.length ? `Đã cập nhật lược đồ ${from} → ${to} (${applied.join(', ')}).` : `Lược đồ đã mới nhất (${to}).`));
      }),
    );

  db.command('backup')
    .description(
      'Sao lưu trực tuyến cơ sở dữ liệu vào TỆP. TỆP trong thư mục dữ liệu: bản sao thường (ở lại trên máy như bản sao lưu hằng ngày). ' +
        'TỆP ở nơi khác (USB, thư mục khác): luôn mã hóa bằng mật khẩu trong KIOSK_PASSPHRASE, tên tệp thêm đuôi .sealed; không có mật khẩu thì lệnh từ chối. ' +
        'Khôi phục: kiosk db restore TỆP (bản .sealed cần cùng mật khẩu)',
    )
    .argument('<file>', 'tệp sao lưu sẽ tạo')
    .option('--data-dir <dir>', 'thư mục dữ liệu')
    .option('--json', 'in một tài liệu JSON')
    .action((file: string, options: CommonOptions) =>
      run(options, async () => {
        const dataDir = chooseDataDir(options.dataDir);
        const store = openDatabase(join(dataDir, DATABASE_FILE));
        try {
          // The passphrase comes from the environment, never argv (which every local user can read in `ps`).
          const result = await backupToFile(store, dataDir, file, process.env.KIOSK_PASSPHRASE || undefined);
          printResult(options, { ok: true, ...result }, () =>
            result.sealed
              ? `Đã sao lưu và mã hóa ${(result.bytes / 1024).toFixed(0)} KB vào ${result.file}. Giữ mật khẩu ở nơi an toàn: không có nó thì không khôi phục được.`
              : `Đã sao lưu ${(result.bytes / 1024).toFixed(0)} KB vào ${result.file} (trong thư mục dữ liệu, không mã hóa; đừng chép tệp này ra ngoài máy).`,
          );
        } finally {
          store.close();
        }
      }),
    );
}
