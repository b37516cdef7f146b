// A kiosk core on a temporary data directory with a fake clock, for unit and integration tests.
import { afterEach } from 'vitest';
import { FakeClock } from '../../electron/core/clock';
import { createKiosk, type Kiosk } from '../../electron/core/kiosk';
import { silentLogger } from '../../electron/core/log';
import { tempDir } from './temp-dir';
import { createNativeDevices } from '../../native';

export interface TestKiosk {
  kiosk: Kiosk;
  clock: FakeClock;
  dataDir: string;
  call<T = unknown>(method: string, params?: unknown): Promise<T>;
}

const open: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!();
});

/** Opens a demo kiosk (seeded demo data) unless `configure` writes a kiosk.config.json first. */
export async function openTestKiosk(options: { clock?: FakeClock; configure?: (dataDir: string) => void } = {}): Promise<TestKiosk> {
  const dir = tempDir();
  options.configure?.(dir.path);
  const clock = options.clock ?? new FakeClock();
  const kiosk = await createKiosk({ dataDir: dir.path, clock, log: silentLogger, devices: createNativeDevices() });
  open.push(async () => {
    await kiosk.close();
    dir.remove();
  });
  return {
    kiosk,
    clock,
    dataDir: dir.path,
    async call<T>(method: string, params: unknown = {}) {
      const reply = await kiosk.registry.dispatch(method, params);
      if (!reply.ok) throw Object.assign(new Error(reply.error.message), { apiError: reply.error });
      return reply.value as T;
    },
  };
}
