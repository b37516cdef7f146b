// `kiosk patron pin|erase|record` and `kiosk patrons retention`: the resident PIN and residents'
// rights from the command line, through the same contract methods as the staff screens. Each
// signs the staff member in (card in --staff, PIN in KIOSK_PIN) so what it does is recorded as theirs.
import type { Command } from 'commander';
import { cardNumber, residentPin, type PatronSummary } from '#contract/patrons';
import { erasureReason, type ErasureReceipt, type PatronRecord, type RetentionView } from '#contract/rights';
import { CliFailure, printResult, run, type CommonOptions } from '../output';
import { callApi, secretFromEnv, staffSignIn, withRoomStore } from '../with-kiosk';
import { describePatron, parseInput } from './patrons';

interface StaffOptions extends CommonOptions {
  staff: string;
}

const REASONS = erasureReason.exclude(['retention']);

function describeRecord(r: PatronRecord): string {
  const lines = [
    `Thẻ ${r.cardNumber}: ${r.fullName ?? r.displayName}`,
    `  Năm sinh: ${r.birthYear ?? '—'} · Giới tính: ${r.gender ?? '—'} · Thôn/tổ: ${r.village ?? '—'} · Điện thoại: ${r.phone ?? '—'}`,
    `  Loại: ${r.categoryName} · Hạn thẻ: ${r.cardExpiry} · Làm thẻ: ${r.createdAt.slice(0, 10)} · Đăng ký bằng CCCD: ${r.registeredWithCccd ? 'có (chỉ giữ dấu vết mã hóa)' : 'không'}`,
    `  Mã PIN: ${r.hasPin ? 'có' : 'không'} · Đồng ý: ${r.consent ? `bản ${r.consent.version}, ${r.consent.at.slice(0, 10)}` : 'chưa ghi nhận'} · Lần cuối dùng: ${r.lastSeenAt?.slice(0, 10) ?? '—'}`,
    `  Lượt mượn đã lưu: ${r.loans.length} · Đặt trước: ${r.holds} · Phiên Internet: ${r.internetSessions}`,
  ];
  if (r.anonymiseAfter) lines.push(`  Sẽ ẩn danh sau ngày ${r.anonymiseAfter} nếu không quay lại thư viện.`);
  return lines.join('\n');
}

export function registerRightsCommands(patron: Command, program: Command): void {
  patron
    .command('pin')
    .description('Đặt lại mã PIN riêng của bạn đọc (mã mới trong KIOSK_RESIDENT_PIN) hoặc xóa bằng --remove; cần thẻ cán bộ (--staff, PIN trong KIOSK_PIN)')
    .argument('<card>', 'số thẻ bạn đọc')
    .requiredOption('--staff <thẻ>', 'thẻ cán bộ')
    .option('--remove', 'xóa mã PIN (bạn đọc chỉ quét thẻ)')
    .option('--data-dir <dir>', 'thư mục dữ liệu')
    .option('--json', 'in một tài liệu JSON')
    .action((card: string, options: StaffOptions & { remove?: boolean }) =>
      run(options, async () => {
        const number = parseInput(cardNumber, card);
        const pin = options.remove ? null : parseInput(residentPin, secretFromEnv('KIOSK_RESIDENT_PIN', 'mã PIN mới của bạn đọc (4–6 chữ số)'));
        const summary = await withRoomStore(
          options,
          async (kiosk) =>
            (await callApi(kiosk, 'patrons.setPin', { staffToken: await staffSignIn(kiosk, options.staff), card: number, pin })) as PatronSummary,
        );
        printResult(
          options,
          { ok: true, patron: summary },
          () => `${pin === null ? 'Đã xóa mã PIN.' : 'Đã đặt mã PIN mới; lần khóa do nhập sai (nếu có) đã được gỡ.'}\n${describePatron(summary)}`,
        );
      }),
    );

  patron
    .command('record')
    .description('In mọi thông tin kiosk đang lưu về một bạn đọc (quyền được biết, Nghị định 13/2023); cần thẻ cán bộ')
    .argument('<card>', 'số thẻ bạn đọc')
    .requiredOption('--staff <thẻ>', 'thẻ cán bộ')
    .option('--data-dir <dir>', 'thư mục dữ liệu')
    .option('--json', 'in một tài liệu JSON')
    .action((card: string, options: StaffOptions) =>
      run(options, async () => {
        const number = parseInput(cardNumber, card);
        const record = await withRoomStore(
          options,
          async (kiosk) => (await callApi(kiosk, 'rights.record', { staffToken: await staffSignIn(kiosk, options.staff), card: number })) as PatronRecord,
        );
        printResult(options, { ok: true, record }, () => describeRecord(record));
      }),
    );

  patron
    .command('erase')
    .description(`Xóa thông tin cá nhân của bạn đọc theo yêu cầu (lượt mượn giữ lại không tên để thống kê); lý do: ${REASONS.options.join(', ')}`)
    .argument('<card>', 'số thẻ bạn đọc')
    .requiredOption('--reason <lý do>', REASONS.options.join(' | '))
    .requiredOption('--staff <thẻ>', 'thẻ cán bộ')
    .option('--data-dir <dir>', 'thư mục dữ liệu')
    .option('--json', 'in một tài liệu JSON')
    .action((card: string, options: StaffOptions & { reason: string }) =>
      run(options, async () => {
        const number = parseInput(cardNumber, card);
        const reason = parseInput(REASONS, options.reason);
        const receipt = await withRoomStore(
          options,
          async (kiosk) =>
            (await callApi(kiosk, 'rights.erase', { staffToken: await staffSignIn(kiosk, options.staff), card: number, reason })) as ErasureReceipt,
        );
        printResult(options, { ok: true, receipt }, () => receipt.text);
      }),
    );

  program
    .command('patrons')
    .description('Toàn bộ bạn đọc')
    .command('retention')
    .description(
      'Bạn đọc kiosk sẽ tự ẩn danh vì không đến thư viện quá thời hạn lưu giữ (circulation.retentionYears), và vào ngày nào; --apply N để ẩn danh ngay những người đã quá hạn (N = số đã xem)',
    )
    .requiredOption('--staff <thẻ>', 'thẻ cán bộ')
    .option('--apply <số>', 'ẩn danh đúng N bạn đọc đến hạn (số vừa liệt kê)')
    .option('--data-dir <dir>', 'thư mục dữ liệu')
    .option('--json', 'in một tài liệu JSON')
    .action((options: StaffOptions & { apply?: string }) =>
      run(options, async () => {
        const expected = options.apply === undefined ? undefined : Number(options.apply);
        if (expected !== undefined && !(Number.isInteger(expected) && expected > 0)) {
          throw new CliFailure('--apply cần số bạn đọc vừa liệt kê (một số nguyên dương). Hãy chạy lệnh không có --apply để xem số đó.', 2);
        }
        const result = await withRoomStore(options, async (kiosk) => {
          const staffToken = await staffSignIn(kiosk, options.staff);
          return expected === undefined
            ? ((await callApi(kiosk, 'rights.retention', { staffToken })) as RetentionView)
            : ((await callApi(kiosk, 'rights.applyRetention', { staffToken, expected })) as { anonymised: number });
        });
        printResult(options, { ok: true, ...result }, () => {
          if ('anonymised' in result) return `Đã ẩn danh ${result.anonymised} bạn đọc; lượt mượn của họ giữ lại không tên để thống kê.`;
          if (result.years === 0) return 'Thư viện không đặt thời hạn lưu giữ (circulation.retentionYears = 0): thông tin chỉ xóa khi bạn đọc yêu cầu.';
          if (result.scheduled === 0 || !result.next)
            return `Không có bạn đọc nào vắng quá ${result.years} năm, hay sẽ đến hạn trong ${result.noticeDays} ngày tới.`;
          const list = result.residents
            .map((r) => `  ${r.card}  ${r.fullName}  (lần cuối: ${r.lastSeenAt?.slice(0, 10) ?? '—'}; ẩn danh ngày ${r.anonymiseOn})`)
            .join('\n');
          const now =
            result.due > 0 ? `\n${result.due} bạn đọc đã quá hạn; để ẩn danh ngay không chờ: kiosk patrons retention --staff <thẻ> --apply ${result.due}` : '';
          return `${result.scheduled} bạn đọc sẽ được kiosk tự ẩn danh (vắng quá ${result.years} năm; cán bộ được báo trước ${result.noticeDays} ngày), sớm nhất ngày ${result.next.day}:\n${list}${now}`;
        });
      }),
    );
}
