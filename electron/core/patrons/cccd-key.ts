// The CCCD HMAC key's life: created in the key vault on first use, never in kiosk.sqlite. Kiosks
// from before kept it in `meta.cccd_hmac_key`, so every database and backup they wrote could
// confirm a CCCD number by brute force (10^6 candidates per resident once birth year and gender
// are known). At start the key is moved into the vault, deleted from the database with
// secure_delete (its bytes are overwritten, the WAL truncated) and scrubbed from the backups in
// <dataDir>/backups; migration 0025 refuses it in `meta` from then on. A technician moving the
// kiosk to a new PC exports it sealed with a passphrase and imports it there.
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BACKUP_DIR } from '../backup/rotation';
import { KioskError } from '../errors';
import type { Logger } from '../log';
import type { KeyVault } from '../security/key-vault';
import { seal, unseal } from '../security/sealed';
import type { Db } from '../store/open';

export const CCCD_KEY_NAME = 'cccd-hmac';
/** The key a kiosk held before it was moved out of the database (kept, never used, after a conflicting restore). */
export const REPLACED_KEY_NAME = 'cccd-hmac-replaced';
export const LEGACY_META_KEY = 'cccd_hmac_key';
const EXPORT_HEADER = 'commune-kiosk cccd-hmac v1\n';

function deleteLegacyKey(db: Db): void {
  // secure_delete overwrites the deleted row's bytes in the page instead of leaving them in free space.
  db.pragma('secure_delete = ON');
  db.prepare('DELETE FROM meta WHERE key = ?').run(LEGACY_META_KEY);
  db.pragma('secure_delete = OFF');
}

function legacyKeyIn(db: Db): Buffer | undefined {
  const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get();
  if (!hasMeta) return undefined;
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(LEGACY_META_KEY) as { value: string } | undefined;
  return row ? Buffer.from(row.value, 'base64') : undefined;
}

/** Moves a key found in the database into the vault; the database's key wins (its hashes were made with it). */
export function moveCccdKeyOutOfDatabase(db: Db, vault: KeyVault, log: Logger): boolean {
  const legacy = legacyKeyIn(db);
  if (!legacy) return false;
  const current = vault.load(CCCD_KEY_NAME);
  if (current && !current.equals(legacy)) {
    vault.save(REPLACED_KEY_NAME, current);
    log.log('warn', 'cccd_key.replaced_by_restored_database', { where: vault.where });
  }
  if (!current || !current.equals(legacy)) vault.save(CCCD_KEY_NAME, legacy);
  db.transaction(() => deleteLegacyKey(db)).immediate();
  db.pragma('wal_checkpoint(TRUNCATE)');
  log.log('info', 'cccd_key.moved_out_of_database', { where: vault.where });
  return true;
}

function sqliteFilesUnder(dir: string, depth = 2): string[] {
  if (!existsSync(dir) || depth < 0) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sqliteFilesUnder(path, depth - 1);
    return name.endsWith('.sqlite') ? [path] : [];
  });
}

/** Deletes the key from every backup kept on this PC (daily backups and databases set aside by a restore). */
export function scrubCccdKeyFromBackups(dataDir: string, log: Logger): number {
  let scrubbed = 0;
  for (const file of sqliteFilesUnder(join(dataDir, BACKUP_DIR))) {
    let db: Database.Database | undefined;
    try {
      db = new Database(file, { fileMustExist: true });
      if (!legacyKeyIn(db)) continue;
      deleteLegacyKey(db);
      db.pragma('wal_checkpoint(TRUNCATE)');
      scrubbed += 1;
    } catch (error) {
      log.log('warn', 'cccd_key.scrub_failed', { file, error: (error as Error).message.slice(0, 200) });
    } finally {
      db?.close();
    }
  }
  if (scrubbed) log.log('info', 'cccd_key.scrubbed_from_backups', { files: scrubbed });
  return scrubbed;
}

/** The kiosk's key, created in the vault the first time a CCCD is hashed. */
export function cccdKey(vault: KeyVault): Buffer {
  const existing = vault.load(CCCD_KEY_NAME);
  if (existing) return existing;
  const key = randomBytes(32);
  vault.save(CCCD_KEY_NAME, key);
  return key;
}

/** The key sealed with the technician's passphrase, for moving the kiosk to a new PC. */
export function exportCccdKey(vault: KeyVault, passphrase: string): Buffer {
  const key = vault.load(CCCD_KEY_NAME);
  if (!key) throw new KioskError('not_found', 'Kiosk này chưa có khóa CCCD (chưa ai đăng ký bằng CCCD), nên không có gì để xuất.', { reason: 'no_cccd_key' });
  return seal(Buffer.from(`${EXPORT_HEADER}${key.toString('base64')}\n`, 'utf8'), passphrase);
}

/** Installs an exported key; refuses to replace a different key already in use unless `replace`. */
export function importCccdKey(vault: KeyVault, sealed: Buffer, passphrase: string, replace = false): { replaced: boolean } {
  const text = unseal(sealed, passphrase).toString('utf8');
  if (!text.startsWith(EXPORT_HEADER))
    throw new KioskError('refused', 'Tệp này không phải khóa CCCD xuất từ kiosk. Hãy chọn đúng tệp.', { reason: 'not_cccd_key' });
  const key = Buffer.from(text.slice(EXPORT_HEADER.length).trim(), 'base64');
  if (key.length !== 32) throw new KioskError('refused', 'Khóa CCCD trong tệp bị hỏng. Hãy xuất lại từ máy cũ.', { reason: 'not_cccd_key' });
  const current = vault.load(CCCD_KEY_NAME);
  if (current?.equals(key)) return { replaced: false };
  if (current && !replace) {
    throw new KioskError(
      'refused',
      'Máy này đã có một khóa CCCD khác. Nếu chắc chắn muốn thay, hãy chạy lại với --replace; cư dân đã đăng ký bằng CCCD trên máy này sẽ phải quét lại thẻ thư viện.',
      { reason: 'cccd_key_exists' },
    );
  }
  if (current) vault.save(REPLACED_KEY_NAME, current);
  vault.save(CCCD_KEY_NAME, key);
  return { replaced: current !== undefined };
}
