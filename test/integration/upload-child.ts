// Child process of the SIGKILL test: opens the kiosk on a data directory at a fixed time and
// uploads; the parent kills it while the request is in flight.
import { FakeClock } from '../../electron/core/clock';
import { createKiosk } from '../../electron/core/kiosk';
import { silentLogger } from '../../electron/core/log';
import { uploaderOf } from '../../electron/core/upload/register';

const [dataDir, now] = process.argv.slice(2) as [string, string];
const kiosk = await createKiosk({ dataDir, clock: new FakeClock(Number(now)), log: silentLogger });
process.stdout.write('UPLOADING\n');
await uploaderOf(kiosk.ctx).runNow();
process.stdout.write('DONE\n');
await kiosk.close();
