// Within one import file, a control number or an item barcode may appear once: a later unit that
// repeats one is rejected (with the number of the earlier unit), the earlier one is kept. This
// depends on the file alone, so it runs wherever the file is read (in the import or in its reader
// thread, see parallel-read.ts).
//
// The numbers seen so far are the one thing an import keeps for the whole file. A small file keeps
// them in a Map; past SPILL_AFTER numbers they move to a private SQLite database in the data
// folder's import scratch folder (keeping only a small page cache in memory), so reading a
// province's 1 GB export stays flat in memory. Exact either way: a hash table of fingerprints would
// be smaller still, but would now and then reject a good record.
//
// Why the data folder and not SQLite's own temporary file: that one goes to /var/tmp or the Windows
// temp folder, which on some commune PCs is a RAM disk or frozen (restored at every start), and
// whose free space nobody checked. The data folder is the disk the import writes to anyway.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { refused } from '../errors';
import { freeBytes, mb, storageFailureOf } from '../store/disk';
import type { ReadUnit } from './read-file';

/** About 20 MB of Map entries; a file with more control numbers and barcodes goes to disk. */
export const SPILL_AFTER = 200_000;

/** Numbers written to the spill database together, in one transaction. */
const SPILL_BATCH = 5_000;

/**
 * The spill stops, and the import is refused, when less than this is free: a 1 GB file's numbers
 * take about 200 MB on disk, and the catalogue the import writes needs its room too.
 */
export const SPILL_RESERVE_BYTES = 128 * 1024 * 1024;

/** The folder, inside the data folder, for an import's files that outlive no import. */
export const importScratchFolder = (dataDir: string) => join(dataDir, 'catalogue-import-scratch');

const SPILL_FILE = /^spill-[\w-]+\.sqlite$/;

/** At the owner's start: spill files of an import whose reader was stopped before it could delete them. */
export function removeLeftoverSpills(dataDir: string): void {
  const folder = importScratchFolder(dataDir);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) if (SPILL_FILE.test(name)) rmSync(join(folder, name), { force: true });
}

export interface SpillOptions {
  /** The import scratch folder (importScratchFolder); without it, SQLite's own temporary file (tests). */
  dir?: string | undefined;
  /** How many numbers stay in memory before they spill (tests make it small). */
  after?: number | undefined;
  /** The free space below which the spill refuses the import (tests make it large). */
  reserveBytes?: number | undefined;
}

/** Refuses the import while nothing is written yet, in a sentence staff can act on. */
function noRoom(free: number | undefined) {
  return refused(
    'import_no_space',
    `Máy không đủ chỗ trống để kiểm tra trùng lặp trong tệp lớn này${free === undefined ? '' : ` (còn ${mb(free)} MB)`}. ` +
      'Chưa có gì được nhập. Hãy xóa bớt tệp không cần trên máy (kiosk self-test cho biết cái gì chiếm chỗ) rồi nhập lại, hoặc báo kỹ thuật viên.',
    { freeMegabytes: free === undefined ? '?' : Number(mb(free)) },
  );
}

/** The numbers seen so far: `c` + control number, `b` + barcode → the unit that had it first. */
class SeenNumbers {
  /** Every number while the file is small; once spilled, those not yet written to disk. */
  private readonly map = new Map<string, number>();
  private db: Database.Database | undefined;
  private file: string | undefined;
  private find: Database.Statement<[string], { at: number }> | undefined;
  private add: Database.Statement<[string, number]> | undefined;

  constructor(private readonly spill: SpillOptions) {}

  at(key: string): number | undefined {
    return this.map.get(key) ?? this.find?.get(key)?.at;
  }

  remember(keys: readonly string[], at: number): void {
    for (const key of keys) if (!this.map.has(key)) this.map.set(key, at);
    if (this.map.size > (this.db ? SPILL_BATCH : (this.spill.after ?? SPILL_AFTER))) this.flush();
  }

  close(): void {
    this.db?.close();
    this.db = undefined;
    if (this.file) rmSync(this.file, { force: true });
    this.map.clear();
  }

  /** Moves the numbers in memory to the spill database, opening it the first time. */
  private flush(): void {
    const dir = this.spill.dir;
    if (dir !== undefined) {
      mkdirSync(dir, { recursive: true });
      const free = freeBytes(dir);
      if (free !== undefined && free < (this.spill.reserveBytes ?? SPILL_RESERVE_BYTES)) throw noRoom(free);
    }
    try {
      this.db ??= this.open(dir);
      const add = this.add!;
      this.db.transaction(() => {
        for (const [key, at] of this.map) add.run(key, at);
      })();
    } catch (error) {
      // A disk that fills while the numbers are written (a copy running beside the import).
      if (dir !== undefined && storageFailureOf(error, dir) === 'disk_full') throw noRoom(freeBytes(dir));
      throw error;
    }
    this.map.clear();
  }

  private open(dir: string | undefined): Database.Database {
    if (dir !== undefined) this.file = join(dir, `spill-${randomBytes(8).toString('hex')}.sqlite`);
    const db = new Database(this.file ?? '');
    // Nothing here outlives the import: no need to wait for the disk, and the rollback journal (a
    // batch's worth of pages) stays in memory, so the spill is one file. (OFF would be leaner, but
    // better-sqlite3 opens databases in defensive mode, which refuses it and keeps a journal file.)
    db.pragma('journal_mode = MEMORY');
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -8192'); // 8 MB of pages in memory; the rest waits on disk
    db.exec('CREATE TABLE seen (key TEXT PRIMARY KEY, at INTEGER NOT NULL) WITHOUT ROWID');
    this.add = db.prepare('INSERT OR IGNORE INTO seen (key, at) VALUES (?, ?)');
    this.find = db.prepare('SELECT at FROM seen WHERE key = ?');
    return db;
  }
}

/** Rejects later units that repeat a control number or a barcode of an earlier unit in the same file. */
export function* rejectDuplicatesInFile(units: Iterable<ReadUnit>, spill: SpillOptions = {}): Generator<ReadUnit> {
  const seen = new SeenNumbers(spill);
  try {
    for (const unit of units) {
      checkDuplicates(unit, seen);
      yield unit;
    }
  } finally {
    seen.close();
  }
}

function checkDuplicates(unit: ReadUnit, seen: SeenNumbers): void {
  if (!unit.mapped.ok) return;
  const { record } = unit.mapped;
  const label = unit.unit === 'record' ? `Bản ghi số ${unit.at}` : `Dòng ${unit.at}`;
  const earlier = unit.unit === 'record' ? 'bản ghi số' : 'dòng';
  const control = record.controlNumber ? seen.at(`c${record.controlNumber}`) : undefined;
  if (control !== undefined) {
    unit.mapped = {
      ok: false,
      problem: {
        reason: 'duplicate_in_file',
        message: `${label} trùng số kiểm soát ${record.controlNumber} với ${earlier} ${control} trong cùng tệp. Hãy giữ một bản rồi nhập lại.`,
      },
    };
    return;
  }
  for (const item of record.items) {
    const first = seen.at(`b${item.barcode}`);
    if (first === undefined) continue;
    unit.mapped = {
      ok: false,
      problem: {
        reason: 'duplicate_in_file',
        message: `${label} dùng lại mã vạch ${item.barcode} đã có ở ${earlier} ${first} trong cùng tệp. Mỗi cuốn sách cần một mã vạch riêng.`,
      },
    };
    return;
  }
  seen.remember([...(record.controlNumber ? [`c${record.controlNumber}`] : []), ...record.items.map((item) => `b${item.barcode}`)], unit.at);
}
