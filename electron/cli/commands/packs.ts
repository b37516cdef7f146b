// `kiosk pack install FILE`, `kiosk pack list`, `kiosk pack remove ID`: content packs of the digital
// library for technicians (a pack on a USB stick, a scripted roll-out to many kiosks).
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { installPack, removePack } from '../../core/eresources/install';
import { listPacks, toPackView } from '../../core/eresources/store';
import { diskUsageOf } from '../../core/eresources/usage';
import { printResult, run, type CommonOptions } from '../output';
import { withKiosk } from '../with-kiosk';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function registerPackCommands(program: Command): void {
  const pack = program.command('pack').description('Gói nội dung của Thư viện số');

  pack
    .command('install')
    .description('Kiểm tra và cài một gói nội dung (.zip); phiên bản mới thay phiên bản cũ')
    .argument('<file>', 'tệp gói .zip')
    .option('--data-dir <dir>', 'thư mục dữ liệu')
    .option('--json', 'in một tài liệu JSON')
    .action((file: string, options: CommonOptions) =>
      run(options, async () => {
        const result = await withKiosk(options, (kiosk) =>
          installPack(kiosk.ctx, resolve(file), {
            onProgress: (p) => {
              if (!options.json && p.phase === 'copying' && p.bytesTotal > 0)
                process.stderr.write(`\rĐang chép và kiểm tra: ${Math.floor((p.bytesDone / p.bytesTotal) * 100)}%`);
            },
          }),
        );
        if (!options.json) process.stderr.write('\n');
        printResult(
          options,
          { ok: true, ...result },
          () =>
            `Đã cài gói "${result.pack.title}" (${result.pack.id}) phiên bản ${result.pack.version}: ${result.pack.resources} tài liệu, ${mb(result.pack.bytes)}` +
            (result.replacedVersion ? `, thay phiên bản ${result.replacedVersion}.` : '.') +
            `\nDung lượng thư viện số: ${mb(result.usage.usedBytes)} / ${mb(result.usage.quotaBytes)}.`,
        );
      }),
    );

  pack
    .command('list')
    .description('Liệt kê các gói đã cài và dung lượng đang dùng')
    .option('--data-dir <dir>', 'thư mục dữ liệu')
    .option('--json', 'in một tài liệu JSON')
    .action((options: CommonOptions) =>
      run(options, async () => {
        const result = await withKiosk(options, async (kiosk) => ({
          packs: listPacks(kiosk.db).map((p) => toPackView(kiosk.db, p)),
          usage: await diskUsageOf(kiosk.ctx),
        }));
        printResult(options, { ok: true, ...result }, () =>
          [
            ...(result.packs.length
              ? result.packs.map((p) => `${p.id}  ${p.version}  ${p.title}  (${p.resources} tài liệu, ${mb(p.bytes)})`)
              : ['Chưa cài gói nội dung nào.']),
            `Dung lượng: ${mb(result.usage.usedBytes)} / ${mb(result.usage.quotaBytes)}.`,
          ].join('\n'),
        );
      }),
    );

  pack
    .command('remove')
    .description('Gỡ một gói nội dung và các tệp của nó')
    .argument('<id>', 'mã gói (xem bằng "kiosk pack list")')
    .option('--data-dir <dir>', 'thư mục dữ liệu')
    .option('--json', 'in một tài liệu JSON')
    .action((id: string, options: CommonOptions) =>
      run(options, async () => {
        const result = await withKiosk(options, (kiosk) => removePack(kiosk.ctx, id));
        printResult(options, { ok: true, ...result }, () => `Đã gỡ gói "${result.removed.title}" (${result.removed.id} ${result.removed.version}).`);
      }),
    );
}
