// The self-test a technician runs on site: each check says ok / warning / error in Vietnamese.
// Every check is listed here, in the order of the report: a feature with something to check adds
// its probe to SELF_TEST (no registration by import side effect).
import { localInstant } from '../../../common/calendar';
import { accessSync, constants, statSync, statfsSync } from 'node:fs';
import type { SelfTestCheck, SelfTestReport } from '../../contract/system';
import type { KioskContext } from '../context';
import { BUILD_DATE, VERSION } from '../version';
import { latestVersion } from '../store/migrations';
import { backupProbe, devicesProbe, identityProbe, printerProbe } from '../technician/probes';

export type SelfTestProbe = (ctx: KioskContext) => SelfTestCheck | Promise<SelfTestCheck>;

const LOW_DISK_BYTES = 500 * 1024 * 1024;

function databaseCheck(ctx: KioskContext): SelfTestCheck {
  const rows = ctx.db.pragma('quick_check') as { quick_check: string }[];
  const ok = rows.length === 1 && rows[0]!.quick_check === 'ok';
  const version = ctx.db.pragma('user_version', { simple: true }) as number;
  const bytes = statSync(ctx.db.name).size + (safeSize(`${ctx.db.name}-wal`));
  return ok
    ? { id: 'database', status: 'ok', message: `Cơ sở dữ liệu nguyên vẹn (lược đồ ${version}, ${(bytes / 1048576).toFixed(1)} MB).`, detail: { version, bytes, latest: latestVersion() } }
    : { id: 'database', status: 'error', message: 'Cơ sở dữ liệu có lỗi toàn vẹn. Hãy khôi phục bản sao lưu gần nhất (kiosk db restore).', detail: { version, bytes } };
}

function diskCheck(ctx: KioskContext): SelfTestCheck {
  const fs = statfsSync(ctx.dataDir);
  const free = fs.bavail * fs.bsize;
  const detail = { freeBytes: free };
  if (free < LOW_DISK_BYTES) return { id: 'disk', status: 'warning', message: `Ổ đĩa sắp đầy: chỉ còn ${(free / 1048576).toFixed(0)} MB. Hãy xóa bớt tệp hoặc gói tài liệu cũ.`, detail };
  return { id: 'disk', status: 'ok', message: `Ổ đĩa còn trống ${(free / 1073741824).toFixed(1)} GB.`, detail };
}

function dataDirCheck(ctx: KioskContext): SelfTestCheck {
  try {
    accessSync(ctx.dataDir, constants.W_OK);
    return { id: 'data-dir', status: 'ok', message: 'Thư mục dữ liệu ghi được.', detail: { dataDir: ctx.dataDir } };
  } catch {
    return { id: 'data-dir', status: 'error', message: 'Không ghi được vào thư mục dữ liệu. Hãy kiểm tra quyền của tài khoản chạy kiosk.', detail: { dataDir: ctx.dataDir } };
  }
}

function configCheck(ctx: KioskContext): SelfTestCheck {
  if (ctx.mode === 'misconfigured') {
    return { id: 'config', status: 'error', message: `Tệp cấu hình có ${ctx.configProblems.length} lỗi. Chạy "kiosk config validate" để xem chi tiết.`, detail: { file: ctx.configFile, problems: ctx.configProblems } };
  }
  if (ctx.mode === 'demo') return { id: 'config', status: 'warning', message: 'Chưa có tệp cấu hình: kiosk đang chạy với dữ liệu mẫu.', detail: { file: ctx.configFile } };
  return { id: 'config', status: 'ok', message: 'Tệp cấu hình hợp lệ.', detail: { file: ctx.configFile } };
}

function clockCheck(ctx: KioskContext): SelfTestCheck {
  const now = ctx.clock.now();
  if (now < localInstant(BUILD_DATE)) {
    return { id: 'clock', status: 'error', message: `Đồng hồ máy đang chỉ ${new Date(now).toISOString()}, sớm hơn ngày phát hành phần mềm. Hãy chỉnh lại ngày giờ (pin CMOS có thể đã hết).`, detail: { now } };
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
