// Opening the kiosk database safely: a corrupt or too-new file is refused before anything writes
// to it (no WAL switch, no migration), so a technician can still recover it untouched.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { KioskError } from '../errors';
import { storageError, storageFailureOf } from './disk';
import { latestVersion, loadMigrations, migrate, pendingMigrations } from './migrations';
import { configureWal } from './wal';

export type Db = Database.Database;

export const DATABASE_FILE = 'kiosk.sqlite';

export class StoreRefusedError extends KioskError {
  constructor(reason: 'corrupt' | 'too_new' | 'not_kiosk', message: string) {
    super('unavailable', message, { reason });
    this.name = 'StoreRefusedError';
  }
}

/** Checks an existing file read-only: integrity and schema version. Throws StoreRefusedError. */
export function inspectDatabase(file: string): { version: number } {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const rows = db.pragma('quick_check') as { quick_check: string }[];
    if (rows.length !== 1 || rows[0]!.quick_check !== 'ok') throw corrupt(file);
    const version = db.pragma('user_version', { simple: true }) as number;
    const known = new Set(loadMigrations().map((m) => m.name));
    if (version > latestVersion()) {
      throw new StoreRefusedError(
        'too_new',
        `Cơ sở dữ liệu ${file} được tạo bởi phiên bản kiosk mới hơn (lược đồ ${version}, phiên bản này chỉ hiểu tới ${latestVersion()}). ` +
          'Hãy cài phiên bản kiosk mới nhất; tệp dữ liệu được giữ nguyên.',
      );
    }
    // Feature migrations are numbered in ranges, so a newer kiosk may have added one below our
    // highest number: the recorded names tell what the version number cannot.
    const unknown = recordedMigrations(db).filter((name) => !known.has(name));
    if (unknown.length > 0) {
      throw new StoreRefusedError(
        'too_new',
        `Cơ sở dữ liệu ${file} được tạo bởi phiên bản kiosk mới hơn (có bước cập nhật lược đồ mà phiên bản này không biết: ${unknown.join(', ')}). ` +
          'Hãy cài phiên bản kiosk mới nhất; tệp dữ liệu được giữ nguyên.',
      );
    }
    return { version };
  } catch (error) {
    if (error instanceof StoreRefusedError) throw error;
    // A full disk or an I/O failure (the -shm file cannot be created, a read fails) says nothing
    // about the data: never call it corrupt, or a technician may restore an old backup over it.
    const failure = storageFailureOf(error, dirname(file));
    if (failure) throw storageError(failure, dirname(file));
    if (error instanceof Database.SqliteError || (error as { code?: string }).code?.startsWith('SQLITE_')) throw corrupt(file);
    throw error;
  } finally {
    db?.close();
  }
}

function recordedMigrations(db: Database.Database): string[] {
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get() !== undefined;
  return hasTable ? (db.prepare('SELECT name FROM schema_migrations').pluck().all() as string[]) : [];
}

function corrupt(file: string): StoreRefusedError {
  return new StoreRefusedError(
    'corrupt',
    `Tệp dữ liệu ${file} bị hỏng nên kiosk không mở để tránh mất thêm dữ liệu. ` +
      'Tệp được giữ nguyên. Hãy khôi phục bản sao lưu gần nhất bằng "kiosk db restore TỆP" hoặc báo kỹ thuật viên.',
  );
}

export interface OpenOptions {
  /** Open without migrating or writing (diagnostics). */
  readonly?: boolean;
  /**
   * Another process owns the data folder (store/owner.ts): never migrate under its feet; a schema
   * this process would change is refused instead.
   */
  guest?: boolean;
}

/**
 * Opens (creating if needed) and migrates the database. WAL lets readers run beside the writer;
 * synchronous=FULL on every commit because most writes here record something a resident was
 * told happened (a loan, a return), and a commune PC loses power often.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const exists = existsSync(file) && statSync(file).size > 0;
  if (exists) inspectDatabase(file);
  else if (options.readonly) throw new KioskError('not_found', `Không tìm thấy tệp dữ liệu ${file}.`);
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, options.readonly ? { readonly: true } : {});
  try {
    configureConnection(db);
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      configureWal(db);
      if (options.guest) refuseGuestMigration(db, file);
      else migrate(db);
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function configureConnection(db: Db): void {
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  // Statement journals (a multi-row insert keeps one for its foreign keys) and sorts stay in
  // memory instead of temporary files: a bulk catalogue import wrote thousands of them.
  db.pragma('temp_store = MEMORY');
}

/**
 * A second read-write connection to a database this process already opened (and migrated), for a
 * worker thread that writes on its own: the same settings, no checks, no migration.
 */
export function openWorkerConnection(file: string): Db {
  const db = new Database(file, { fileMustExist: true });
  try {
    configureConnection(db);
    db.pragma('synchronous = FULL');
    configureWal(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function refuseGuestMigration(db: Db, file: string): void {
  const pending = pendingMigrations(db);
  if (pending.length === 0) return;
  throw new KioskError(
    'refused',
    `Cơ sở dữ liệu ${file} cần được nâng cấp (${pending.length} bước) nhưng đang có một kiosk khác chạy trên thư mục này. ` +
      'Hãy tắt kiosk đang chạy rồi chạy lại lệnh, để việc nâng cấp không xảy ra dưới tay nó.',
    { reason: 'data_dir_owned' },
  );
}
