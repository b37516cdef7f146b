// The first-run wizard's core: turns a demo kiosk into a real one. The new configuration and a
// fresh database (with the first technician and staff accounts) are staged in
// <target>/setup-pending/; at the next start `applyPendingSetup` moves the demo data aside and
// puts the staged files in place, so a running kiosk never swaps its database underneath itself.
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { z } from 'zod';
import type { setupRequest } from '#contract/technician';
import { CONFIG_FILE } from '../config/load';
import { defaultDataDir, demoDataDir } from '../config/data-dir';
import { kioskConfigSchema } from '../config/schema';
import type { KioskContext } from '../context';
import { KioskError } from '../errors';
import { hashPin } from '../staff/pin';
import { setMeta } from '../store/meta';
import { DATABASE_FILE, openDatabase } from '../store/open';

export const PENDING_DIR = 'setup-pending';

/** Where the real kiosk will live: the default folder when the demo ran from <default>/demo, else the same folder. */
export function setupTarget(dataDir: string, defaultDir: string = defaultDataDir()): string {
  return resolve(dataDir) === resolve(demoDataDir(defaultDir)) ? defaultDir : dataDir;
}

/** A PIN a passer-by would guess first (1111, 1234, 9876): refused for real accounts. */
export function pinProblem(pin: string, minLength: number): string | undefined {
  if (!/^\d+$/.test(pin) || pin.length < minLength || pin.length > 12) return `Mã PIN phải gồm ${minLength}–12 chữ số.`;
  const digits = [...pin].map(Number);
  const same = digits.every((d) => d === digits[0]);
  const up = digits.every((d, i) => i === 0 || d === (digits[i - 1]! + 1) % 10);
  const down = digits.every((d, i) => i === 0 || d === (digits[i - 1]! + 9) % 10);
  if (same || up || down) return 'Mã PIN quá dễ đoán (các số giống nhau hoặc liên tiếp). Hãy chọn mã PIN khác.';
  return undefined;
}

type SetupRequest = z.output<typeof setupRequest>;

export async function stageSetup(ctx: KioskContext, request: SetupRequest, defaultDir?: string): Promise<{ configFile: string; target: string }> {
  if (ctx.mode !== 'demo') {
    throw new KioskError('refused', 'Kiosk này đã được cấu hình. Để sửa cấu hình, hãy sửa tệp kiosk.config.json rồi khởi động lại kiosk.', {
      reason: 'already_configured',
    });
  }
  const minLength = ctx.config.staff.pinMinLength;
  const problems: string[] = [];
  const technicianPin = pinProblem(request.technicianPin, minLength);
  if (technicianPin) problems.push(`Kỹ thuật viên: ${technicianPin}`);
  const wantsStaff = request.staffCard !== undefined || request.staffPin !== undefined || request.staffName !== undefined;
  if (wantsStaff) {
    if (!request.staffCard || !request.staffPin || !request.staffName) problems.push('Cán bộ: hãy nhập đủ số thẻ, họ tên và mã PIN, hoặc để trống cả ba.');
    else {
      const staffPin = pinProblem(request.staffPin, minLength);
      if (staffPin) problems.push(`Cán bộ: ${staffPin}`);
      if (request.staffCard.toUpperCase() === request.technicianCard.toUpperCase()) problems.push('Thẻ cán bộ phải khác thẻ kỹ thuật viên.');
    }
  }
  if (problems.length) throw new KioskError('refused', `${problems.join(' ')}`, { reason: 'setup_invalid' });

  const chosen = {
    library: { name: request.libraryName, communeCode: request.communeCode, ...(request.address ? { address: request.address } : {}) },
    language: request.language,
    ...(request.openingHours ? { internet: { openingHours: request.openingHours } } : {}),
  };
  const parsed = kioskConfigSchema.safeParse(chosen);
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => `${issue.path.map(String).join('.')}: ${issue.message}`).join('; ');
    throw new KioskError('refused', `Cấu hình chưa hợp lệ (${details}). Hãy sửa các mục này rồi gửi lại.`, { reason: 'setup_invalid' });
  }
  const target = setupTarget(ctx.dataDir, defaultDir);
  if (existsSync(join(target, CONFIG_FILE))) {
    throw new KioskError('refused', `Đã có tệp cấu hình trong ${target}. Hãy xóa hoặc đổi tên tệp đó trước, hoặc khởi động kiosk với thư mục dữ liệu đó.`, {
      reason: 'config_exists',
    });
  }
  const pending = join(target, PENDING_DIR);
  rmSync(pending, { recursive: true, force: true });
  mkdirSync(pending, { recursive: true });
  const db = openDatabase(join(pending, DATABASE_FILE));
  try {
    const now = new Date(ctx.clock.now()).toISOString();
    const accounts = [{ card: request.technicianCard, name: request.technicianName, role: 'technician', pin: request.technicianPin }];
    if (request.staffCard && request.staffName && request.staffPin)
      accounts.push({ card: request.staffCard, name: request.staffName, role: 'staff', pin: request.staffPin });
    const hashed = await Promise.all(accounts.map(async (a) => ({ ...a, hash: await hashPin(a.pin) })));
    db.transaction(() => {
      const insert = db.prepare('INSERT INTO staff (card_number, display_name, role, pin_hash, created_at) VALUES (?, ?, ?, ?, ?)');
      for (const a of hashed) insert.run(a.card.toUpperCase(), a.name, a.role, a.hash, now);
      setMeta(db, 'configured_at', now);
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  // Only what the technician chose: every other section keeps this version's defaults.
  writeFileSync(join(pending, CONFIG_FILE), `${JSON.stringify(chosen, null, 2)}\n`);
  ctx.log.log('info', 'setup.staged', { sameFolder: target === ctx.dataDir });
  return { configFile: join(target, CONFIG_FILE), target };
}

/** At start, before the database opens: moves a staged setup into place (demo data kept aside). */
export function applyPendingSetup(dataDir: string, now: number): boolean {
  const pending = join(dataDir, PENDING_DIR);
  if (!existsSync(join(pending, CONFIG_FILE))) return false;
  // The database goes first; if power is cut after it, the next start finds only the config left to move.
  if (existsSync(join(pending, DATABASE_FILE))) {
    const archive = join(dataDir, `demo-archive-${new Date(now).toISOString().replace(/[:.]/g, '-')}`);
    for (const name of [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`, CONFIG_FILE]) {
      if (!existsSync(join(dataDir, name))) continue;
      mkdirSync(archive, { recursive: true });
      renameSync(join(dataDir, name), join(archive, name));
    }
    for (const suffix of ['-wal', '-shm']) rmSync(join(pending, DATABASE_FILE + suffix), { force: true });
    renameSync(join(pending, DATABASE_FILE), join(dataDir, DATABASE_FILE));
  }
  // The configuration goes last: a power cut before this leaves a kiosk that still starts (as demo).
  renameSync(join(pending, CONFIG_FILE), join(dataDir, CONFIG_FILE));
  rmSync(pending, { recursive: true, force: true });
  return true;
}
