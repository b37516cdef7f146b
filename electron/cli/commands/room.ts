// `kiosk room …`: the reading room of several PCs (issue #18). On the hub: `room hub` (make this PC
// the hub), `room pair-code` (a one-time code for a kiosk), `room revoke PC`. On a kiosk:
// `room find` (the hubs that announce themselves on the LAN) and `room join HUB_ADDRESS CODE`.
// Anywhere: `room status`. A running kiosk takes a new role at its next start.
import { hostname } from 'node:os';
import type { Command } from 'commander';
import type { PcActivity, PcInternetReport } from '#contract/room';
import { createStderrLogger } from '../../core/log';
import { FIND_HUBS_MS, findHubs } from '../../core/room/discovery';
import { joinRoom } from '../../core/room/join';
import { issuePairingCode, makeHub, revokeRoomPc, roomStatus, type RoomStatus } from '../../core/room/setup';
import { announces } from '../../core/room/state';
import { CliFailure, printResult, run, type CommonOptions } from '../output';
import { withKiosk } from '../with-kiosk';

const ROLE_NAMES: Record<RoomStatus['role'], string> = {
  standalone: 'máy đơn (không thuộc phòng nhiều máy)',
  hub: 'máy trung tâm của phòng đọc',
  kiosk: 'máy trạm của phòng đọc',
};

function portOption(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliFailure(`"${value}" không phải số cổng (0–65535).`, 2);
  return port;
}

const ACTIVITY_NAMES: Record<PcActivity, string> = {
  free: 'đang trống',
  held: 'đang giữ cho người xếp hàng',
  in_session: 'đang có người dùng',
  away: 'người dùng tạm rời máy',
  interrupted: 'phiên bị gián đoạn (chương trình vừa khởi động lại), chờ người dùng quay lại',
  closed: 'đã đóng Internet',
  disabled: 'không dùng Internet',
  maintenance: 'đang bảo trì',
  offline: 'mất kết nối',
};

/** What a PC is doing, from its last stored report; never who (the hub does not store names). */
function describeActivity(activity: PcActivity, internet: PcInternetReport | null): string {
  const left = internet?.session ? `, còn ${internet.session.minutesLeft} phút` : '';
  return `${ACTIVITY_NAMES[activity]}${left}`;
}

function describeStatus(status: RoomStatus): string {
  const lines = [`Vai trò: ${ROLE_NAMES[status.role]}`];
  if (status.listen)
    lines.push(
      `Nghe trên: ${status.listen.on === 'lan' ? 'mạng LAN' : 'chỉ máy này (loopback)'}, cổng ${status.listen.port || 'tự chọn'}, cổng ghép máy ${status.listen.pairingPort || 'tự chọn'}`,
      `Tự giới thiệu trong mạng (mDNS): ${status.listen.mdns ? 'có' : 'không'}`,
    );
  if (status.hub) lines.push(`Máy số ${status.pcId}; máy trung tâm: ${status.hub.host}:${status.hub.port}`);
  if (status.role === 'hub') {
    lines.push(status.pcs.length ? 'Các máy trạm:' : 'Chưa có máy trạm nào được ghép.');
    for (const pc of status.pcs) {
      const doing = pc.activity ? ` · ${describeActivity(pc.activity, pc.internet)}` : '';
      lines.push(
        `  ${pc.id}. ${pc.name} — ${pc.state === 'revoked' ? `đã gỡ ${pc.revokedAt}` : 'đã ghép'}${doing} · ghép ${pc.pairedAt} · thấy lần cuối ${pc.lastSeenAt ?? 'chưa'}`,
      );
    }
  }
  return lines.join('\n');
}

export function registerRoomCommands(program: Command): void {
  const room = program.command('room').description('Phòng đọc nhiều máy: máy trung tâm, ghép máy trạm, gỡ máy, trạng thái');

  room
    .command('hub')
    .description('Đặt máy này làm máy trung tâm của phòng đọc (tạo chứng chỉ của phòng); chạy lại để đổi cổng')
    .option('--listen <nơi>', 'loopback (chỉ máy này) hoặc lan (các máy trong mạng LAN)')
    .option('--port <cổng>', 'cổng máy trạm gọi tới (mặc định 47310; 0 = tự chọn)', portOption)
    .option('--pairing-port <cổng>', 'cổng ghép máy (mặc định 47311; 0 = tự chọn)', portOption)
    .option('--mdns', 'tự giới thiệu trong mạng LAN để máy trạm tìm thấy (mDNS; mặc định khi nghe trên LAN)')
    .option('--no-mdns', 'không tự giới thiệu (mạng không cho phép mDNS): máy trạm nhập địa chỉ')
    .option('--data-dir <dir>', 'thư mục dữ liệu')
    .option('--json', 'in một tài liệu JSON')
    .action((options: CommonOptions & { listen?: string; port?: number; pairingPort?: number; mdns?: boolean }) =>
      run(options, async () => {
        if (options.listen !== undefined && options.listen !== 'loopback' && options.listen !== 'lan')
          throw new CliFailure('--listen nhận "loopback" hoặc "lan".', 2);
        const result = await withKiosk(options, (kiosk) =>
          makeHub(kiosk.ctx, {
            ...(options.listen ? { listen: options.listen as 'loopback' | 'lan' } : {}),
            ...(options.port === undefined ? {} : { port: options.port }),
            ...(options.pairingPort === undefined ? {} : { pairingPort: options.pairingPort }),
            ...(options.mdns === undefined ? {} : { mdns: options.mdns }),
          }),
        );
        const { state, created } = result;
        printResult(
          options,
          {
            ok: true,
            created,
            role: 'hub',
            roomId: state.roomId,
            listen: state.listen,
            port: state.port,
            pairingPort: state.pairingPort,
            mdns: announces(state),
          },
          () =>
            [
              created ? `Máy này đã là máy trung tâm của phòng đọc (mã phòng ${state.roomId}).` : 'Đã cập nhật nơi máy trung tâm nghe.',
              `Nghe trên ${state.listen === 'lan' ? 'mạng LAN' : 'chỉ máy này (loopback)'}, cổng ${state.port}, cổng ghép máy ${state.pairingPort}.`,
              announces(state)
                ? 'Máy trung tâm tự giới thiệu trong mạng LAN (mDNS): trên máy trạm, "kiosk room find" sẽ thấy nó.'
                : 'Máy trung tâm không tự giới thiệu trong mạng (mDNS tắt hoặc chỉ nghe trên máy này): máy trạm cần nhập địa chỉ.',
              'Khởi động lại kiosk trên máy này để bắt đầu phục vụ các máy trạm, rồi chạy "kiosk room pair-code" để ghép từng máy.',
            ].join('\n'),
        );
      }),
    );

  room
    .command('pair-code')
    .description('Cấp một mã ghép máy dùng một lần (trên máy trung tâm)')
    .option('--minutes <phút>', 'mã còn hiệu lực bao nhiêu phút (1–60, mặc định 10)')
    .option('--data-dir <dir>', 'thư mục dữ liệu')
    .option('--json', 'in một tài liệu JSON')
    .action((options: CommonOptions & { minutes?: string }) =>
      run(options, async () => {
        const minutes = options.minutes === undefined ? undefined : Number(options.minutes);
        if (minutes !== undefined && (!Number.isInteger(minutes) || minutes < 1 || minutes > 60))
          throw new CliFailure('--minutes nhận một số phút từ 1 đến 60.', 2);
        const result = await withKiosk(options, (kiosk) => issuePairingCode(kiosk.ctx, minutes));
        printResult(options, { ok: true, ...result }, () =>
          [
            `Mã ghép máy: ${result.code}`,
            `Dùng được một lần, đến ${result.expiresAt}.`,
            'Trên máy trạm, chạy: kiosk room join <địa chỉ máy trung tâm> <mã>',
          ].join('\n'),
        );
      }),
    );

  room
    .command('find')
    .description('Tìm các máy trung tâm tự giới thiệu trong mạng LAN (mDNS), để ghép máy này vào')
    .option('--seconds <giây>', 'nghe bao lâu (1–30, mặc định 3)')
    .option('--json', 'in một tài liệu JSON')
    .action((options: CommonOptions & { seconds?: string }) =>
      run(options, async () => {
        const seconds = options.seconds === undefined ? FIND_HUBS_MS / 1000 : Number(options.seconds);
        if (!Number.isInteger(seconds) || seconds < 1 || seconds > 30) throw new CliFailure('--seconds nhận một số giây từ 1 đến 30.', 2);
        const hubs = await findHubs({ log: createStderrLogger('warn') }, seconds * 1000);
        printResult(options, { ok: true, hubs }, () =>
          hubs.length === 0
            ? 'Không thấy máy trung tâm nào tự giới thiệu trong mạng. Hãy kiểm tra máy trung tâm đang chạy và nghe trên mạng LAN, hoặc nhập địa chỉ của nó (xem "kiosk room status" trên máy trung tâm).'
            : [
                'Các máy trung tâm trong mạng:',
                ...hubs.map((hub) => `  phòng ${hub.roomId}: ${hub.host}:${hub.pairingPort} — ghép bằng: kiosk room join ${hub.host}:${hub.pairingPort} <mã>`),
              ].join('\n'),
        );
      }),
    );

  room
    .command('join')
    .description('Ghép máy này vào phòng đọc làm máy trạm, bằng mã lấy trên máy trung tâm')
    .argument('<hub-address>', 'địa chỉ máy trung tâm, ví dụ 192.168.1.10 hoặc 192.168.1.10:47311')
    .argument('<code>', 'mã ghép máy (ví dụ ABCD-EF23)')
    .option('--name <tên>', 'tên máy này trong phòng (mặc định: tên máy tính)')
    .option('--data-dir <dir>', 'thư mục dữ liệu')
    .option('--json', 'in một tài liệu JSON')
    .action((address: string, code: string, options: CommonOptions & { name?: string }) =>
      run(options, async () => {
        const name = (options.name ?? hostname()).trim().slice(0, 60) || 'kiosk';
        const state = await withKiosk(options, (kiosk) => joinRoom(kiosk.ctx, address, code, name));
        printResult(
          options,
          { ok: true, role: 'kiosk', roomId: state.roomId, pcId: state.pcId, name: state.name, hub: state.hub },
          () =>
            `Đã ghép máy "${state.name}" vào phòng đọc: máy số ${state.pcId}, máy trung tâm ${state.hub.host}:${state.hub.port}. Khởi động lại kiosk trên máy này để bắt đầu.`,
        );
      }),
    );

  room
    .command('revoke')
    .description('Gỡ một máy trạm khỏi phòng đọc ngay lập tức (trên máy trung tâm)')
    .argument('<pc>', 'số hoặc tên máy (xem "kiosk room status")')
    .option('--data-dir <dir>', 'thư mục dữ liệu')
    .option('--json', 'in một tài liệu JSON')
    .action((which: string, options: CommonOptions) =>
      run(options, async () => {
        const pc = await withKiosk(options, async (kiosk) => revokeRoomPc(kiosk.ctx, which));
        printResult(options, { ok: true, pc }, () => `Đã gỡ máy ${pc.id} "${pc.name}" khỏi phòng đọc: máy đó không gọi được máy trung tâm nữa.`);
      }),
    );

  room
    .command('status')
    .description('Vai trò của máy này trong phòng đọc và các máy trạm')
    .option('--data-dir <dir>', 'thư mục dữ liệu')
    .option('--json', 'in một tài liệu JSON')
    .action((options: CommonOptions) =>
      run(options, async () => {
        const status = await withKiosk(options, async (kiosk) => roomStatus(kiosk.ctx));
        printResult(options, { ok: true, ...status }, () => describeStatus(status));
      }),
    );
}
