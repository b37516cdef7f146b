// The self-test a technician runs on site: each check says ok / warning / error in Vietnamese.
// Every check is listed here, in the order of the report: a feature with something to check adds
// its probe to SELF_TEST (no registration by import side effect).
import { localInstant } from '../../../common/calendar';
import { accessSync, constants, statSync } from 'node:fs';
import { mb, storageFailureOf } from '../store/disk';
import { reclaimAdvice, spaceReport, type SpaceReport } from '../store/space';
import { rowsProbe } from '../store/housekeeping';
import type { SelfTestCheck, SelfTestReport } from '#contract/system';
import type { KioskContext } from '../context';
import { BUILD_DATE, VERSION } from '../version';
import { latestVersion } from '../store/migrations';
import { backupProbe, devicesProbe, identityProbe, printerProbe } from '../technician/probes';

export type SelfTestProbe = (ctx: KioskContext) => SelfTestCheck | Promise<SelfTestCheck>;

function databaseCheck(ctx: KioskContext): SelfTestCheck {
  let rows: { quick_check: string }[];
  try {
    rows = ctx.db.pragma('quick_check') as { quick_check: string }[];
  } catch (error) {
    // A check that could not run for lack of space or an I/O failure says nothing about the data.
    const failure = storageFailureOf(error, ctx.dataDir);
    if (!failure) throw error;
    const report = spaceReport(ctx);
    return {
      id: 'database',
      status: 'error',
      message:
        failure === 'disk_full'
          ? `Không kiểm tra hay ghi được cơ sở dữ liệu vì ổ đĩa đã đầy (còn ${mb(report.freeBytes ?? 0)} MB). Dữ liệu đã lưu không bị hỏng: đừng khôi phục bản sao lưu. ${reclaimAdvice(report)}`
          : 'Không đọc được ổ đĩa để kiểm tra cơ sở dữ liệu (lỗi vào/ra). Điều này không có nghĩa dữ liệu bị hỏng: đừng khôi phục bản sao lưu; hãy kiểm tra ổ đĩa.',
      detail: { reason: failure, freeBytes: report.freeBytes },
    };
  }
  const ok = rows.length === 1 && rows[0]!.quick_check === 'ok';
  const version = ctx.db.pragma('user_version', { simple: true }) as number;
  const bytes = statSync(ctx.db.name).size + safeSize(`${ctx.db.name}-wal`);
  return ok
    ? {
        id: 'database',
        status: 'ok',
        message: `Cơ sở dữ liệu nguyên vẹn (lược đồ ${version}, ${(bytes / 1048576).toFixed(1)} MB).`,
        detail: { version, bytes, latest: latestVersion() },
      }
    : {
        id: 'database',
        status: 'error',
        message: 'Cơ sở dữ liệu có lỗi toàn vẹn. Hãy khôi phục bản sao lưu gần nhất (kiosk db restore).',
        detail: { version, bytes },
      };
}

/** Below this the kiosk cannot take its next write: an error, not a warning. */
const FULL_BYTES = 4 * 1024 * 1024;

function diskCheck(ctx: KioskContext): SelfTestCheck {
  return diskCheckOf(spaceReport(ctx));
}

/** The disk check from a space report: also what the CLI reports when a full disk kept the kiosk from opening. */
export function diskCheckOf(report: SpaceReport): SelfTestCheck {
  const free = report.freeBytes ?? 0;
  const detail = { freeBytes: report.freeBytes, thresholdBytes: report.thresholdBytes, reclaimable: report.reclaimable };
  if (free < FULL_BYTES) {
    return {
      id: 'disk',
      status: 'error',
      message: `Ổ đĩa đã đầy: chỉ còn ${mb(free)} MB nên kiosk không lưu được mượn trả hay phiên Internet. ${reclaimAdvice(report)}`,
      detail,
    };
  }
  if (report.low) {
    return {
      id: 'disk',
      status: 'warning',
      message: `Ổ đĩa sắp đầy: còn ${mb(free)} MB, dưới mức cảnh báo ${mb(report.thresholdBytes)} MB (${report.configured ? 'đặt trong cấu hình, storage.warnBelowMegabytes' : 'một tuần dùng cộng một bản sao lưu'}). ${reclaimAdvice(report)}`,
      detail,
    };
  }
  return { id: 'disk', status: 'ok', message: `Ổ đĩa còn trống ${(free / 1073741824).toFixed(1)} GB.`, detail };
}

function dataDirCheck(ctx: KioskContext): SelfTestCheck {
  try {
    accessSync(ctx.dataDir, constants.W_OK);
    return { id: 'data-dir', status: 'ok', message: 'Thư mục dữ liệu ghi được.', detail: { dataDir: ctx.dataDir } };
  } catch {
    return {
      id: 'data-dir',
      status: 'error',
      message: 'Không ghi được vào thư mục dữ liệu. Hãy kiểm tra quyền của tài khoản chạy kiosk.',
      detail: { dataDir: ctx.dataDir },
    };
  }
}

function configCheck(ctx: KioskContext): SelfTestCheck {
  if (ctx.mode === 'misconfigured') {
    return {
      id: 'config',
      status: 'error',
      message: `Tệp cấu hình có ${ctx.configProblems.length} lỗi. Chạy "kiosk config validate" để xem chi tiết.`,
      detail: { file: ctx.configFile, problems: ctx.configProblems },
    };
  }
  if (ctx.mode === 'demo')
    return { id: 'config', status: 'warning', message: 'Chưa có tệp cấu hình: kiosk đang chạy với dữ liệu mẫu.', detail: { file: ctx.configFile } };
  return { id: 'config', status: 'ok', message: 'Tệp cấu hình hợp lệ.', detail: { file: ctx.configFile } };
}

function clockCheck(ctx: KioskContext): SelfTestCheck {
  const now = ctx.clock.now();
  if (now < localInstant(BUILD_DATE)) {
    return {
      id: 'clock',
      status: 'error',
      message: `Đồng hồ máy đang chỉ ${new Date(now).toISOString()}, sớm hơn ngày phát hành phần mềm. Hãy chỉnh lại ngày giờ (pin CMOS có thể đã hết).`,
      detail: { now },
    };
  }
  return { id: 'clock', status: 'ok', message: 'Đồng hồ máy hợp lý.', detail: { now: new Date(now).toISOString() } };
}

const SELF_TEST: readonly SelfTestProbe[] = [
  databaseCheck,
  dataDirCheck,
  diskCheck,
  configCheck,
  clockCheck,
  identityProbe,
  backupProbe,
  printerProbe,
  devicesProbe,
  rowsProbe,
];

export async function runSelfTest(ctx: KioskContext): Promise<SelfTestReport> {
  const checks: SelfTestCheck[] = [];
  for (const probe of SELF_TEST) {
    try {
      checks.push(await probe(ctx));
    } catch (error) {
      checks.push({ id: probe.name || 'probe', status: 'error', message: `Không chạy được bước kiểm tra: ${(error as Error).message}` });
    }
  }
  return {
    ok: checks.every((c) => c.status !== 'error'),
    at: new Date(ctx.clock.now()).toISOString(),
    version: VERSION,
    dataDir: ctx.dataDir,
    checks,
  };
}

function safeSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
