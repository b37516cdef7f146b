// `kiosk checkout CARD ITEM…`, `kiosk checkin ITEM…`, `kiosk loans CARD`, `kiosk hold place|cancel`,
// `kiosk holds`: the same core rules the screen uses. Each item is its own transaction; the output
// says which succeeded and why others did not.
import type { Command } from 'commander';
import { itemBarcode } from '#contract/circulation';
import { cardNumber } from '#contract/patrons';
import { checkin } from '../../core/circulation/checkin';
import { checkout } from '../../core/circulation/checkout';
import { allOpenHolds, cancelHoldOf, placeHoldFor } from '../../core/circulation/holds';
import type { HoldView } from '#contract/circulation';
import { patronStanding } from '../../core/circulation/sign-in';
import { KioskError } from '../../core/errors';
import { requirePatron, toSummary } from '../../core/patrons/records';
import { CliFailure, printResult, run, type CommonOptions } from '../output';
import { withRoomStore } from '../with-kiosk';
import { describePatron, parseInput } from './patrons';

function describeHold(h: HoldView): string {
  return h.status === 'ready'
    ? `  [${h.holdId}] "${h.title}": sách đã về, giữ ở quầy đến hết ${h.readyUntil}`
    : `  [${h.holdId}] "${h.title}": đang chờ, thứ ${h.position} trong hàng${h.nextDueOverdue ? ' (bản đang mượn đã quá hạn trả)' : h.nextDueDate ? ` (bản sớm nhất hạn trả ${h.nextDueDate})` : ''}`;
}

function positiveId(text: string, what: string): number {
  const id = Number(text);
  if (!Number.isSafeInteger(id) || id <= 0) throw new CliFailure(`${what} phải là một số nguyên dương (nhận được "${text}"). Hãy sửa rồi chạy lại lệnh.`, 2);
  return id;
}

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
        const result = await withRoomStore(options, async (kiosk) => eachItem(barcodes, (item) => checkout(kiosk.ctx, number, item)));
        printResult(
          options,
          { ok: result.refused.length === 0, card: number, loans: result.done, refused: result.refused },
          () => result.done.map((loan) => `Đã cho mượn ${loan.item} "${loan.title}", hạn trả ${loan.dueDate}.`).join('\n') || 'Không cuốn nào được cho mượn.',
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
        const result = await withRoomStore(options, async (kiosk) => eachItem(barcodes, (item) => checkin(kiosk.ctx, item)));
        printResult(
          options,
          { ok: result.refused.length === 0, returned: result.done, refused: result.refused },
          () =>
            result.done
              .map(
                (r) =>
                  `Đã nhận trả ${r.item} "${r.title}"${r.overdueDays ? ` (quá hạn ${r.overdueDays} ngày)` : ''}${r.shelf === 'staff' ? ' — để lên giá của cán bộ' : ''}.`,
              )
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
        // The technician's CLI shows the staff view of the patron; the loans and standing are the resident's.
        const { view, patron } = await withRoomStore(options, async (kiosk) => {
          const found = requirePatron(kiosk.ctx, number);
          return { view: patronStanding(kiosk.ctx, found), patron: toSummary(kiosk.ctx, found) };
        });
        printResult(options, { ok: true, patron, loans: view.loans, standing: view.standing }, () =>
          [
            describePatron(patron),
            view.loans.length === 0
              ? '  Không mượn cuốn nào.'
              : view.loans.map((l) => `  ${l.item} "${l.title}" hạn trả ${l.dueDate}${l.overdueDays ? ` — QUÁ HẠN ${l.overdueDays} ngày` : ''}`).join('\n'),
            ...(view.holds.length ? ['Sách đặt trước:', ...view.holds.map(describeHold)] : []),
          ].join('\n'),
        );
      }),
    );

  const hold = program.command('hold').description('Đặt trước sách cho bạn đọc, hoặc hủy');
  hold
    .command('place')
    .description('Đặt trước một đầu sách (mã đầu sách lấy từ "kiosk search --json", trường id)')
    .argument('<card>', 'số thẻ thư viện')
    .argument('<record>', 'mã đầu sách')
    .option('--data-dir <dir>', 'thư mục dữ liệu')
    .option('--json', 'in một tài liệu JSON')
    .action((card: string, record: string, options: CommonOptions) =>
      run(options, async () => {
        const number = parseInput(cardNumber, card);
        const recordId = positiveId(record, 'Mã đầu sách');
        const placed = await withRoomStore(options, async (kiosk) => placeHoldFor(kiosk.ctx, number, recordId));
        printResult(options, { ok: true, card: number, hold: placed }, () => `Đã đặt trước cho thẻ ${number}:\n${describeHold(placed)}`);
      }),
    );
  hold
    .command('cancel')
    .description('Hủy một sách đặt trước của bạn đọc')
    .argument('<hold>', 'mã đặt trước (số trong ngoặc vuông của "kiosk holds")')
    .requiredOption('--card <card>', 'số thẻ của bạn đọc đã đặt')
    .option('--data-dir <dir>', 'thư mục dữ liệu')
    .option('--json', 'in một tài liệu JSON')
    .action((holdText: string, options: CommonOptions & { card: string }) =>
      run(options, async () => {
        const number = parseInput(cardNumber, options.card);
        const holdId = positiveId(holdText, 'Mã đặt trước');
        const left = await withRoomStore(options, async (kiosk) => cancelHoldOf(kiosk.ctx, number, holdId));
        printResult(
          options,
          { ok: true, card: number, holds: left },
          () => `Đã hủy đặt trước ${holdId}.${left.length ? `\nCòn đặt trước:\n${left.map(describeHold).join('\n')}` : ''}`,
        );
      }),
    );
  program
    .command('holds')
    .description('Sách đặt trước đang mở: sách đã về (giữ ở quầy) trước, rồi sách đang chờ')
    .option('--data-dir <dir>', 'thư mục dữ liệu')
    .option('--json', 'in một tài liệu JSON')
    .action((options: CommonOptions) =>
      run(options, async () => {
        const holds = await withRoomStore(options, async (kiosk) => allOpenHolds(kiosk.ctx));
        printResult(options, { ok: true, holds }, () =>
          holds.length === 0
            ? 'Không có sách đặt trước nào.'
            : holds.map((h) => `${describeHold(h)} — thẻ ${h.card}${h.item ? `, bản ${h.item}${h.location ? ` (${h.location})` : ''}` : ''}`).join('\n'),
        );
      }),
    );
}
