// `kiosk db migrate` and `kiosk db backup FILE`: store maintenance for technicians.
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chooseDataDir } from '../../core/config/data-dir';
import { backupDatabase } from '../../core/store/backup';
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
        const applied = loadMigrations().filter((m) => m.version > from && m.version <= to).map((m) => m.name);
        const result = { ok: true, file, from, to, latest: latestVersion(), applied };
        printResult(options, result, () => (applied.length ? `Đã cập nhật lược đồ ${from} → ${to} (${applied.join(', ')}).` : `Lược đồ đã mới nhất (${to}).`));
      }),
    );

  db.command('backup')
    .description('Sao lưu trực tuyến cơ sở dữ liệu vào TỆP')
    .argument('<file>', 'tệp sao lưu sẽ tạo')
    .option('--data-dir <dir>', 'thư mục dữ liệu')
    .option('--json', 'in một tài liệu JSON')
    .action((file: string, options: CommonOptions) =>
      run(options, async () => {
        const store = openDatabase(join(chooseDataDir(options.dataDir), DATABASE_FILE));
        try {
          const result = await backupDatabase(store, resolve(file));
          printResult(options, { ok: true, ...result }, () => `Đã sao lưu ${(result.bytes / 1024).toFixed(0)} KB vào ${result.file}.`);
        } finally {
          store.close();
        }
      }),
    );
}
