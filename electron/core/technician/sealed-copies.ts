// Copies that leave the PC on a USB stick — a database backup, the diagnostics bundle — are sealed
// with the technician's passphrase (security/sealed.ts: scrypt + AES-256-GCM) before a single byte
// reaches the stick: a lost stick names no resident. The plain bytes only ever exist in the data
// folder (the backup) or a private temporary folder (the bundle, removed at once).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KioskContext } from '../context';
import { KioskError } from '../errors';
import { backupDir, listBackups } from '../backup/daily';
import { checkWritableFolder } from '../logs/diagnostics';
import { SEALED_SUFFIX, seal } from '../security/sealed';
import { writeIntoFolder } from './cccd-key-export';

export function exportSealedBackup(ctx: KioskContext, name: string, destination: string, passphrase: string): { file: string; bytes: number } {
  const backup = listBackups(ctx.dataDir).find((entry) => entry.name === name);
  if (!backup) throw new KioskError('not_found', `Không có bản sao lưu ${name}. Hãy chọn lại trong danh sách.`, { reason: 'backup_missing' });
  checkWritableFolder(destination);
  const sealed = seal(readFileSync(join(backupDir(ctx.dataDir), name)), passphrase);
  const result = writeIntoFolder(destination, `${name}${SEALED_SUFFIX}`, sealed);
  ctx.log.log('info', 'backup.exported', { bytes: result.bytes, sealed: true });
  return result;
}

/** Builds the bundle in a private temporary folder, seals it into `destination`, and removes the plain one. */
export async function exportSealedDiagnostics(
  destination: string,
  passphrase: string,
  build: (folder: string) => Promise<{ file: string }>,
): Promise<{ file: string; bytes: number }> {
  checkWritableFolder(destination);
  // Refuses a weak passphrase before the bundle is built.
  seal(Buffer.alloc(0), passphrase);
  const work = mkdtempSync(join(tmpdir(), 'kiosk-diagnostics-'));
  try {
    const { file } = await build(work);
    const name = file.slice(work.length + 1);
    return writeIntoFolder(destination, `${name}${SEALED_SUFFIX}`, seal(readFileSync(file), passphrase));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
