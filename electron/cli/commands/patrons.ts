// `kiosk patron add|show|renew|reissue|category|merge`: a technician or test adds a library card,
// looks one up, extends it, replaces a lost one, moves it to another category or merges a duplicate, offline.
import type { Command } from 'commander';
import { z } from 'zod';
import { cardNumber, deskReason, isoDay, newPatron, type PatronSummary } from '#contract/patrons';
import { createPatron, requirePatron, toSummary } from '../../core/patrons/records';
import { renewCard } from '../../core/patrons/renewal';
import { changeCategory, mergePatrons, reissueCard } from '../../core/patrons/card-care';
import { CliFailure, printResult, run, type CommonOptions } from '../output';
import { withRoomStore } from '../with-kiosk';
import type { Kiosk } from '../../core/kiosk';
import { registerRightsCommands } from './rights';

/** Turns a zod failure on command-line input into a sentence the technician can act on. */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `  ${issue.path.map(String).join('.') || 'giá trị'}: ${issue.message}`).join('\n');
  throw new CliFailure(`Dữ liệu nhập không hợp lệ, chưa có gì được ghi:\n${lines}\nHãy sửa rồi chạy lại lệnh.`, 2);
}

export function describePatron(p: PatronSummary): string {
  const status = p.status === 'active' ? (p.expired ? 'hết hạn' : 'đang hoạt động') : p.status === 'blocked' ? 'bị khóa' : 'chờ duyệt';
  return [
    `Thẻ ${p.cardNumber}: ${p.fullName}`,
    `  Loại: ${p.categoryName} · Năm sinh: ${p.birthYear ?? '—'} · Thôn/tổ: ${p.village ?? '—'}`,
    `  Hạn thẻ: ${p.cardExpiry} · Trạng thái: ${status}`,
  ].join('\n');
}

interface AddOptions extends CommonOptions {
  name: string;
  category: string;
  birthYear?: string;
  gender?: string;
  village?: string;
  phone?: string;
  card?: string;
}

export function registerPatronCommands(program: Command): void {
  const patron = program.command('patron').description('Bạn đọc và thẻ thư viện');
  patron
    .command('add')
    .description('Cấp thẻ thư viện cho một bạn đọc')
    .requiredOption('--name <họ tên>', 'họ và tên')
    .requiredOption('--category <mã>', 'loại bạn đọc (child, student, adult, senior hoặc theo cấu hình)')
    .option('--birth-year <năm>', 'năm sinh')
    .option('--gender <giới>', 'male, female hoặc other')
    .option('--village <thôn>', 'thôn / tổ dân phố')
    .option('--phone <số>', 'số điện thoại (không bắt buộc)')
    .option('--card <số thẻ>', 'số thẻ in sẵn; bỏ trống để kiosk tự cấp')
    .option('--data-dir <dir>', 'thư mục dữ liệu')
    .option('--json', 'in một tài liệu JSON')
    .action((options: AddOptions) =>
      run(options, async () => {
        const input = parseInput(newPatron, {
          fullName: options.name,
          category: options.category,
          birthYear: options.birthYear === undefined ? null : Number(options.birthYear),
          gender: options.gender ?? null,
          village: options.village ?? null,
          phone: options.phone ?? null,
          ...(options.card ? { cardNumber: options.card } : {}),
        });
        const summary = await withRoomStore(options, async (kiosk) => toSummary(kiosk.ctx, createPatron(kiosk.ctx, input, { via: 'staff', status: 'active' })));
        printResult(options, { ok: true, patron: summary }, () => `Đã cấp thẻ.\n${describePatron(summary)}`);
      }),
    );
  patron
    .command('show')
    .description('Xem thông tin một thẻ thư viện')
    .argument('<card>', 'số thẻ')
    .option('--data-dir <dir>', 'thư mục dữ liệu')
    .option('--json', 'in một tài liệu JSON')
    .action((card: string, options: CommonOptions) =>
      run(options, async () => {
        const number = parseInput(cardNumber, card);
        const summary = await withRoomStore(options, async (kiosk) => toSummary(kiosk.ctx, requirePatron(kiosk.ctx, number)));
        printResult(options, { ok: true, patron: summary }, () => describePatron(summary));
      }),
    );
  patron
    .command('renew')
    .description('Gia hạn thẻ thư viện: thêm một thời hạn thẻ, hoặc đến ngày --until')
    .argument('<card>', 'số thẻ')
    .option('--until <ngày>', 'gia hạn đến ngày này (NNNN-TT-NN)')
    .requiredOption('--reason <lý do>', 'vì sao gia hạn, ví dụ "gia hạn hằng năm"')
    .option('--data-dir <dir>', 'thư mục dữ liệu')
    .option('--json', 'in một tài liệu JSON')
    .action((card: string, options: CommonOptions & { until?: string; reason: string }) =>
      run(options, async () => {
        const number = parseInput(cardNumber, card);
        const until = options.until === undefined ? undefined : parseInput(isoDay, options.until);
        const reason = parseInput(z.string().trim().min(2, 'hãy ghi lý do, ví dụ "gia hạn hằng năm"').max(200), options.reason);
        const summary = await withRoomStore(options, async (kiosk) => toSummary(kiosk.ctx, renewCard(kiosk.ctx, number, { staffId: null, reason, until })));
        printResult(options, { ok: true, patron: summary }, () => `Đã gia hạn thẻ.\n${describePatron(summary)}`);
      }),
    );
  const deskCommand = (
    name: string,
    description: string,
    args: [string, string][],
    act: (kiosk: Kiosk, values: string[], reason: string) => PatronSummary,
    done: string,
  ) => {
    const command = patron.command(name).description(description);
    for (const [arg, about] of args) command.argument(arg, about);
    command
      .requiredOption('--reason <lý do>', 'vì sao, ví dụ "mất thẻ"')
      .option('--data-dir <dir>', 'thư mục dữ liệu')
      .option('--json', 'in một tài liệu JSON')
      .action((...given: unknown[]) => {
        const values = given.slice(0, args.length) as string[];
        const options = given[args.length] as CommonOptions & { reason: string };
        return run(options, async () => {
          const reason = parseInput(deskReason, options.reason);
          const summary = await withRoomStore(options, async (kiosk) => act(kiosk, values, reason));
          printResult(options, { ok: true, patron: summary }, () => `${done}\n${describePatron(summary)}`);
        });
      });
  };
  deskCommand(
    'reissue',
    'Cấp lại thẻ bị mất: số thẻ mới, giữ sách đang mượn; số cũ bị từ chối từ nay',
    [['<card>', 'số thẻ bị mất']],
    (kiosk, [card], reason) => toSummary(kiosk.ctx, reissueCard(kiosk.ctx, parseInput(cardNumber, card), { staffId: null, reason })),
    'Đã cấp thẻ mới; số thẻ cũ không dùng được nữa.',
  );
  deskCommand(
    'category',
    'Đổi loại bạn đọc (quy định mượn, mã PIN theo loại mới)',
    [
      ['<card>', 'số thẻ'],
      ['<category>', 'mã loại bạn đọc trong cấu hình, ví dụ adult'],
    ],
    (kiosk, [card, category], reason) => toSummary(kiosk.ctx, changeCategory(kiosk.ctx, parseInput(cardNumber, card), category!, { staffId: null, reason })),
    'Đã đổi loại bạn đọc.',
  );
  deskCommand(
    'merge',
    'Gộp hồ sơ trùng vào hồ sơ được giữ: sách mượn, đặt trước, Internet chuyển sang; số thẻ trùng bị từ chối từ nay',
    [
      ['<keep>', 'số thẻ được giữ'],
      ['<duplicate>', 'số thẻ trùng'],
    ],
    (kiosk, [keep, duplicate], reason) =>
      toSummary(kiosk.ctx, mergePatrons(kiosk.ctx, parseInput(cardNumber, keep), parseInput(cardNumber, duplicate), { staffId: null, reason })),
    'Đã gộp hai hồ sơ.',
  );
  registerRightsCommands(patron, program);
}
