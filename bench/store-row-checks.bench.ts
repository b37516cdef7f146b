// The cost of per-row hashes (store/row-checks.ts, migration 0076) side by side in one run: the same
// checkouts and registrations on two kiosks, one with the row-check triggers and one with them
// dropped; plus sealing and verifying every row of a catalogue grown to 50,000 records, beside its
// named peers on the same file in the same run: SQLite's `PRAGMA quick_check` and
// `PRAGMA integrity_check` (which do not see damage inside a row's text, finding 8 of #22), and
// the `sqlite3` command-line shell running integrity_check as a technician would.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkout } from '../electron/core/circulation/checkout';
import { createKiosk, type Kiosk } from '../electron/core/kiosk';
import { silentLogger } from '../electron/core/log';
import { createPatron } from '../electron/core/patrons/records';
import { sealRows, verifyRows } from '../electron/core/store/row-checks';
import { ratio, summarise, writeResult } from './harness';

const CHECKOUTS = 3_000;
const RECORDS = 50_000;

function timed<T>(work: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = work();
  return { value, ms: Number((performance.now() - started).toFixed(1)) };
}

async function measure(kiosk: Kiosk, prefix: string) {
  const { db, ctx } = kiosk;
  db.transaction(() => {
    const insert = db.prepare(
      "INSERT INTO items (barcode, record_id, collection_id, status, added_at) VALUES (?, ((? % 300) + 1), 1, 'available', '2026-01-01')",
    );
    for (let i = 0; i < CHECKOUTS; i++) insert.run(`${prefix}${String(i).padStart(6, '0')}`, i);
  })();
  const registration: number[] = [];
  const cards: string[] = [];
  for (let i = 0; i < CHECKOUTS / 5; i++) {
    const started = performance.now();
    cards.push(createPatron(ctx, { fullName: `Bạn đọc ${i}`, category: 'adult', birthYear: 1980 }, { via: 'import', status: 'active' }).cardNumber);
    registration.push(performance.now() - started);
  }
  const samples: number[] = [];
  for (let i = 0; i < CHECKOUTS; i++) {
    const started = performance.now();
    checkout(ctx, cards[Math.floor(i / 5)]!, `${prefix}${String(i).padStart(6, '0')}`);
    samples.push(performance.now() - started);
  }
  return { checkout: summarise(samples), registration: summarise(registration) };
}

const dirs = [mkdtempSync(join(tmpdir(), 'kiosk-bench-rows-')), mkdtempSync(join(tmpdir(), 'kiosk-bench-norows-'))];
const withChecks = await createKiosk({ dataDir: dirs[0]!, log: silentLogger });
const without = await createKiosk({ dataDir: dirs[1]!, log: silentLogger });
try {
  for (const name of ['records_insert', 'records_update', 'records_delete', 'patrons_insert', 'patrons_update', 'patrons_delete'])
    without.db.exec(`DROP TRIGGER row_checks_${name}`);
  const a = await measure(withChecks, 'RA');
  const b = await measure(without, 'RB');
  // A provincial-size catalogue (setup, not timed): every row is marked by the trigger, then sealed.
  withChecks.db.transaction(() => {
    const insert = withChecks.db.prepare(
      "INSERT INTO records (title, authors, subjects, publisher, year, summary, created_at, updated_at) VALUES (?, ?, '[\"Nông nghiệp\"]', 'NXB Nông nghiệp', 2020, ?, '2026-01-01', '2026-01-01')",
    );
    for (let i = 0; i < RECORDS; i++)
      insert.run(`Kỹ thuật trồng lúa nước tập ${i}`, JSON.stringify([`Nguyễn Văn ${i % 97}`]), `Tóm tắt ${'nội dung '.repeat(i % 20)}`);
  })();
  const seal = timed(() => sealRows(withChecks.db));
  const verify = timed(() => verifyRows(withChecks.db).checked);
  const quick = timed(() => withChecks.db.pragma('quick_check', { simple: true }));
  const integrity = timed(() => withChecks.db.pragma('integrity_check', { simple: true }));
  withChecks.db.pragma('wal_checkpoint(TRUNCATE)');
  const shell = timed(() => spawnSync('sqlite3', ['-readonly', withChecks.db.name, 'PRAGMA integrity_check;'], { encoding: 'utf8' }));
  const shellOk = shell.value.status === 0 && shell.value.stdout.trim() === 'ok';
  const perThousand = (ms: number, rows: number) => Number(((ms / Math.max(1, rows)) * 1000).toFixed(2));
  writeResult({
    name: 'store-row-checks',
    description:
      `per-row hashes on records and patrons: ${CHECKOUTS} checkouts and ${CHECKOUTS / 5} registrations with the row-check triggers vs without (same run, same machine); ` +
      `then sealing and verifying every row of a ${RECORDS}-record store beside SQLite's quick_check, integrity_check and the sqlite3 shell's integrity_check on the same file`,
    unit: 'ms',
    figures: {
      withRowChecks: a,
      withoutRowChecks: b,
      seal: { rows: seal.value, ms: seal.ms },
      verify: { rows: verify.value, ms: verify.ms, perThousandRowsMs: perThousand(verify.ms, verify.value) },
      peers: {
        quickCheck: { ms: quick.ms, result: quick.value },
        integrityCheck: { ms: integrity.ms, result: integrity.value },
        sqlite3ShellIntegrityCheck: shellOk
          ? { ms: shell.ms, result: 'ok' }
          : { ms: null, result: (shell.value.error?.message ?? shell.value.stderr).slice(0, 200) },
      },
      ratios: {
        checkoutP50WithVsWithout: ratio(a.checkout.p50, b.checkout.p50),
        checkoutP99WithVsWithout: ratio(a.checkout.p99, b.checkout.p99),
        registrationP50WithVsWithout: ratio(a.registration.p50, b.registration.p50),
        verifyVsIntegrityCheck: ratio(verify.ms, integrity.ms),
        verifyVsQuickCheck: ratio(verify.ms, quick.ms),
        ...(shellOk ? { verifyVsSqlite3Shell: ratio(verify.ms, shell.ms) } : {}),
      },
    },
  });
} finally {
  await withChecks.close();
  await without.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}
