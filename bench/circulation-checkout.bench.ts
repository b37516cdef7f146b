// Checkout in the core: validate, write the loan and its event, commit with synchronous=FULL on a
// real file. p50/p99 over 10,000 checkouts on the demo catalogue grown to 10,000 lendable copies.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkout } from '../electron/core/circulation/checkout';
import { createKiosk } from '../electron/core/kiosk';
import { silentLogger } from '../electron/core/log';
import { createPatron } from '../electron/core/patrons/records';
import { summarise, writeResult } from './harness';

const CHECKOUTS = 10_000;
const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-bench-checkout-'));
const kiosk = await createKiosk({ dataDir, log: silentLogger });
try {
  const { db, ctx } = kiosk;
  // Setup (not timed): enough copies and enough residents (5 loans each as adults).
  db.transaction(() => {
    const insert = db.prepare(
      "INSERT INTO items (barcode, record_id, collection_id, status, added_at) VALUES (?, ((? % 300) + 1), 1, 'available', '2026-01-01')",
    );
    for (let i = 0; i < CHECKOUTS; i++) insert.run(`BX${String(i).padStart(6, '0')}`, i);
  })();
  const cards: string[] = [];
  for (let i = 0; i < CHECKOUTS / 5; i++)
    cards.push(createPatron(ctx, { fullName: `Bạn đọc ${i}`, category: 'adult', birthYear: 1980 }, { via: 'import', status: 'active' }).cardNumber);

  const samples: number[] = [];
  for (let i = 0; i < CHECKOUTS; i++) {
    const card = cards[Math.floor(i / 5)]!;
    const started = performance.now();
    checkout(ctx, card, `BX${String(i).padStart(6, '0')}`);
    samples.push(performance.now() - started);
  }
  const loans = (db.prepare('SELECT COUNT(*) AS n FROM loans').get() as { n: number }).n;
  if (loans !== CHECKOUTS) throw new Error(`expected ${CHECKOUTS} loans, found ${loans}`);
  const figures = summarise(samples);
  writeResult({
    name: 'circulation-checkout',
    description: 'circulation checkout in the core (validate, loan + event, commit with synchronous=FULL, WAL) over 10,000 checkouts on a file in the temp dir',
    unit: 'ms',
    figures: { ...figures, synchronous: db.pragma('synchronous', { simple: true }), journalMode: db.pragma('journal_mode', { simple: true }) },
  });
} finally {
  await kiosk.close();
  rmSync(dataDir, { recursive: true, force: true });
}
