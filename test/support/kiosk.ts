// A kiosk core on a temporary data directory with a fake clock, for unit and integration tests.
import { afterEach } from 'vitest';
import { FakeClock } from '../../electron/core/clock';
import { createKiosk, type Kiosk } from '../../electron/core/kiosk';
import { silentLogger } from '../../electron/core/log';
import { tempDir } from './temp-dir';
import { createNativeDevices } from '../../native';
import { openResidentSession, type ResidentProof } from '../../electron/core/patrons/resident-sessions';
import { requirePatron } from '../../electron/core/patrons/records';
import { KioskError } from '../../electron/core/errors';

export interface TestKiosk {
  kiosk: Kiosk;
  clock: FakeClock;
  dataDir: string;
  call<T = unknown>(method: string, params?: unknown): Promise<T>;
  /**
   * A resident token for a card, as if the resident had just signed in here (no visit recorded).
   * Refuses an unknown card the way sign-in does.
   */
  residentToken(card: string, proof?: ResidentProof): Promise<string>;
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
  return testKioskOf(kiosk, clock, dir.path);
}

/** The test's view of a kiosk core opened by hand (a test that needs its own logger, say). */
export function testKioskOf(kiosk: Kiosk, clock: FakeClock, dataDir: string): TestKiosk {
  return {
    kiosk,
    clock,
    dataDir,
    async call<T>(method: string, params: unknown = {}) {
      const reply = await kiosk.registry.dispatch(method, params);
      if (!reply.ok) throw Object.assign(new Error(reply.error.message), { apiError: reply.error });
      return reply.value as T;
    },
    async residentToken(card: string, proof: ResidentProof = 'card') {
      try {
        return openResidentSession(kiosk.ctx, requirePatron(kiosk.ctx, card), proof);
      } catch (error) {
        if (error instanceof KioskError) throw Object.assign(new Error(error.message), { apiError: error.toApiError() });
        throw error;
      }
    },
  };
}

/** The refusal a call ended with (the core's typed error), or a failure when the call went through. */
export async function refusal(promise: Promise<unknown>): Promise<{ code: string; reason?: string; message: string; params?: Record<string, unknown> }> {
  const error = await promise.then(
    () => undefined,
    (e: { apiError: { code: string; reason?: string; message: string; params?: Record<string, unknown> } }) => e.apiError,
  );
  if (!error) throw new Error('expected a refusal');
  return error;
}

/** A token of the demo staff member (NV0001), signed in through the contract as the desk does. */
export async function staffToken(t: TestKiosk): Promise<string> {
  return (await t.call<{ token: string }>('staff.signIn', { card: 'NV0001', pin: '147258' })).token;
}

/** The payloads of one type of event in the kiosk's event log, oldest first. */
export function events(t: TestKiosk, type: string): Record<string, unknown>[] {
  return (t.kiosk.db.prepare('SELECT payload FROM events WHERE type = ? ORDER BY id').all(type) as { payload: string }[]).map((r) => JSON.parse(r.payload));
}
