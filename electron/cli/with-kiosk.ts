// Opens a kiosk core for one CLI command and always closes it, so the database is never left open.
import { createKiosk, type Kiosk } from '../core/kiosk';
import { chooseDataDir } from '../core/config/data-dir';
import { silentLogger } from '../core/log';
import type { CommonOptions } from './output';
import { createNativeDevices } from '../../native';
import { cliClock } from './clock';

export async function withKiosk<T>(options: CommonOptions, body: (kiosk: Kiosk) => Promise<T>): Promise<T> {
  const kiosk = await createKiosk({ dataDir: chooseDataDir(options.dataDir), log: silentLogger, devices: createNativeDevices(), clock: cliClock() });
  try {
    return await body(kiosk);
  } finally {
    await kiosk.close();
  }
}

/** Calls one contract method through the same boundary the screens use; a refusal becomes a CLI failure. */
export async function callApi(kiosk: Kiosk, method: string, params: unknown): Promise<unknown> {
  const reply = await kiosk.registry.dispatch(method, params);
  if (reply.ok) return reply.value;
  const { CliFailure } = await import('./output');
  throw new CliFailure(reply.error.message, 1, reply.error);
}
