// The technician's self-test probes: terminal identity, last backup, printer, devices and the
// statistics upload. Each reads what its feature left (meta keys, tables, the device runtime)
// and explains in Vietnamese what to do.
import { execFileSync } from 'node:child_process';
import { formatDateTime } from '../../../common/calendar';
import type { SelfTestCheck } from '#contract/system';
import type { KioskContext } from '../context';
import { getMeta } from '../store/meta';
import { listBackups } from '../backup/daily';
import { META_IDENTITY_RESET_AT, META_TERMINAL_ID } from '../identity/identity';

const DAY_MS = 24 * 60 * 60 * 1000;

export function identityProbe(ctx: KioskContext): SelfTestCheck {
  const terminalId = getMeta(ctx.db, META_TERMINAL_ID);
  const resetAt = getMeta(ctx.db, META_IDENTITY_RESET_AT);
  if (!terminalId) return { id: 'identity', status: 'error', message: 'Máy chưa có định danh. Hãy khởi động lại kiosk.' };
  if (resetAt) {
    return {
      id: 'identity',
      status: 'warning',
      message: `Phát hiện ổ đĩa được nhân bản từ máy khác: đã tạo định danh mới (${terminalId}). Hãy đăng ký lại máy với máy chủ thống kê.`,
      detail: { terminalId, resetAt },
    };
  }
  return { id: 'identity', status: 'ok', message: `Định danh máy: ${terminalId}.`, detail: { terminalId } };
}

export function backupProbe(ctx: KioskContext): SelfTestCheck {
  const newest = listBackups(ctx.dataDir)[0];
  if (!newest) return { id: 'backup', status: 'warning', message: 'Chưa có bản sao lưu nào. Kiosk tự sao lưu mỗi ngày; có thể sao lưu ngay ở trang Sao lưu.' };
  const age = ctx.clock.now() - Date.parse(newest.at);
  const when = formatDateTime(newest.at);
  if (age > 2 * DAY_MS)
    return { id: 'backup', status: 'warning', message: `Bản sao lưu gần nhất đã cũ (${when}). Hãy kiểm tra ổ đĩa và nhật ký.`, detail: { ...newest } };
  return { id: 'backup', status: 'ok', message: `Bản sao lưu gần nhất: ${when}.`, detail: { ...newest } };
}

/** Printer names the operating system knows; `run` is injectable for tests. */
export function listPrinters(platform: NodeJS.Platform = process.platform, run: (cmd: string, args: string[]) => string = defaultRun): string[] | undefined {
  try {
    if (platform === 'win32') {
      return run('powershell.exe', ['-NoProfile', '-Command', 'Get-Printer | Select-Object -ExpandProperty Name'])
        .split(/\r?\n/)
        .map((s) => s.trim())
        .filter(Boolean);
    }
    return parseLpstat(run('lpstat', ['-e']));
  } catch {
    return undefined;
  }
}

export function parseLpstat(output: string): string[] {
  return output
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => /^[^\s/#]+$/.test(s));
}

function defaultRun(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { encoding: 'utf8', timeout: 5000, windowsHide: true, stdio: ['ignore', 'pipe', 'ignore'] });
}

export function printerCheck(wanted: string | null, enabled: boolean, printers: string[] | undefined): SelfTestCheck {
  if (!enabled) return { id: 'printer', status: 'ok', message: 'Máy in được tắt trong cấu hình (printer.enabled = false).' };
  if (printers === undefined)
    return { id: 'printer', status: 'warning', message: 'Không hỏi được hệ điều hành về máy in (chưa cài CUPS?). Hãy kiểm tra máy in bằng tay.' };
  if (printers.length === 0) return { id: 'printer', status: 'warning', message: 'Không tìm thấy máy in nào. Hãy cắm và cài máy in, rồi kiểm tra lại.' };
  if (wanted && !printers.includes(wanted)) {
    return {
      id: 'printer',
      status: 'error',
      message: `Không thấy máy in "${wanted}" đặt trong cấu hình. Máy in có: ${printers.join(', ')}. Hãy sửa printer.name.`,
      detail: { printers },
    };
  }
  return { id: 'printer', status: 'ok', message: `Có máy in: ${wanted ?? printers[0]}.`, detail: { printers } };
}

export function printerProbe(ctx: KioskContext): SelfTestCheck {
  return printerCheck(ctx.config.printer.name, ctx.config.printer.enabled, listPrinters());
}

export function devicesProbe(ctx: KioskContext): SelfTestCheck {
  const hardware = ctx.devices?.hardware;
  if (!hardware)
    return { id: 'devices', status: 'warning', message: 'Không có thông tin thiết bị: kiosk chạy không có lớp phần cứng (chế độ trình duyệt hoặc dòng lệnh).' };
  if (!hardware.available) return { id: 'devices', status: 'error', message: hardware.problem ?? 'Không nạp được thư viện thiết bị USB. Hãy cài lại kiosk.' };
  const found = hardware.status();
  if (found.length === 0)
    return { id: 'devices', status: 'warning', message: 'Không tìm thấy máy quét nào. Hãy cắm máy quét mã vạch / đầu đọc thẻ rồi kiểm tra lại.' };
  const problems = found.filter((d) => d.state !== 'connected');
  if (problems.length) {
    return {
      id: 'devices',
      status: 'warning',
      message: problems.map((d) => d.problem ?? `${d.name}: chưa kết nối.`).join(' '),
      detail: { devices: found.length, problems: problems.length },
    };
  }
  return {
    id: 'devices',
    status: 'ok',
    message: `Đã nhận ${found.length} thiết bị: ${found.map((d) => d.name).join(', ')}.`,
    detail: { devices: found.length },
  };
}
