// Detecting damage inside rows of the catalogue and patrons (migration 0076). SQLite keeps no page
// checksums by default, and its checksum VFS (cksumvfs) is a C extension that would have to be
// compiled for every target (Linux, Windows installers, Electron's ABI) and loaded before the file
// is opened; per-row hashes need nothing but SQL and this module. A row written by anyone is
// marked "to hash" by a trigger; `sealRows` hashes marked rows (SHA-256 of the row's values, in
// column order); `verifyRows` recomputes every sealed row and names those that differ.
import { createHash } from 'node:crypto';
import type { Db } from './open';

export const CHECKED_TABLES = ['records', 'patrons'] as const;
export type CheckedTable = (typeof CHECKED_TABLES)[number];

function hasRowChecks(db: Db): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'row_checks'").get() !== undefined;
}

function rowHash(row: Record<string, unknown>): string {
  const hash = createHash('sha256');
  for (const value of Object.values(row)) {
    // Type-tagged so NULL, '' and 0 differ, and blobs hash as bytes.
    if (value === null || value === undefined) hash.update('\u0000n');
    else if (Buffer.isBuffer(value)) hash.update('\u0000b').update(value);
    else hash.update(`\u0000${typeof value === 'string' ? 's' : 'i'}${String(value)}`);
  }
  return hash.digest('base64').slice(0, 22);
}

/**
 * Hashes rows marked since the last seal, in batches short enough not to hold a checkout up;
 * at most `maxBatches` of them (the timer seals one at a time, yielding in between).
 */
export function sealRows(db: Db, batch = 2000, maxBatches = Number.POSITIVE_INFINITY): number {
  if (!hasRowChecks(db)) return 0;
  let sealed = 0;
  let batches = 0;
  for (const table of CHECKED_TABLES) {
    const pending = db.prepare(`SELECT c.row_id AS id, t.* FROM row_checks c JOIN ${table} t ON t.id = c.row_id WHERE c.tbl = ? AND c.hash IS NULL LIMIT ?`);
    const seal = db.prepare('UPDATE row_checks SET hash = ? WHERE tbl = ? AND row_id = ?');
    const orphans = db.prepare(`DELETE FROM row_checks WHERE tbl = ? AND hash IS NULL AND row_id NOT IN (SELECT id FROM ${table})`);
    for (;;) {
      if (batches >= maxBatches) return sealed;
      const rows = pending.all(table, batch) as ({ id: number } & Record<string, unknown>)[];
      if (rows.length === 0) break;
      batches++;
      db.transaction(() => {
        for (const { id, ...row } of rows) seal.run(rowHash({ id, ...row }), table, id);
      })();
      sealed += rows.length;
    }
    orphans.run(table);
  }
  return sealed;
}

export interface RowDamage {
  table: CheckedTable;
  /** Row ids whose content no longer matches its hash (at most 20 listed). */
  rows: number[];
  count: number;
}

/** Recomputes every sealed row's hash; the rows that changed without going through SQL. */
export function verifyRows(db: Db): { checked: number; damaged: RowDamage[] } {
  if (!hasRowChecks(db)) return { checked: 0, damaged: [] };
  let checked = 0;
  const damaged: RowDamage[] = [];
  for (const table of CHECKED_TABLES) {
    const rows = db
      .prepare(`SELECT c.hash AS sealed, t.* FROM row_checks c JOIN ${table} t ON t.id = c.row_id WHERE c.tbl = ? AND c.hash IS NOT NULL`)
      .iterate(table) as Iterable<{ sealed: string } & Record<string, unknown>>;
    const bad: number[] = [];
    let count = 0;
    for (const { sealed, ...row } of rows) {
      checked++;
      if (rowHash(row) !== sealed) {
        count++;
        if (bad.length < 20) bad.push(row.id as number);
      }
    }
    if (count > 0) damaged.push({ table, rows: bad, count });
  }
  return { checked, damaged };
}
