// Within one import file, a control number or an item barcode may appear once: a later unit that
// repeats one is rejected (with the number of the earlier unit), the earlier one is kept. This
// depends on the file alone, so it runs wherever the file is read (in the import or in its reader
// thread, see parallel-read.ts).
//
// The numbers seen so far are the one thing an import keeps for the whole file. A small file keeps
// them in a Map; past SPILL_AFTER numbers they move to a private temporary SQLite database (an
// empty file name: SQLite deletes it when it is closed, and keeps only a small page cache in
// memory), so reading a province's 1 GB export stays flat in memory. Exact either way: a hash table
// of fingerprints would be smaller still, but would now and then reject a good record.
import Database from 'better-sqlite3';
import type { ReadUnit } from './read-file';

/** About 20 MB of Map entries; a file with more control numbers and barcodes goes to disk. */
export const SPILL_AFTER = 200_000;

/** Numbers written to the spill database together, in one transaction. */
const SPILL_BATCH = 5_000;

/** The numbers seen so far: `c` + control number, `b` + barcode → the unit that had it first. */
class SeenNumbers {
  /** Every number while the file is small; once spilled, those not yet written to disk. */
  private readonly map = new Map<string, number>();
  private db: Database.Database | undefined;
  private find: Database.Statement<[string], { at: number }> | undefined;
  private add: Database.Statement<[string, number]> | undefined;

  constructor(private readonly spillAfter: number) {}

  at(key: string): number | undefined {
    return this.map.get(key) ?? this.find?.get(key)?.at;
  }

  remember(keys: readonly string[], at: number): void {
    for (const key of keys) if (!this.map.has(key)) this.map.set(key, at);
    if (this.map.size > (this.db ? SPILL_BATCH : this.spillAfter)) this.flush();
  }

  close(): void {
    this.db?.close();
    this.map.clear();
  }

  /** Moves the numbers in memory to the spill database, opening it the first time. */
  private flush(): void {
    if (!this.db) {
      const db = new Database('');
      // Nothing here outlives the import: no journal to keep, no need to wait for the disk.
      db.pragma('journal_mode = OFF');
      db.pragma('synchronous = OFF');
      db.pragma('cache_size = -8192'); // 8 MB of pages in memory; the rest waits on disk
      db.exec('CREATE TABLE seen (key TEXT PRIMARY KEY, at INTEGER NOT NULL) WITHOUT ROWID');
      this.add = db.prepare('INSERT OR IGNORE INTO seen (key, at) VALUES (?, ?)');
      this.find = db.prepare('SELECT at FROM seen WHERE key = ?');
      this.db = db;
    }
    const add = this.add!;
    this.db.transaction(() => {
      for (const [key, at] of this.map) add.run(key, at);
    })();
    this.map.clear();
  }
}

/** Rejects later units that repeat a control number or a barcode of an earlier unit in the same file. */
export function* rejectDuplicatesInFile(units: Iterable<ReadUnit>, spillAfter = SPILL_AFTER): Generator<ReadUnit> {
  const seen = new SeenNumbers(spillAfter);
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
