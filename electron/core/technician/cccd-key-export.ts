// Moving a kiosk to a new PC: the technician exports the CCCD key (sealed with a passphrase) onto a
// USB stick and imports it on the new PC, so residents registered with their CCCD are still
// recognised there. The database and its backups never carry the key (patrons/cccd-key.ts).
import { renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KioskContext } from '../context';
import { KioskError } from '../errors';
import { checkWritableFolder } from '../logs/diagnostics';
import { exportCccdKey } from '../patrons/cccd-key';
import { SEALED_SUFFIX } from '../security/sealed';
import { recordEvent } from '../store/event-types';
import type { StaffMember } from '#contract/staff';

export const CCCD_KEY_EXPORT_NAME = `kiosk-khoa-cccd${SEALED_SUFFIX}`;

/** Writes a file into a folder on removable media: under a temporary name, renamed when complete. */
export function writeIntoFolder(destination: string, name: string, bytes: Buffer): { file: string; bytes: number } {
  checkWritableFolder(destination);
  const file = join(destination, name);
  try {
    writeFileSync(`${file}.partial`, bytes, { mode: 0o600 });
    renameSync(`${file}.partial`, file);
  } catch (error) {
    rmSync(`${file}.partial`, { force: true });
    throw new KioskError(
      'refused',
      `Không ghi được vào ${destination}: ${(error as Error).message}. Hãy kiểm tra USB (còn chỗ trống, không khóa ghi) rồi thử lại.`,
      { reason: 'export_failed' },
    );
  }
  return { file, bytes: statSync(file).size };
}

export function exportCccdKeyTo(ctx: KioskContext, technician: StaffMember, destination: string, passphrase: string): { file: string; bytes: number } {
  const sealed = exportCccdKey(ctx.keys, passphrase);
  const result = writeIntoFolder(destination, CCCD_KEY_EXPORT_NAME, sealed);
  ctx.db.transaction(() => recordEvent(ctx.db, ctx.clock, 'staff.action', { staffId: technician.id, action: 'cccd_key.exported', target: null }))();
  ctx.log.log('info', 'cccd_key.exported', { staffId: technician.id });
  return result;
}
