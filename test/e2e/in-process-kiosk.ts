// A kiosk core and its browser-mode host started inside the test process (what dist/host.mjs does),
// for e2e tests that must also reach the core directly: attach a browsing guard to the core's picker,
// or give it a test USB stick and key. The clock starts at the test's instant, never the machine's.
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { createKiosk, type Kiosk } from '../../electron/core/kiosk';
import { silentLogger } from '../../electron/core/log';
import { startHost, type Host } from '../../electron/host/server';
import { createNativeDevices } from '../../native';
import { startedClock } from '../../common/testing/test-clock';
import { DEFAULT_INSTANT } from '../support/clock';
import { distDir } from './fixtures';

export interface InProcessKiosk {
  kiosk: Kiosk;
  host: Host;
  close(): Promise<void>;
}

export async function startInProcessKiosk(workDir: string, at: string = DEFAULT_INSTANT): Promise<InProcessKiosk> {
  const kiosk = await createKiosk({
    dataDir: mkdtempSync(join(workDir, 'data-')),
    clock: startedClock({ startMs: Date.parse(at), rate: 1 }),
    log: silentLogger,
    devices: createNativeDevices(),
  });
  const host = await startHost({ kiosk, rendererDir: join(distDir, 'renderer'), port: 0 });
  return {
    kiosk,
    host,
    async close() {
      await host.close();
      await kiosk.close();
    },
  };
}
