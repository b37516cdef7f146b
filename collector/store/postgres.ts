// The collector's PostgreSQL store (DATABASE_URL): the same tables as SQLite, with day figures
// partitioned by month (old months can be detached and archived, queries for a period touch only
// its months) and a per-terminal row lock so duplicated requests apply one after the other.
import pg from 'pg';
import {
  KIOSKS_OF_PARTS,
  LOCK_COMMUNE_YEAR,
  MONTH_SERIES,
  PERIOD_PARTS,
  periodParams,
  REBUILD_ROLLUP,
  refreshMonth,
  rollupColumnStatements,
  rollupDdl,
  splitPeriod,
  touchedMonths,
} from './commune-rollup';
import { migratePortal, portalStore, type Exec } from './portal';
import {
  COLUMNS,
  planUpload,
  iso,
  TERMINAL_SELECT_COUNTED as TERMINAL_SELECT,
  upgradeStatements,
  indicatorColumns,
  toCommuneSums,
  toCommuneTotals,
  toDayTotals,
  toTerminal,
} from './sql';
import type { ApplyResult, AuthRow, CollectorStore, CommuneTotals, NewTerminal, RedeemResult, StoredDay } from './types';

/** Monthly partitions created ahead of time; days outside land in the default partition. */
export const FIRST_PARTITION_YEAR = 2020;

function partitionsDdl(firstYear: number, lastYear: number): string {
  const out: string[] = [];
  for (let y = firstYear; y <= lastYear; y++) {
    for (let m = 1; m <= 12; m++) {
      const from = `${y}-${String(m).padStart(2, '0')}-01`;
      const to = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
      out.push(`CREATE TABLE IF NOT EXISTS day_figures_${y}_${String(m).padStart(2, '0')} PARTITION OF day_figures FOR VALUES FROM ('${from}') TO ('${to}');`);
    }
  }
  return out.join('\n');
}

function schemaDdl(firstYear: number, lastYear: number): string {
  return `
CREATE TABLE IF NOT EXISTS communes (
  code text PRIMARY KEY, name text NOT NULL, province_code text NOT NULL
);
CREATE TABLE IF NOT EXISTS terminals (
  id text PRIMARY KEY,
  commune_code text NOT NULL REFERENCES communes (code),
  name text NOT NULL,
  kiosk_id text,
  secret_hash text,
  enrol_code_hash text UNIQUE,
  enrol_expires_at timestamptz,
  created_at timestamptz NOT NULL,
  enrolled_at timestamptz,
  revoked_at timestamptz,
  last_seen_at timestamptz,
  last_software text
);
CREATE INDEX IF NOT EXISTS terminals_commune ON terminals (commune_code);
CREATE TABLE IF NOT EXISTS day_figures (
  terminal_id text NOT NULL,
  day date NOT NULL,
  commune_code text NOT NULL,
  revision integer NOT NULL,
  digest text NOT NULL,
  received_at timestamptz NOT NULL,
  figures jsonb NOT NULL,
  ${COLUMNS.map((c) => `${c} integer NOT NULL DEFAULT 0`).join(',\n  ')},
  PRIMARY KEY (terminal_id, day)
) PARTITION BY RANGE (day);
CREATE TABLE IF NOT EXISTS day_figures_default PARTITION OF day_figures DEFAULT;
${partitionsDdl(firstYear, lastYear)}
CREATE INDEX IF NOT EXISTS day_figures_commune_day ON day_figures (commune_code, day);
${rollupDdl()}
`;
}

export interface PostgresOptions {
  connectionString: string;
  /** A schema of its own (tests, several provinces on one server); created when missing. */
  schema?: string;
  poolSize?: number;
  /** First year with monthly partitions (earlier days go to the default partition). */
  firstPartitionYear?: number;
  /** Opens the sealed push-signing key (see key-seal.ts). */
  keySecret?: Buffer;
}

export function openPostgresStore(options: PostgresOptions): CollectorStore {
  const schema = options.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.poolSize ?? 8,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // A broken idle connection must not crash the service: the next query reconnects.
  pool.on('error', () => undefined);

  async function tx<T>(body: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await body(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  const terminal = async (q: pg.Pool | pg.PoolClient, id: string) => {
    const { rows } = await q.query(`${TERMINAL_SELECT} WHERE t.id = $1`, [id]);
    return rows[0] ? toTerminal(rows[0]) : undefined;
  };

  const execOf = (q: pg.Pool | pg.PoolClient): Exec => ({
    async all(sql, params = []) {
      return (await q.query(sql, params)).rows as Record<string, unknown>[];
    },
    async run(sql, params = []) {
      return (await q.query(sql, params)).rowCount ?? 0;
    },
  });

  return {
    kind: 'postgres',
    ...portalStore(execOf(pool), (body) => tx((c) => body(execOf(c))), options.keySecret),
    async migrate() {
      if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await tx(async (c) => {
        // One migrator at a time (several collector processes may start together).
        await c.query('SELECT pg_advisory_xact_lock(7271)');
        const { rows: had } = await c.query<{ rollup: string | null }>(`SELECT to_regclass('commune_rollup')::text AS rollup`);
        await c.query(schemaDdl(options.firstPartitionYear ?? FIRST_PARTITION_YEAR, new Date().getUTCFullYear() + 1));
        const columnsOf = async (table: string) =>
          (
            await c.query<{ column_name: string }>(
              `SELECT column_name FROM information_schema.columns WHERE table_name = $1 AND table_schema = current_schema()`,
              [table],
            )
          ).rows.map((r) => r.column_name);
        let corrected = 0;
        for (const sql of upgradeStatements('postgres', await columnsOf('day_figures'))) corrected += (await c.query(sql)).rowCount ?? 0;
        // Added only when missing: ALTER TABLE locks the table even when it then finds the column.
        if (!(await columnsOf('terminals')).includes('day_count')) await c.query('ALTER TABLE terminals ADD COLUMN day_count integer');
        const rollupAdds = rollupColumnStatements(await columnsOf('commune_rollup'));
        for (const sql of rollupAdds) await c.query(sql);
        // Built from the day rows when it is new (a collector upgraded to this version, or day rows
        // loaded by hand), when an indicator was added, or when stored figures were corrected above.
        if (!had[0]?.rollup || rollupAdds.length || corrected) {
          // Uploads wait at their terminal's row lock until the rebuild commits, so none is caught
          // between the emptied roll-up and the recount (dashboards still read meanwhile).
          await c.query('LOCK TABLE terminals IN EXCLUSIVE MODE');
          for (const { sql, params } of REBUILD_ROLLUP) await c.query(sql, params);
          await c.query('UPDATE terminals SET day_count = NULL');
        }
        // Each terminal's count of days held, kept up by uploads; counted here when new or rebuilt.
        if ((await c.query('SELECT 1 FROM terminals WHERE day_count IS NULL LIMIT 1')).rowCount) {
          await c.query(`UPDATE terminals t SET day_count = x.n FROM (SELECT terminal_id, COUNT(*) AS n FROM day_figures GROUP BY 1) x
            WHERE x.terminal_id = t.id AND t.day_count IS NULL`);
          await c.query('UPDATE terminals SET day_count = 0 WHERE day_count IS NULL');
        }
        await migratePortal(execOf(c), 'INTEGER GENERATED BY DEFAULT AS IDENTITY');
      });
    },

    async addTerminal(input: NewTerminal, id, codeHash, codeExpiresAt, now) {
      return tx(async (c) => {
        await c.query(
          `INSERT INTO communes (code, name, province_code) VALUES ($1, $2, $3)
           ON CONFLICT (code) DO UPDATE SET name = excluded.name, province_code = excluded.province_code`,
          [input.communeCode, input.communeName, input.provinceCode],
        );
        await c.query(
          'INSERT INTO terminals (id, commune_code, name, enrol_code_hash, enrol_expires_at, created_at, day_count) VALUES ($1, $2, $3, $4, $5, $6, 0)',
          [id, input.communeCode, input.name, codeHash, codeExpiresAt, now],
        );
        return (await terminal(c, id))!;
      });
    },

    async reissueCode(id, codeHash, codeExpiresAt) {
      const r = await pool.query('UPDATE terminals SET enrol_code_hash = $1, enrol_expires_at = $2, secret_hash = NULL, revoked_at = NULL WHERE id = $3', [
        codeHash,
        codeExpiresAt,
        id,
      ]);
      return r.rowCount === 1;
    },

    async redeemCode(codeHash, secretHash, kioskId, now): Promise<RedeemResult> {
      return tx(async (c): Promise<RedeemResult> => {
        const { rows } = await c.query('SELECT id, enrol_expires_at, revoked_at FROM terminals WHERE enrol_code_hash = $1 FOR UPDATE', [codeHash]);
        const row = rows[0] as { id: string; enrol_expires_at: Date; revoked_at: Date | null } | undefined;
        if (!row) return { ok: false, reason: 'unknown' };
        if (row.revoked_at) return { ok: false, reason: 'revoked' };
        if (row.enrol_expires_at.toISOString() < now) return { ok: false, reason: 'expired' };
        await c.query('UPDATE terminals SET secret_hash = $1, kiosk_id = $2, enrolled_at = $3, enrol_code_hash = NULL, enrol_expires_at = NULL WHERE id = $4', [
          secretHash,
          kioskId,
          now,
          row.id,
        ]);
        return { ok: true, terminal: (await terminal(c, row.id))! };
      });
    },

    async revokeTerminal(id, now) {
      const r = await pool.query('UPDATE terminals SET revoked_at = $1, secret_hash = NULL, enrol_code_hash = NULL WHERE id = $2', [now, id]);
      return r.rowCount === 1;
    },

    async authRow(id): Promise<AuthRow | undefined> {
      const { rows } = await pool.query('SELECT id, commune_code, secret_hash, revoked_at FROM terminals WHERE id = $1', [id]);
      const row = rows[0];
      return row && { id: row.id, communeCode: row.commune_code, secretHash: row.secret_hash, revokedAt: iso(row.revoked_at) };
    },

    async applyUpload(terminalId, communeCode, software, days: StoredDay[], now): Promise<ApplyResult> {
      return tx(async (c): Promise<ApplyResult> => {
        // Serialises requests of one terminal (duplicates from retries) without blocking others.
        await c.query('SELECT 1 FROM terminals WHERE id = $1 FOR UPDATE', [terminalId]);
        const { rows } = await c.query(
          `SELECT to_char(day, 'YYYY-MM-DD') AS day, revision, digest, commune_code FROM day_figures WHERE terminal_id = $1 AND day = ANY($2::date[])`,
          [terminalId, days.map((d) => d.day)],
        );
        const held = new Map(rows.map((r: { day: string; revision: number; digest: string; commune_code: string }) => [r.day, r]));
        const { stale, results, toStore } = planUpload(days, (day) => held.get(day) as { revision: number; digest: string } | undefined);
        if (stale.length) return { ok: false, stale };
        if (toStore.length) {
          const width = 7 + COLUMNS.length;
          const values: unknown[] = [];
          const tuples = toStore.map((d, i) => {
            values.push(terminalId, d.day, communeCode, d.revision, d.digest, now, d.figuresJson, ...COLUMNS.map((col) => d.totals[col] ?? 0));
            return `(${Array.from({ length: width }, (_, j) => `$${i * width + j + 1}`).join(', ')})`;
          });
          await c.query(
            `INSERT INTO day_figures (terminal_id, day, commune_code, revision, digest, received_at, figures, ${COLUMNS.join(', ')}) VALUES ${tuples.join(', ')}
             ON CONFLICT (terminal_id, day) DO UPDATE SET commune_code = excluded.commune_code, revision = excluded.revision, digest = excluded.digest,
               received_at = excluded.received_at, figures = excluded.figures, ${COLUMNS.map((col) => `${col} = excluded.${col}`).join(', ')}`,
            values,
          );
          // The commune-months these days belong to, and those they left (a kiosk moved to another commune).
          const touched = touchedMonths([
            ...toStore.map((d) => ({ communeCode, day: d.day })),
            ...toStore.flatMap((d) => {
              const before = held.get(d.day) as { commune_code: string } | undefined;
              return before && before.commune_code !== communeCode ? [{ communeCode: before.commune_code, day: d.day }] : [];
            }),
          ]);
          for (const { communeCode: code, month } of touched) {
            await c.query(LOCK_COMMUNE_YEAR, [code, month]);
            for (const { sql, params } of refreshMonth(code, month)) await c.query(sql, params);
          }
        }
        const added = toStore.filter((d) => !held.has(d.day)).length;
        // A terminal not yet counted (made by an older collector running beside this one) is counted now.
        await c.query(
          `UPDATE terminals SET last_seen_at = $1, last_software = $2,
             day_count = CASE WHEN day_count IS NULL THEN (SELECT COUNT(*) FROM day_figures WHERE terminal_id = $3) ELSE day_count + $4 END
           WHERE id = $3`,
          [now, software, terminalId, added],
        );
        return { ok: true, days: results };
      });
    },

    async terminals() {
      const { rows } = await pool.query(`${TERMINAL_SELECT} ORDER BY c.province_code, t.commune_code, t.name`);
      return rows.map(toTerminal);
    },

    async communeTotals(from, to, communeCode = null): Promise<CommuneTotals[]> {
      const { rows } = await pool.query(
        `WITH parts AS (${PERIOD_PARTS}),
         sums AS (SELECT commune_code, SUM(days) AS days, ${COLUMNS.map((col) => `SUM(${col}) AS ${col}`).join(', ')} FROM parts GROUP BY commune_code),
         kiosks AS (${KIOSKS_OF_PARTS})
         SELECT c.code, c.name, c.province_code, COALESCE(k.terminals, 0) AS terminals, COALESCE(s.days, 0) AS days,
           ${COLUMNS.map((col) => `COALESCE(s.${col}, 0) AS ${col}`).join(', ')}
         FROM communes c LEFT JOIN sums s ON s.commune_code = c.code LEFT JOIN kiosks k ON k.commune_code = c.code
         WHERE $7::text IS NULL OR c.code = $7
         ORDER BY c.province_code, c.code`,
        periodParams(from, to, communeCode),
      );
      return rows.map(toCommuneTotals);
    },

    async communeSums(from, to, indicators, communeCode = null) {
      const { rows } = await pool.query(
        `WITH parts AS (${PERIOD_PARTS}) SELECT commune_code, ${indicatorColumns(indicators)
          .map((col) => `SUM(${col}) AS ${col}`)
          .join(', ')} FROM parts GROUP BY commune_code`,
        periodParams(from, to, communeCode),
      );
      return rows.map((r) => toCommuneSums(r, indicators));
    },

    async dayTotals(terminalId, from, to) {
      const { rows } = await pool.query(
        `SELECT to_char(day, 'YYYY-MM-DD') AS day, revision, ${COLUMNS.join(', ')} FROM day_figures WHERE terminal_id = $1 AND day BETWEEN $2 AND $3 ORDER BY day`,
        [terminalId, from, to],
      );
      return rows.map(toDayTotals);
    },

    async monthlySeries(from, to, communeCode) {
      const { monthsFrom, monthsTo } = splitPeriod(from, to);
      const { rows } = await pool.query(MONTH_SERIES, [from, to, monthsFrom, monthsTo, communeCode]);
      return rows.map((r: { month: string; visits: string; items: string }) => ({ month: r.month, visits: Number(r.visits), itemsServed: Number(r.items) }));
    },

    async counts() {
      const { rows } = await pool.query('SELECT (SELECT COUNT(*) FROM terminals) AS t, (SELECT COUNT(*) FROM day_figures) AS d');
      return { terminals: Number(rows[0].t), dayRows: Number(rows[0].d) };
    },

    async close() {
      await pool.end();
    },
  };
}
