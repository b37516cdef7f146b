// The cost of per-row hashes (store/row-checks.ts, migration 0076) side by side in one run: the same
// checkouts and registrations on two kiosks, one with the row-check triggers and one with them
// dropped; plus sealing and verifying every row, as the owner does each minute and at start.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkout } from '../electron/core/circulation/checkout';
import { createKiosk, type Kiosk } from '../electron/core/kiosk';
import { silentLogger } from '../electron/core/log';
import { createPatron } from '../electron/core/patrons/records';
import { sealRows, verifyRows } from '../electron/core/store/row-checks';
import { summarise, writeResult } from './harness';

const CHECKOUTS = 3_000;

async function measure(kiosk: Kiosk, prefix: string) {
  const { db, ctx } = kiosk;
  db.transaction(() => {
    const insert = db.prepare("INSERT INTO items (barcode, record_id, collection_id, status, added_at) VALUES (?, ((? % 300) + 1), 1, 'available', '2026-01-01')");
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
  for (const name of ['records_insert', 'records_update', 'records_delete', 'patrons_insert', 'patrons_update', 'patrons_delete']) without.db.exec(`DROP TRIGGER row_checks_${name}`);
  const a = await measure(withChecks, 'RA');
  const b = await measure(without, 'RB');
  const sealStarted = performance.now();
  const sealed = sealRows(withChecks.db);
  const sealMs = performance.now() - sealStarted;
  const verifyStarted = performance.now();
  const { checked } = verifyRows(withChecks.db);
  const verifyMs = performance.now() - verifyStarted;
  writeResult({
    name: 'store-row-checks',
    description: `per-row hashes on records and patrons: ${CHECKOUTS} checkouts and ${CHECKOUTS / 5} registrations with the row-check triggers vs without (same run, same machine), then sealing the pending rows and verifying every sealed row`,
    unit: 'ms',
    figures: { withRowChecks: a, withoutRowChecks: b, seal: { rows: sealed, ms: Number(sealMs.toFixed(1)) }, verify: { rows: checked, ms: Number(verifyMs.toFixed(1)), perThousandRowsMs: Number(((verifyMs / Math.max(1, checked)) * 1000).toFixed(2)) } },
  });
} finally {
  await withChecks.close();
  await without.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}
