// Child process of the SIGKILL test: opens a demo kiosk, gives 60 residents a card, then lends
// books one after another and prints "ACK <loanId> <item> <card>" only after each checkout returned
// (committed). The parent kills it with SIGKILL at an arbitrary point.
import { createKiosk } from '../../electron/core/kiosk';
import { silentLogger } from '../../electron/core/log';
import { createPatron } from '../../electron/core/patrons/records';
import { checkout } from '../../electron/core/circulation/checkout';

const dataDir = process.argv[2]!;
const kiosk = await createKiosk({ dataDir, log: silentLogger });
const cards: string[] = [];
for (let i = 0; i < 60; i++)
  cards.push(createPatron(kiosk.ctx, { fullName: `Bạn đọc thử ${i}`, category: 'adult', birthYear: 1980 }, { via: 'staff', status: 'active' }).cardNumber);
const items = (kiosk.db.prepare("SELECT barcode FROM items WHERE status = 'available' ORDER BY id").all() as { barcode: string }[]).map((r) => r.barcode);
process.stdout.write('READY\n');
let n = 0;
for (const item of items) {
  const card = cards[n % cards.length]!;
  try {
    const loan = checkout(kiosk.ctx, card, item);
    process.stdout.write(`ACK ${loan.loanId} ${item} ${card}\n`);
    n++;
  } catch {
    // A refusal (limit reached) writes no loan; go on with the next item.
  }
}
process.stdout.write('DONE\n');
await kiosk.close();
