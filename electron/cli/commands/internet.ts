// `kiosk session start|status|end`, `kiosk guest-pass create` and `kiosk url-policy check`: the
// internet service for technicians and tests, through the same contract the screens use.
import type { Command } from 'commander';
import { GUEST_CODE_PATTERN, type InternetState } from '#contract/internet';
import { CliFailure, printResult, run, type CommonOptions } from '../output';
import { callApi, withKiosk } from '../with-kiosk';
import { internetOf } from '../../core/internet/context';
import { endByTechnician } from '../../core/internet/ending';
import { createGuestPasses } from '../../core/internet/guest-passes';

const dataDirOption = ['--data-dir <dir>', 'thư mục dữ liệu'] as const;
const jsonOption = ['--json', 'in một tài liệu JSON'] as const;

function minutesText(seconds: number): string {
  return `${Math.floor(seconds / 60)} phút ${seconds % 60} giây`;
}

function describeState(state: InternetState): string {
  const s = state.session;
  switch (state.phase) {
    case 'active':
      return `Đang có phiên Internet số ${s!.id}${s!.guest ? ' (khách)' : ''}: còn ${minutesText(s!.remainingSeconds)} trong ${s!.allowanceMinutes} phút được cấp. Hàng chờ: ${state.queue.waiting} người.`;
    case 'suspended':
      return 'Có một phiên bị gián đoạn đang chờ chính người dùng quét lại thẻ.';
    case 'closed':
      return state.closedReason === 'emergency'
        ? 'Internet đang bị cán bộ đóng khẩn cấp.'
        : `Ngoài giờ mở Internet${state.nextOpen ? `; mở lại lúc ${state.nextOpen}` : ''}.`;
    case 'disabled':
      return 'Dịch vụ Internet bị tắt trong cấu hình.';
    default:
      return `Máy Internet đang trống. Hàng chờ: ${state.queue.waiting} người.`;
  }
}

function integerOption(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new CliFailure(`${name} phải là số nguyên từ ${min} đến ${max}. Hãy sửa lại rồi chạy lệnh lần nữa.`, 2);
  return n;
}

export function registerInternetCommands(program: Command): void {
  const session = program.command('session').description('Phiên Internet của máy này');
  session
    .command('start')
    .description('Bắt đầu phiên Internet bằng số thẻ thư viện hoặc mã khách')
    .argument('<card>', 'số thẻ (BD000001) hoặc mã khách (KHACH-XXXXXXXX)')
    .option(...dataDirOption)
    .option(...jsonOption)
    .action((card: string, options: CommonOptions) =>
      run(options, async () => {
        const kind = GUEST_CODE_PATTERN.test(card.trim().toUpperCase()) ? 'guest' : 'card';
        const result = (await withKiosk(options, (kiosk) => callApi(kiosk, 'internet.signIn', { kind, text: card, manual: true }))) as {
          state: InternetState;
          allowanceMinutes: number;
          limitedBy: string;
          resumed: boolean;
        };
        printResult(
          options,
          result,
          () => `${result.resumed ? 'Đã tiếp tục' : 'Đã bắt đầu'} phiên Internet: ${result.allowanceMinutes} phút (giới hạn bởi: ${result.limitedBy}).`,
        );
      }),
    );
  session
    .command('status')
    .description('Trạng thái máy Internet: phiên đang chạy, thời gian còn lại, hàng chờ')
    .option(...dataDirOption)
    .option(...jsonOption)
    .action((options: CommonOptions) =>
      run(options, async () => {
        const state = (await withKiosk(options, (kiosk) => callApi(kiosk, 'internet.status', {}))) as InternetState;
        printResult(options, state, () => describeState(state));
      }),
    );
  session
    .command('end')
    .description('Kết thúc phiên Internet đang chạy (hoặc đang chờ tiếp tục) và xóa dữ liệu của phiên')
    .option(...dataDirOption)
    .option(...jsonOption)
    .action((options: CommonOptions) =>
      run(options, async () => {
        await withKiosk(options, async (kiosk) => endByTechnician(internetOf(kiosk.ctx)));
        printResult(options, { ok: true }, () => 'Đã kết thúc phiên Internet và xóa dữ liệu của phiên.');
      }),
    );

  program
    .command('guest-pass')
    .description('Mã khách dùng Internet (một lần, trong ngày)')
    .command('create')
    .description('Tạo một loạt mã khách ngẫu nhiên')
    .option('--minutes <n>', 'số phút của mỗi mã (5–480)', '30')
    .option('--count <n>', 'số mã (1–50)', '10')
    .option(...dataDirOption)
    .option(...jsonOption)
    .action((options: CommonOptions & { minutes: string; count: string }) =>
      run(options, async () => {
        const minutes = integerOption('--minutes', options.minutes, 5, 480);
        const count = integerOption('--count', options.count, 1, 50);
        const passes = await withKiosk(options, async (kiosk) => createGuestPasses(internetOf(kiosk.ctx), null, minutes, count));
        const out = passes.map((p) => ({ code: p.code, minutes: p.minutes, validDay: p.validDay }));
        printResult(options, { passes: out }, () =>
          [`${out.length} mã khách, mỗi mã ${minutes} phút, dùng trong ngày ${out[0]?.validDay ?? ''}:`, ...out.map((p) => `  ${p.code}`)].join('\n'),
        );
      }),
    );

  program
    .command('url-policy')
    .description('Quy tắc truy cập web của máy Internet')
    .command('check')
    .description('Cho biết một địa chỉ được mở hay bị chặn, và quy tắc nào quyết định')
    .argument('<url>', 'địa chỉ cần kiểm tra')
    .option(...dataDirOption)
    .option(...jsonOption)
    .action((url: string, options: CommonOptions) =>
      run(options, async () => {
        const decision = (await withKiosk(options, (kiosk) => callApi(kiosk, 'internet.checkUrl', { url }))) as {
          decision: string;
          rule: string;
          pattern?: string;
          reason: string;
        };
        printResult(
          options,
          decision,
          () =>
            `${decision.decision === 'allow' ? 'ĐƯỢC MỞ' : 'BỊ CHẶN'} (${decision.rule}${decision.pattern ? `: ${decision.pattern}` : ''}) — ${decision.reason}`,
        );
      }),
    );
}
