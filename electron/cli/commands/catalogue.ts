// `kiosk catalogue import FILE`, `kiosk search "QUERY"` and `kiosk rotation import|list|items|receive|return`:
// the catalogue for technicians and scripts, over the same core functions the screens use.
import type { Command } from 'commander';
import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { importEncoding, type ImportEncoding, type ImportReport } from '#contract/catalogue';
import { exportCatalogue } from '../../core/catalogue/export';
import { importCatalogueFile } from '../../core/catalogue/import';
import { batchItems, listBatches, receiveBatch, sendBackBatch } from '../../core/catalogue/rotation';
import { searchCatalogue } from '../../core/catalogue/search';
import { ownedError } from '../../core/store/owner';
import { localDay } from '../../../common/calendar';
import { CliFailure, printResult, run, type CommonOptions } from '../output';
import { withKiosk } from '../with-kiosk';
import { registerCopyCommands } from './copy-cataloguing';

interface ImportCliOptions extends CommonOptions {
  dryRun?: boolean;
  encoding?: string;
}

function chosenEncoding(options: ImportCliOptions): ImportEncoding | undefined {
  if (options.encoding === undefined) return undefined;
  const parsed = importEncoding.safeParse(options.encoding);
  if (!parsed.success) throw new CliFailure(`--encoding phải là một trong: ${importEncoding.options.join(', ')}.`, 2);
  return parsed.data;
}

/** The file to import, by path: it is streamed from disk, never read whole (any size). */
function importFile(file: string): { path: string } {
  const path = resolve(file);
  let isFile = false;
  try {
    isFile = statSync(path).isFile();
  } catch {
    throw new CliFailure(`Không tìm thấy tệp ${path}. Hãy kiểm tra lại đường dẫn.`, 2);
  }
  if (!isFile) throw new CliFailure(`${path} không phải một tệp. Hãy chỉ đúng tệp cần nhập.`, 2);
  return { path };
}

const PHASES = { reading: 'Đang đọc tệp', checking: 'Đang kiểm tra', saving: 'Đang lưu', done: 'Đã xong' } as const;

/**
 * Progress lines on stderr (stdout keeps the report, or the JSON document): one line per phase
 * and at most one per 5 % of the records, so a log file of a long import stays short.
 */
function progressLines(): (phase: keyof typeof PHASES, done: number, total: number) => void {
  let last = '';
  return (phase, done, total) => {
    const percent = total > 0 ? Math.floor((done / total) * 20) * 5 : 0;
    const line = phase === 'saving' || phase === 'done' ? `${PHASES[phase]}: ${percent}% (${done}/${total} bản ghi)` : `${PHASES[phase]}…`;
    const key = `${phase}:${percent}`;
    if (key === last) return;
    last = key;
    process.stderr.write(`${line}\n`);
  };
}

function describeReport(report: ImportReport): string {
  const lines = [
    `Định dạng ${report.format}, bảng mã ${report.encoding}${report.encodingConfidence !== undefined ? ` (nhận ra với độ tin cậy ${Math.round(report.encodingConfidence * 100)}%)` : ''}: ${report.records} bản ghi.`,
    `Nhập mới ${report.imported}, cập nhật ${report.updated}, không đổi ${report.unchanged}, bị từ chối ${report.rejected}; thêm ${report.itemsAdded} cuốn.`,
    ...(report.warnings.length ? [`Cần xem lại ${report.warned} bản ghi (đã nhập):`, ...report.warnings.map((w) => `  ! ${w.message}`)] : []),
    ...(report.unlisted.warnings ? [`  … và ${report.unlisted.warnings} lưu ý nữa (chỉ liệt kê ${report.warnings.length} lưu ý đầu).`] : []),
    ...(report.rejections.length ? ['Bị từ chối (chưa nhập):'] : []),
    ...(report.batch ? [`Đợt luân chuyển ${report.batch.code}${report.batch.created ? ' (mới)' : ''}.`] : []),
    ...(report.dryRun ? ['Chạy thử: chưa có gì được lưu.'] : []),
    ...report.rejections.map((r) => `  - ${r.message}`),
    ...(report.unlisted.rejections
      ? [`  … và ${report.unlisted.rejections} bản ghi bị từ chối nữa (chỉ liệt kê ${report.rejections.length} bản ghi đầu).`]
      : []),
  ];
  return lines.join('\n');
}

function importAction(target: 'catalogue' | 'rotation') {
  return (file: string, options: ImportCliOptions) =>
    run(options, async () => {
      const encoding = chosenEncoding(options);
      const source = importFile(file);
      const report = await withKiosk(options, async (kiosk) => {
        // Beside a running kiosk, the import belongs to that kiosk (its staff screen): only the
        // data folder's owner may undo an interrupted import at start, and the running kiosk's
        // residents are given the write lock first only by an import in its own process.
        if (kiosk.ctx.role === 'guest') throw ownedError(kiosk.ctx.dataDir, `Không nhập được tệp ${basename(file)}`);
        return importCatalogueFile(kiosk.db, kiosk.ctx.clock, source, {
          fileName: basename(file),
          target,
          dryRun: options.dryRun === true,
          log: kiosk.ctx.log,
          onProgress: progressLines(),
          ...(encoding ? { encoding } : {}),
        });
      });
      printResult(options, report, () => describeReport(report));
    });
}

export function registerCatalogueCommands(program: Command): void {
  const catalogue = program.command('catalogue').description('Vốn sách: nhập biểu ghi từ thư viện tỉnh');
  catalogue
    .command('import')
    .description(
      'Nhập tệp MARC21 (.mrc, cỡ nào cũng được), MARCXML, CSV hoặc .xlsx theo mẫu (tới 256 MB); tiến độ in ra stderr; nhập lại cùng tệp không thay đổi gì',
    )
    .argument('<file>', 'tệp cần nhập')
    .option('--dry-run', 'chỉ kiểm tra, không lưu')
    .option('--encoding <name>', 'bảng mã của tệp khi kiosk không chắc: utf-8, windows-1258, tcvn3, vni, viscii')
    .option('--data-dir <dir>', 'thư mục dữ liệu')
    .option('--json', 'in một tài liệu JSON')
    .action(importAction('catalogue'));
  registerCopyCommands(catalogue);

  catalogue
    .command('export')
    .description('Xuất vốn sách của xã (kèm từng cuốn trong trường 952) thành MARC21 (.mrc) hoặc MARCXML cho thư viện tỉnh')
    .argument('<file>', 'tệp sẽ ghi')
    .option('--format <format>', 'marc21 hoặc marcxml', 'marc21')
    .option('--data-dir <dir>', 'thư mục dữ liệu')
    .option('--json', 'in một tài liệu JSON')
    .action((file: string, options: CommonOptions & { format: string }) =>
      run(options, async () => {
        if (options.format !== 'marc21' && options.format !== 'marcxml') throw new CliFailure('--format phải là marc21 hoặc marcxml.', 2);
        const format = options.format;
        const result = await withKiosk(options, async (kiosk) => exportCatalogue(kiosk.db, resolve(file), format, kiosk.ctx.config.library.communeCode));
        printResult(options, result, () => `Đã xuất ${result.records} biểu ghi, ${result.items} cuốn (${format}) vào ${result.file}.`);
      }),
    );

  program
    .command('search')
    .description('Tra cứu sách (không phân biệt dấu và chữ hoa)')
    .argument('<query>', 'từ khóa: nhan đề, tác giả, chủ đề, ISBN hoặc mã vạch')
    .option('--available', 'chỉ sách còn trên kệ')
    .option('--limit <n>', 'số kết quả tối đa (1–100)', '20')
    .option('--data-dir <dir>', 'thư mục dữ liệu')
    .option('--json', 'in một tài liệu JSON')
    .action((query: string, options: CommonOptions & { available?: boolean; limit: string }) =>
      run(options, async () => {
        const limit = Number(options.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new CliFailure('--limit phải là số nguyên từ 1 đến 100.', 2);
        if (query.length > 200) throw new CliFailure('Từ khóa dài quá 200 ký tự. Hãy gõ ngắn hơn.', 2);
        const response = await withKiosk(options, async (kiosk) =>
          searchCatalogue(kiosk.db, query, { availableOnly: options.available === true, limit, today: localDay(kiosk.ctx.clock.now()) }),
        );
        const results = response.results.map(({ id, title, authors, year, isbn, available, items, nextDueDate, nextDueOverdue, publisher, callNumber }) => ({
          id,
          title,
          authors,
          year,
          isbn,
          available,
          items,
          nextDueDate,
          nextDueOverdue,
          publisher,
          callNumber,
        }));
        printResult(options, results, () =>
          results.length === 0
            ? `Không tìm thấy sách nào cho "${query}".`
            : results
                .map(
                  (r) => `${r.id}. ${r.title} — ${r.authors.join(', ') || 'không rõ tác giả'}${r.year ? ` (${r.year})` : ''}: còn ${r.available} cuốn trên kệ`,
                )
                .join('\n'),
        );
      }),
    );

  const rotation = program.command('rotation').description('Đợt sách luân chuyển từ thư viện tỉnh');
  rotation
    .command('import')
    .description('Nhập danh sách đợt luân chuyển (CSV/.xlsx, xem resources/catalogue/mau-dot-luan-chuyen.csv)')
    .argument('<file>', 'tệp danh sách đợt')
    .option('--dry-run', 'chỉ kiểm tra, không lưu')
    .option('--data-dir <dir>', 'thư mục dữ liệu')
    .option('--json', 'in một tài liệu JSON')
    .action(importAction('rotation'));
  rotation
    .command('list')
    .description('Liệt kê các đợt luân chuyển')
    .option('--data-dir <dir>', 'thư mục dữ liệu')
    .option('--json', 'in một tài liệu JSON')
    .action((options: CommonOptions) =>
      run(options, async () => {
        const batches = await withKiosk(options, async (kiosk) => listBatches(kiosk.db));
        printResult(options, batches, () =>
          batches.length === 0
            ? 'Chưa có đợt luân chuyển nào.'
            : batches.map((b) => `${b.code} (${b.sourceLibrary ?? '?'}): ${b.items} cuốn, hạn trả ${b.dueBack ?? '?'}, trạng thái ${b.state}`).join('\n'),
        );
      }),
    );
  rotation
    .command('items')
    .description('Liệt kê sách của một đợt')
    .argument('<code>', 'mã đợt')
    .option('--data-dir <dir>', 'thư mục dữ liệu')
    .option('--json', 'in một tài liệu JSON')
    .action((code: string, options: CommonOptions) =>
      run(options, async () => {
        const items = await withKiosk(options, async (kiosk) => batchItems(kiosk.db, code));
        printResult(options, items, () => items.map((i) => `${i.barcode}  ${i.title}  [${i.status}]`).join('\n') || 'Đợt này chưa có sách nào.');
      }),
    );
  for (const [name, action, description] of [
    ['receive', receiveBatch, 'Đánh dấu đã nhận đợt sách: sách lên kệ'],
    ['return', sendBackBatch, 'Đánh dấu đã gửi trả đợt sách về thư viện tỉnh'],
  ] as const) {
    rotation
      .command(name)
      .description(description)
      .argument('<code>', 'mã đợt')
      .option('--data-dir <dir>', 'thư mục dữ liệu')
      .option('--json', 'in một tài liệu JSON')
      .action((code: string, options: CommonOptions) =>
        run(options, async () => {
          const batch = await withKiosk(options, async (kiosk) => action(kiosk.db, kiosk.ctx.clock, code));
          printResult(options, batch, () => `Đợt ${batch.code}: ${batch.state}, ${batch.items} cuốn.`);
        }),
      );
  }
}
