// The collector's default store: one SQLite file (better-sqlite3), zero set-up, fine for a
// province of a few hundred terminals. Same behaviour as the PostgreSQL store, same tests.
import Database from 'better-sqlite3';
import { migratePortal, portalStore, type Exec } from './portal';
import { COLUMNS, planUpload, upgradeStatements, TERMINAL_SELECT, indicatorColumns, toCommuneSums, toCommuneTotals, toDayTotals, toTerminal } from './sql';
import type { ApplyResult, AuthRow, CollectorStore, CommuneTotals, NewTerminal, RedeemResult, StoredDay } from './types';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS communes (
  code TEXT PRIMARY KEY, name TEXT NOT NULL, province_code TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS terminals (
  id TEXT PRIMARY KEY,
  commune_code TEXT NOT NULL REFERENCES communes (code),
  name TEXT NOT NULL,
  kiosk_id TEXT,
  secret_hash TEXT,
  enrol_code_hash TEXT UNIQUE,
  enrol_expires_at TEXT,
  created_at TEXT NOT NULL,
  enrolled_at TEXT,
  revoked_at TEXT,
  last_seen_at TEXT,
  last_software TEXT
);
CREATE TABLE IF NOT EXISTS day_figures (
  terminal_id TEXT NOT NULL REFERENCES terminals (id),
  day TEXT NOT NULL,
  commune_code TEXT NOT NULL,
  revision INTEGER NOT NULL,
  digest TEXT NOT NULL,
  received_at TEXT NOT NULL,
  figures TEXT NOT NULL,
  ${COLUMNS.map((c) => `${c} INTEGER NOT NULL DEFAULT 0`).join(',\n  ')},
  PRIMARY KEY (terminal_id, day)
);
CREATE INDEX IF NOT EXISTS day_figures_commune_day ON day_figures (commune_code, day);
`;

export function openSqliteStore(file: string, options: { keySecret?: Buffer } = {}): CollectorStore {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');

  const terminal = (id: string) => {
    const row = db.prepare(`${TERMINAL_SELECT} WHERE t.id = ?`).get(id) as Record<string, unknown> | undefined;
    return row && toTerminal(row);
  };

  const upsert = () =>
    db.prepare(
      `INSERT INTO day_figures (terminal_id, day, commune_code, revision, digest, received_at, figures, ${COLUMNS.join(', ')})
       VALUES (?, ?, ?, ?, ?, ?, ?, ${COLUMNS.map(() => '?').join(', ')})
       ON CONFLICT (terminal_id, day) DO UPDATE SET commune_code = excluded.commune_code, revision = excluded.revision, digest = excluded.digest,
         received_at = excluded.received_at, figures = excluded.figures, ${COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')}`,
    );

  // The portal's shared SQL uses $n parameters; SQLite numbers them ?n.
  // better-sqlite3 binds ?n from an object keyed by n.
  const numbered = (sql: string) => sql.replace(/\$(\d+)/g, '?$1');
  const bind = (params: unknown[]) => Object.fromEntries(params.map((v, i) => [i + 1, v]));
  const exec: Exec = {
    async all(sql, params = []) {
      return db.prepare(numbered(sql)).all(bind(params)) as Record<string, unknown>[];
    },
    async run(sql, params = []) {
      const stmt = db.prepare(numbered(sql));
      return stmt.reader ? stmt.all(bind(params)).length : stmt.run(bind(params)).changes;
    },
  };
  // better-sqlite3 transactions are synchronous; the portal's bodies only await this adapter,
  // whose calls complete synchronously, so no other request's statement lands inside.
  async function transaction<T>(body: (tx: Exec) => Promise<T>): Promise<T> {
    db.exec('BEGIN IMMEDIATE');
    try {
      const result = await body(exec);
      db.exec('COMMIT');
      return result;
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }

  return {
    kind: 'sqlite',
    ...portalStore(exec, transaction, options.keySecret),
    async migrate() {
      db.transaction(() => {
        db.exec(SCHEMA);
        const columns = (db.prepare('PRAGMA table_info(day_figures)').all() as { name: string }[]).map((c) => c.name);
        for (const sql of upgradeStatements('sqlite', columns)) db.exec(sql);
      })();
      await migratePortal(exec, 'INTEGER');
    },

    async addTerminal(input: NewTerminal, id, codeHash, codeExpiresAt, now) {
      db.transaction(() => {
        db.prepare(
          `INSERT INTO communes (code, name, province_code) VALUES (?, ?, ?)
           ON CONFLICT (code) DO UPDATE SET name = excluded.name, province_code = excluded.province_code`,
        ).run(input.communeCode, input.communeName, input.provinceCode);
        db.prepare('INSERT INTO terminals (id, commune_code, name, enrol_code_hash, enrol_expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
          id,
          input.communeCode,
          input.name,
          codeHash,
          codeExpiresAt,
          now,
        );
      })();
      return terminal(id)!;
    },

    async reissueCode(id, codeHash, codeExpiresAt) {
      return (
        db
          .prepare('UPDATE terminals SET enrol_code_hash = ?, enrol_expires_at = ?, secret_hash = NULL, revoked_at = NULL WHERE id = ?')
          .run(codeHash, codeExpiresAt, id).changes === 1
      );
    },

    async redeemCode(codeHash, secretHash, kioskId, now): Promise<RedeemResult> {
      return db.transaction((): RedeemResult => {
        const row = db.prepare('SELECT id, enrol_expires_at, revoked_at FROM terminals WHERE enrol_code_hash = ?').get(codeHash) as
          { id: string; enrol_expires_at: string; revoked_at: string | null } | undefined;
        if (!row) return { ok: false, reason: 'unknown' };
        if (row.revoked_at) return { ok: false, reason: 'revoked' };
        if (row.enrol_expires_at < now) return { ok: false, reason: 'expired' };
        db.prepare('UPDATE terminals SET secret_hash = ?, kiosk_id = ?, enrolled_at = ?, enrol_code_hash = NULL, enrol_expires_at = NULL WHERE id = ?').run(
          secretHash,
          kioskId,
          now,
          row.id,
        );
        return { ok: true, terminal: terminal(row.id)! };
      })();
    },

    async revokeTerminal(id, now) {
      return db.prepare('UPDATE terminals SET revoked_at = ?, secret_hash = NULL, enrol_code_hash = NULL WHERE id = ?').run(now, id).changes === 1;
    },

    async authRow(id): Promise<AuthRow | undefined> {
      const row = db.prepare('SELECT id, commune_code, secret_hash, revoked_at FROM terminals WHERE id = ?').get(id) as
        { id: string; commune_code: string; secret_hash: string | null; revoked_at: string | null } | undefined;
      return row && { id: row.id, communeCode: row.commune_code, secretHash: row.secret_hash, revokedAt: row.revoked_at };
    },

    async applyUpload(terminalId, communeCode, software, days: StoredDay[], now): Promise<ApplyResult> {
      return db.transaction((): ApplyResult => {
        const existing = db.prepare('SELECT revision, digest FROM day_figures WHERE terminal_id = ? AND day = ?');
        const { stale, results, toStore } = planUpload(days, (day) => existing.get(terminalId, day) as { revision: number; digest: string } | undefined);
        if (stale.length) return { ok: false, stale };
        const stmt = upsert();
        for (const d of toStore) stmt.run(terminalId, d.day, communeCode, d.revision, d.digest, now, d.figuresJson, ...COLUMNS.map((c) => d.totals[c] ?? 0));
        db.prepare('UPDATE terminals SET last_seen_at = ?, last_software = ? WHERE id = ?').run(now, software, terminalId);
        return { ok: true, days: results };
      })();
    },

    async terminals() {
      return (db.prepare(`${TERMINAL_SELECT} ORDER BY c.province_code, t.commune_code, t.name`).all() as Record<string, unknown>[]).map(toTerminal);
    },

    async communeTotals(from, to, communeCode = null): Promise<CommuneTotals[]> {
      const rows = db
        .prepare(
          `SELECT c.code, c.name, c.province_code, COUNT(DISTINCT d.terminal_id) AS terminals, COUNT(DISTINCT d.day) AS days,
             ${COLUMNS.map((col) => `COALESCE(SUM(d.${col}), 0) AS ${col}`).join(', ')}
           FROM communes c LEFT JOIN day_figures d ON d.commune_code = c.code AND d.day BETWEEN @from AND @to
           WHERE @commune IS NULL OR c.code = @commune
           GROUP BY c.code, c.name, c.province_code ORDER BY c.province_code, c.code`,
        )
        .all({ from, to, commune: communeCode }) as Record<string, string | number>[];
      return rows.map(toCommuneTotals);
    },

    async communeSums(from, to, indicators, communeCode = null) {
      const rows = db
        .prepare(
          `SELECT commune_code, ${indicatorColumns(indicators)
            .map((col) => `SUM(${col}) AS ${col}`)
            .join(', ')} FROM day_figures
           WHERE day BETWEEN @from AND @to AND (@commune IS NULL OR commune_code = @commune) GROUP BY commune_code`,
        )
        .all({ from, to, commune: communeCode }) as Record<string, unknown>[];
      return rows.map((r) => toCommuneSums(r, indicators));
    },

    async dayTotals(terminalId, from, to) {
      const rows = db
        .prepare(`SELECT day, revision, ${COLUMNS.join(', ')} FROM day_figures WHERE terminal_id = ? AND day BETWEEN ? AND ? ORDER BY day`)
        .all(terminalId, from, to) as Record<string, string | number>[];
      return rows.map(toDayTotals);
    },

    async monthlySeries(from, to, communeCode) {
      const rows = db
        .prepare(
          `SELECT substr(day, 1, 7) AS month, SUM(visits) AS visits, SUM(items_served) AS items FROM day_figures
           WHERE day BETWEEN ? AND ? AND (? IS NULL OR commune_code = ?) GROUP BY month ORDER BY month`,
        )
        .all(from, to, communeCode, communeCode) as { month: string; visits: number; items: number }[];
      return rows.map((r) => ({ month: r.month, visits: Number(r.visits), itemsServed: Number(r.items) }));
    },

    async counts() {
      const t = db.prepare('SELECT COUNT(*) AS n FROM terminals').get() as { n: number };
      const d = db.prepare('SELECT COUNT(*) AS n FROM day_figures').get() as { n: number };
      return { terminals: t.n, dayRows: d.n };
    },

    async close() {
      db.close();
    },
  };
}
