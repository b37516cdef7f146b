// The portal's tables and queries, written once for both databases: the SQL below is the common
// subset of SQLite and PostgreSQL ($n parameters, RETURNING, ON CONFLICT, ISO-8601 text times that
// compare in order), run through a two-function adapter each store provides.
import { isSealedKey, KeySecretError, openPrivateKey, sealPrivateKey } from '../key-seal';
import type { Account, AccountWithSecret, CommuneRecord, HealthRow, NewAccount, PortalStore, PushRow, Role, TargetRow } from './portal-types';

export interface Exec {
  all(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  run(sql: string, params?: unknown[]): Promise<number>;
}

/** Numbered, applied once each (table portal_migrations); never edit one that has shipped. */
export const PORTAL_MIGRATIONS: string[][] = [
  [
    `CREATE TABLE accounts (
      id INTEGER PRIMARY KEY, username TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL, role TEXT NOT NULL,
      commune_code TEXT, password_hash TEXT NOT NULL, failed INTEGER NOT NULL DEFAULT 0, last_failed_at TEXT,
      created_at TEXT NOT NULL, disabled_at TEXT)`,
    `CREATE TABLE sessions (
      token_hash TEXT PRIMARY KEY, account_id INTEGER NOT NULL REFERENCES accounts (id), csrf TEXT NOT NULL,
      created_at TEXT NOT NULL, expires_at TEXT NOT NULL)`,
    `CREATE INDEX sessions_account ON sessions (account_id)`,
    `ALTER TABLE communes ADD COLUMN district TEXT`,
    `ALTER TABLE communes ADD COLUMN population INTEGER`,
    `ALTER TABLE communes ADD COLUMN rural INTEGER NOT NULL DEFAULT 0`,
    `ALTER TABLE communes ADD COLUMN disadvantaged INTEGER NOT NULL DEFAULT 0`,
    `ALTER TABLE communes ADD COLUMN minority_pct DOUBLE PRECISION`,
    `CREATE TABLE targets (indicator TEXT NOT NULL, year INTEGER NOT NULL, min_pct DOUBLE PRECISION NOT NULL, max_pct DOUBLE PRECISION NOT NULL, PRIMARY KEY (indicator, year))`,
  ],
  // 2: fleet health (issue #19): each terminal's latest health record, and since when it has needed
  // attention for each reason.
  [
    `CREATE TABLE terminal_health (terminal_id TEXT PRIMARY KEY REFERENCES terminals (id), received_at TEXT NOT NULL, skew_seconds INTEGER NOT NULL, record TEXT NOT NULL)`,
    `CREATE TABLE terminal_attention (terminal_id TEXT NOT NULL REFERENCES terminals (id), reason TEXT NOT NULL, since TEXT NOT NULL, PRIMARY KEY (terminal_id, reason))`,
  ],
  // 3: signed pushes to kiosks (issue #19): the portal's Ed25519 key (one row), the pushes as signed,
  // and what each terminal reported about each.
  [
    `CREATE TABLE portal_keys (id INTEGER PRIMARY KEY CHECK (id = 1), public_key TEXT NOT NULL, private_key TEXT NOT NULL, created_at TEXT NOT NULL)`,
    `CREATE TABLE pushes (id {serial} PRIMARY KEY, kind TEXT NOT NULL, communes TEXT, summary TEXT NOT NULL, payload TEXT NOT NULL, signature TEXT NOT NULL,
      created_by INTEGER NOT NULL REFERENCES accounts (id), created_at TEXT NOT NULL, expires_at TEXT NOT NULL)`,
    `CREATE TABLE push_results (push_id INTEGER NOT NULL REFERENCES pushes (id), terminal_id TEXT NOT NULL REFERENCES terminals (id), outcome TEXT NOT NULL,
      reason TEXT, at TEXT NOT NULL, PRIMARY KEY (push_id, terminal_id))`,
  ],
];

export async function migratePortal(exec: Exec, serial: string): Promise<void> {
  await exec.run(`CREATE TABLE IF NOT EXISTS portal_migrations (id INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)`);
  const done = new Set((await exec.all('SELECT id FROM portal_migrations')).map((r) => Number(r.id)));
  for (const [i, statements] of PORTAL_MIGRATIONS.entries()) {
    if (done.has(i + 1)) continue;
    for (const sql of statements) await exec.run(sql.replace('INTEGER PRIMARY KEY, username', `${serial} PRIMARY KEY, username`).replace('{serial}', serial));
    await exec.run('INSERT INTO portal_migrations (id, applied_at) VALUES ($1, $2)', [i + 1, new Date().toISOString()]);
  }
}

/** Reported by a disk copy of the terminal (see upload-routes.ts); cleared when a new code is issued. */
const CLONED = 'cloned';

const ACCOUNT_COLUMNS = 'id, username, display_name, role, commune_code, created_at, disabled_at, failed';
const toAccount = (r: Record<string, unknown>): Account => ({
  id: Number(r.id),
  username: String(r.username),
  displayName: String(r.display_name),
  role: String(r.role) as Role,
  communeCode: (r.commune_code as string | null) ?? null,
  createdAt: String(r.created_at),
  disabledAt: (r.disabled_at as string | null) ?? null,
  failed: Number(r.failed),
});
const toCommune = (r: Record<string, unknown>): CommuneRecord => ({
  code: String(r.code),
  name: String(r.name),
  provinceCode: String(r.province_code),
  district: (r.district as string | null) ?? null,
  population: r.population == null ? null : Number(r.population),
  rural: Number(r.rural) === 1,
  disadvantaged: Number(r.disadvantaged) === 1,
  minorityPct: r.minority_pct == null ? null : Number(r.minority_pct),
});

/**
 * @param keySecret opens the sealed push-signing key (key-seal.ts); it comes from a file outside the
 * database, so only a store opened with it can sign. Without it, signingKey() refuses.
 */
export function portalStore(exec: Exec, transaction: <T>(body: (tx: Exec) => Promise<T>) => Promise<T>, keySecret?: Buffer): PortalStore {
  return {
    async createAccount(input: NewAccount, now) {
      const rows = await exec.all(
        `INSERT INTO accounts (username, display_name, role, commune_code, password_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${ACCOUNT_COLUMNS}`,
        [input.username, input.displayName, input.role, input.communeCode, input.passwordHash, now],
      );
      return toAccount(rows[0]!);
    },
    async accountByUsername(username): Promise<AccountWithSecret | undefined> {
      const r = (await exec.all(`SELECT ${ACCOUNT_COLUMNS}, password_hash, last_failed_at FROM accounts WHERE username = $1`, [username]))[0];
      return r && { ...toAccount(r), passwordHash: String(r.password_hash), lastFailedAt: (r.last_failed_at as string | null) ?? null };
    },
    async accounts() {
      return (await exec.all(`SELECT ${ACCOUNT_COLUMNS} FROM accounts ORDER BY role, username`)).map(toAccount);
    },
    async setPassword(id, hash) {
      return (await exec.run('UPDATE accounts SET password_hash = $1, failed = 0 WHERE id = $2', [hash, id])) === 1;
    },
    async setDisabled(id, at) {
      const changed = (await exec.run('UPDATE accounts SET disabled_at = $1 WHERE id = $2', [at, id])) === 1;
      if (at) await exec.run('DELETE FROM sessions WHERE account_id = $1', [id]);
      return changed;
    },
    async unlock(id) {
      return (await exec.run('UPDATE accounts SET failed = 0 WHERE id = $1', [id])) === 1;
    },
    async reserveSignInAttempt(id, max, now, lockedSince) {
      // A lock that has lasted long enough lapses; then the attempt is counted only while under max.
      await exec.run('UPDATE accounts SET failed = 0 WHERE id = $1 AND failed >= $2 AND last_failed_at <= $3', [id, max, lockedSince]);
      return (await exec.run('UPDATE accounts SET failed = failed + 1, last_failed_at = $3 WHERE id = $1 AND failed < $2', [id, max, now])) === 1;
    },
    async signInSucceeded(id, max) {
      // `<=`: this attempt's own reservation may be the max-th one.
      return (await exec.run('UPDATE accounts SET failed = 0 WHERE id = $1 AND failed <= $2', [id, max])) === 1;
    },
    async createSession(tokenHash, accountId, csrf, now, expiresAt) {
      await exec.run('INSERT INTO sessions (token_hash, account_id, csrf, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [
        tokenHash,
        accountId,
        csrf,
        now,
        expiresAt,
      ]);
    },
    async session(tokenHash, now, slideTo) {
      const r = (
        await exec.all(
          `SELECT s.csrf, s.expires_at, ${ACCOUNT_COLUMNS.split(', ')
            .map((c) => `a.${c}`)
            .join(', ')} FROM sessions s JOIN accounts a ON a.id = s.account_id
           WHERE s.token_hash = $1 AND s.expires_at > $2 AND a.disabled_at IS NULL`,
          [tokenHash, now],
        )
      )[0];
      if (!r) return undefined;
      await exec.run('UPDATE sessions SET expires_at = $1 WHERE token_hash = $2 AND expires_at < $1', [slideTo, tokenHash]);
      return { account: toAccount(r), csrf: String(r.csrf), expiresAt: slideTo };
    },
    async deleteSession(tokenHash) {
      await exec.run('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
    },
    async upsertCommunes(rows) {
      return transaction(async (tx) => {
        const held = new Set((await tx.all('SELECT code FROM communes')).map((r) => String(r.code)));
        for (const c of rows) {
          await tx.run(
            `INSERT INTO communes (code, name, province_code, district, population, rural, disadvantaged, minority_pct) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
             ON CONFLICT (code) DO UPDATE SET name = excluded.name, province_code = excluded.province_code, district = excluded.district,
               population = excluded.population, rural = excluded.rural, disadvantaged = excluded.disadvantaged, minority_pct = excluded.minority_pct`,
            [c.code, c.name, c.provinceCode, c.district, c.population, c.rural ? 1 : 0, c.disadvantaged ? 1 : 0, c.minorityPct],
          );
        }
        const added = rows.filter((c) => !held.has(c.code)).length;
        return { added, updated: rows.length - added };
      });
    },
    async communeRegister() {
      return (
        await exec.all('SELECT code, name, province_code, district, population, rural, disadvantaged, minority_pct FROM communes ORDER BY province_code, code')
      ).map(toCommune);
    },
    async targetRows(): Promise<TargetRow[]> {
      return (await exec.all('SELECT indicator, year, min_pct, max_pct FROM targets ORDER BY year, indicator')).map((r) => ({
        indicator: String(r.indicator),
        year: Number(r.year),
        minPct: Number(r.min_pct),
        maxPct: Number(r.max_pct),
      }));
    },
    async recordHealth(terminalId, record, skewSeconds, reasons, now) {
      await transaction(async (tx) => {
        await tx.run(
          `INSERT INTO terminal_health (terminal_id, received_at, skew_seconds, record) VALUES ($1, $2, $3, $4)
           ON CONFLICT (terminal_id) DO UPDATE SET received_at = excluded.received_at, skew_seconds = excluded.skew_seconds, record = excluded.record`,
          [terminalId, now, skewSeconds, record],
        );
        // A reason keeps the instant it was first seen while it lasts; 'cloned' is reported by the copy, not by this record.
        const held = (await tx.all('SELECT reason FROM terminal_attention WHERE terminal_id = $1', [terminalId])).map((r) => String(r.reason));
        for (const gone of held.filter((r) => r !== CLONED && !reasons.includes(r)))
          await tx.run('DELETE FROM terminal_attention WHERE terminal_id = $1 AND reason = $2', [terminalId, gone]);
        for (const reason of reasons.filter((r) => !held.includes(r)))
          await tx.run('INSERT INTO terminal_attention (terminal_id, reason, since) VALUES ($1, $2, $3)', [terminalId, reason, now]);
      });
    },
    async recordClone(terminalId, now) {
      await exec.run('INSERT INTO terminal_attention (terminal_id, reason, since) VALUES ($1, $2, $3) ON CONFLICT (terminal_id, reason) DO NOTHING', [
        terminalId,
        CLONED,
        now,
      ]);
    },
    async clearAttention(terminalId) {
      await exec.run('DELETE FROM terminal_attention WHERE terminal_id = $1', [terminalId]);
    },
    async fleetHealth() {
      const health = await exec.all('SELECT terminal_id, received_at, skew_seconds, record FROM terminal_health');
      const reasons = await exec.all('SELECT terminal_id, reason, since FROM terminal_attention ORDER BY since, terminal_id, reason');
      return {
        records: health.map((r): HealthRow => ({
          terminalId: String(r.terminal_id),
          receivedAt: String(r.received_at),
          skewSeconds: Number(r.skew_seconds),
          record: String(r.record),
        })),
        reasons: reasons.map((r) => ({ terminalId: String(r.terminal_id), reason: String(r.reason), since: String(r.since) })),
      };
    },
    async signingKey(make) {
      if (!keySecret) throw new KeySecretError('Cổng chưa được mở với tệp bí mật (collector-secret.key), nên không ký được gì gửi xuống kiosk.');
      const held = async () => (await exec.all('SELECT public_key, private_key FROM portal_keys WHERE id = 1'))[0];
      let row = await held();
      if (!row) {
        // Two processes starting together: the first insert wins, both read the same key.
        const key = make();
        await exec.run('INSERT INTO portal_keys (id, public_key, private_key, created_at) VALUES (1, $1, $2, $3) ON CONFLICT (id) DO NOTHING', [
          key.publicKey,
          sealPrivateKey(key.privateKey, key.publicKey, keySecret),
          key.createdAt,
        ]);
        row = (await held())!;
      }
      const publicKey = String(row.public_key);
      const stored = String(row.private_key);
      if (isSealedKey(stored)) return { publicKey, privateKey: openPrivateKey(stored, publicKey, keySecret) };
      // Kept in the clear by a collector from before sealing: seal it now, once (the stored text must still match).
      await exec.run('UPDATE portal_keys SET private_key = $1 WHERE id = 1 AND private_key = $2', [sealPrivateKey(stored, publicKey, keySecret), stored]);
      return { publicKey, privateKey: stored };
    },
    async createPush(input, seal) {
      return transaction(async (tx) => {
        const rows = await tx.all(
          `INSERT INTO pushes (kind, communes, summary, payload, signature, created_by, created_at, expires_at) VALUES ($1, $2, $3, '', '', $4, $5, $6) RETURNING id`,
          [input.kind, input.communes ? JSON.stringify(input.communes) : null, input.summary, input.createdBy, input.createdAt, input.expiresAt],
        );
        const id = Number(rows[0]!.id);
        const { payload, signature } = seal(id);
        await tx.run('UPDATE pushes SET payload = $1, signature = $2 WHERE id = $3', [payload, signature, id]);
        return id;
      });
    },
    async pushesFor(terminalId, communeCode, now, limit) {
      // Communes are stored as a JSON array of 5-digit codes, so the quoted code matches exactly one entry.
      const rows = await exec.all(
        `SELECT p.id, p.payload, p.signature FROM pushes p
         WHERE p.expires_at > $1 AND (p.communes IS NULL OR p.communes LIKE $2)
           AND NOT EXISTS (SELECT 1 FROM push_results r WHERE r.push_id = p.id AND r.terminal_id = $3)
         ORDER BY p.id LIMIT $4`,
        [now, `%"${communeCode}"%`, terminalId, limit],
      );
      return rows.map((r) => ({ id: Number(r.id), payload: String(r.payload), signature: String(r.signature) }));
    },
    async recordPushResults(terminalId, results, now) {
      if (!results.length) return;
      const known = new Set(
        (
          await exec.all(
            `SELECT id FROM pushes WHERE id IN (${results.map((_, i) => `$${i + 1}`).join(', ')})`,
            results.map((r) => r.id),
          )
        ).map((r) => Number(r.id)),
      );
      for (const r of results.filter((x) => known.has(x.id))) {
        await exec.run(
          'INSERT INTO push_results (push_id, terminal_id, outcome, reason, at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (push_id, terminal_id) DO NOTHING',
          [r.id, terminalId, r.outcome, r.reason ?? null, now],
        );
      }
    },
    async pushList(): Promise<PushRow[]> {
      const rows = await exec.all(
        `SELECT p.id, p.kind, p.communes, p.summary, p.created_at, p.expires_at, a.display_name,
           (SELECT COUNT(*) FROM push_results r WHERE r.push_id = p.id AND r.outcome = 'applied') AS applied,
           (SELECT COUNT(*) FROM push_results r WHERE r.push_id = p.id AND r.outcome = 'refused') AS refused
         FROM pushes p JOIN accounts a ON a.id = p.created_by ORDER BY p.id DESC LIMIT 200`,
      );
      const reasons = await exec.all(
        `SELECT push_id, reason, COUNT(*) AS n FROM push_results WHERE outcome = 'refused' GROUP BY push_id, reason ORDER BY push_id, reason`,
      );
      return rows.map((r) => ({
        id: Number(r.id),
        kind: String(r.kind),
        communes: r.communes == null ? null : (JSON.parse(String(r.communes)) as string[]),
        summary: String(r.summary),
        createdAt: String(r.created_at),
        expiresAt: String(r.expires_at),
        createdBy: String(r.display_name),
        applied: Number(r.applied),
        refused: Number(r.refused),
        refusals: reasons.filter((x) => Number(x.push_id) === Number(r.id)).map((x) => ({ reason: String(x.reason ?? ''), count: Number(x.n) })),
      }));
    },
    async setTarget(t) {
      await exec.run(
        `INSERT INTO targets (indicator, year, min_pct, max_pct) VALUES ($1, $2, $3, $4)
         ON CONFLICT (indicator, year) DO UPDATE SET min_pct = excluded.min_pct, max_pct = excluded.max_pct`,
        [t.indicator, t.year, t.minPct, t.maxPct],
      );
    },
  };
}
