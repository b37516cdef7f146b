// `kiosk checkout CARD ITEM…`, `kiosk checkin ITEM…`, `kiosk loans CARD`: the same core rules the
// screen uses. Each item is its own transaction; the output says which succeeded and why others did not.
import type { Command } from 'commander';
import { itemBarcode } from '../../contract/circulation';
import { cardNumber } from '../../contract/patrons';
import { checkin } from '../../core/circulation/checkin';
import { checkout } from '../../core/circulation/checkout';
import { patronView } from '../../core/circulation/sign-in';
import { KioskError } from '../../core/errors';
import { requirePatron } from '../../core/patrons/records';
import { printResult, run, type CommonOptions } from '../output';
import { withKiosk } from '../with-kiosk';
import { describePatron, parseInput } from './patrons';

interface Refused {
  item: string;
  code: string;
  reason: string | null;
  message: string;
}

function eachItem<T>(items: string[], body: (item: string) => T): { done: T[]; refused: Refused[] } {
  const done: T[] = [];
  const refused: Refused[] = [];
  for (const item of items) {
    try {
      done.push(body(item));
    } catch (error) {
      if (!(error instanceof KioskError)) throw error;
      refused.push({ item, code: error.code, reason: error.reason ?? null, message: error.message });
    }
  }
  return { done, refused };
}

function reportRefusals(options: CommonOptions, refused: Refused[]): void {
  if (refused.length === 0) return;
  if (!options.json) for (const r of refused) process.stderr.write(`${r.item}: ${r.message}\n`);
  process.exitCode = 1;
}

export function registerCirculationCommands(program: Command): void {
  program
    .command('checkout')
    .description('Cho mượn sách: số thẻ rồi một hoặc nhiều mã vạch sách')
    .argument('<card>', 'số thẻ thư viện')
    .argument('<items...>', 'mã vạch sách')
    .option('--data-dir <dir>', 'thư mục dữ liệu')
    .option('--json', 'in một tài liệu JSON')
    .action((card: string, items: string[], options: CommonOptions) =>
      run(options, async () => {
        const number = parseInput(cardNumber, card);
        const barcodes = items.map((item) => parseInput(itemBarcode, item));
        const result = await withKiosk(options, async (kiosk) => eachItem(barcodes, (item) => checkout(kiosk.ctx, number, item)));
        printResult(options, { ok: result.refused.length === 0, card: number, loans: result.done, refused: result.refused }, () =>
          result.done.map((loan) => `Đã cho mượn ${loan.item} "${loan.title}", hạn trả ${loan.dueDate}.`).join('\n') || 'Không cuốn nào được cho mượn.',
        );
        reportRefusals(options, result.refused);
      }),
    );
  program
    .command('checkin')
    .description('Nhận trả sách: một hoặc nhiều mã vạch sách')
    .argument('<items...>', 'mã vạch sách')
    .option('--data-dir <dir>', 'thư mục dữ liệu')
    .option('--json', 'in một tài liệu JSON')
    .action((items: string[], options: CommonOptions) =>
      run(options, async () => {
        const barcodes = items.map((item) => parseInput(itemBarcode, item));
        const result = await withKiosk(options, async (kiosk) => eachItem(barcodes, (item) => checkin(kiosk.ctx, item)));
        printResult(options, { ok: result.refused.length === 0, returned: result.done, refused: result.refused }, () =>
          result.done
            .map((r) => `Đã nhận trả ${r.item} "${r.title}"${r.overdueDays ? ` (quá hạn ${r.overdueDays} ngày)` : ''}${r.shelf === 'staff' ? ' — để lên giá của cán bộ' : ''}.`)
            .join('\n') || 'Không cuốn nào được nhận trả.',
        );
        reportRefusals(options, result.refused);
      }),
    );
  program
    .command('loans')
    .description('Sách một bạn đọc đang mượn')
    .argument('<card>', 'số thẻ thư viện')
    .option('--data-dir <dir>', 'thư mục dữ liệu')
    .option('--json', 'in một tài liệu JSON')
    .action((card: string, options: CommonOptions) =>
      run(options, async () => {
        const number = parseInput(cardNumber, card);
        const view = await withKiosk(options, async (kiosk) => patronView(kiosk.ctx, requirePatron(kiosk.ctx, number)));
        printResult(options, { ok: true, patron: view.patron, loans: view.loans, standing: view.standing }, () =>
          [
            describePatron(view.patron),
            view.loans.length === 0 ? '  Không mượn cuốn nào.' : view.loans.map((l) => `  ${l.item} "${l.title}" hạn trả ${l.dueDate}${l.overdueDays ? ` — QUÁ HẠN ${l.overdueDays} ngày` : ''}`).join('\n'),
          ].join('\n'),
        );
      }),
    );
}
