// `kiosk catalogue copy ISBN [--pick N --barcode X]` and `kiosk catalogue copy-queue`: copy
// cataloguing from a terminal, over the same core functions as the staff page "Biên mục sao chép".
import type { Command } from 'commander';
import type { CopyLookup } from '#contract/copy-cataloguing';
import { addCopy } from '../../core/catalogue/copy/add-copy';
import { lookupIsbn } from '../../core/catalogue/copy/lookup';
import { openLookups } from '../../core/catalogue/copy/lookups';
import { CliFailure, printResult, run, type CommonOptions } from '../output';
import { withKiosk } from '../with-kiosk';

function describeLookup(lookup: CopyLookup): string {
  const lines = [`ISBN ${lookup.isbn}:`, ...lookup.sources.map((s) => `  ${s.message}`)];
  if (lookup.state === 'queued')
    lines.push(`Không máy chủ nào trả lời; ISBN đã vào hàng chờ và sẽ được hỏi lại lúc ${lookup.nextAttemptAt ?? '—'} (kiosk đang chạy tự thử lại).`);
  if (lookup.existing) lines.push(`Thư viện đã có đầu sách này: "${lookup.existing.title}" (${lookup.existing.copies} cuốn); cuốn mới sẽ thêm vào đó.`);
  lookup.candidates.forEach((c, i) =>
    lines.push(
      `  [${i + 1}] ${c.title} — ${c.authors.join('; ') || 'không rõ tác giả'}; ${[c.publisher, c.year].filter(Boolean).join(', ')} (nguồn: ${[c.source, ...c.alsoFrom].join(', ')})`,
    ),
  );
  if (lookup.candidates.length > 0) lines.push('Chọn một biểu ghi và mã vạch mới: kiosk catalogue copy ISBN --pick N --barcode MÃ');
  return lines.join('\n');
}

export function registerCopyCommands(catalogue: Command): void {
  catalogue
    .command('copy')
    .description('Biên mục sao chép: hỏi các máy chủ SRU/Z39.50 đã cấu hình theo ISBN; với --pick và --barcode thì đưa sách lên kệ')
    .argument('<isbn>', 'ISBN của sách (10 hoặc 13 chữ số)')
    .option('--pick <n>', 'số thứ tự biểu ghi được chọn (1, 2, …)')
    .option('--barcode <code>', 'mã vạch mới dán trên sách')
    .option('--location <text>', 'vị trí trên kệ')
    .option('--data-dir <dir>', 'thư mục dữ liệu')
    .option('--json', 'in một tài liệu JSON')
    .action((isbn: string, options: CommonOptions & { pick?: string; barcode?: string; location?: string }) =>
      run(options, async () => {
        if ((options.pick === undefined) !== (options.barcode === undefined))
          throw new CliFailure('--pick và --barcode phải đi cùng nhau: chọn biểu ghi nào, và mã vạch mới của cuốn sách.', 2);
        const pick = options.pick === undefined ? undefined : Number(options.pick);
        if (pick !== undefined && (!Number.isInteger(pick) || pick < 1)) throw new CliFailure('--pick là số thứ tự biểu ghi, từ 1.', 2);
        if (options.barcode !== undefined && !/^[\p{L}\p{N}._/-]{1,64}$/u.test(options.barcode))
          throw new CliFailure('--barcode chỉ gồm chữ, số và - . _ /, tối đa 64 ký tự.', 2);
        const result = await withKiosk(options, async (kiosk) => {
          const lookup = await lookupIsbn(kiosk.ctx, isbn, null);
          if (pick === undefined) return { lookup };
          if (!lookup.candidates[pick - 1]) throw new CliFailure(`Không có biểu ghi số ${pick}: ISBN này có ${lookup.candidates.length} biểu ghi.`, 1);
          return { lookup, added: addCopy(kiosk.ctx, { lookupId: lookup.id, candidate: pick - 1, barcode: options.barcode!, location: options.location }) };
        });
        printResult(options, result, () =>
          result.added
            ? `${describeLookup(result.lookup)}\nĐã đưa lên kệ: "${result.added.title}", mã vạch ${result.added.barcode}.`
            : describeLookup(result.lookup),
        );
      }),
    );

  catalogue
    .command('copy-queue')
    .description('Các ISBN đang chờ mạng hoặc đã có kết quả nhưng chưa biên mục')
    .option('--data-dir <dir>', 'thư mục dữ liệu')
    .option('--json', 'in một tài liệu JSON')
    .action((options: CommonOptions) =>
      run(options, async () => {
        const lookups = await withKiosk(options, async (kiosk) => openLookups(kiosk.db));
        printResult(options, lookups, () =>
          lookups.length === 0
            ? 'Không có ISBN nào đang chờ.'
            : lookups
                .map(
                  (l) =>
                    `${l.isbn}: ${l.state === 'queued' ? 'đang chờ mạng' : l.state === 'found' ? `có ${l.candidateCount} biểu ghi` : 'không tìm thấy'} (tra lúc ${l.requestedAt}, ${l.attempts} lần)`,
                )
                .join('\n'),
        );
      }),
    );
}
