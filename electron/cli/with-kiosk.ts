// Opens a kiosk core for one CLI command and always closes it, so the database is never left open.
import { createKiosk, type Kiosk } from '../core/kiosk';
import { chooseDataDir } from '../core/config/data-dir';
import { silentLogger } from '../core/log';
import { CliFailure, type CommonOptions } from './output';
import { createNativeDevices } from '../../native';
import { cliClock } from './clock';
import { requireRoomStore } from '../core/room/store-guard';

export async function withKiosk<T>(options: CommonOptions, body: (kiosk: Kiosk) => Promise<T>): Promise<T> {
  const kiosk = await createKiosk({ dataDir: chooseDataDir(options.dataDir), log: silentLogger, devices: createNativeDevices(), clock: cliClock() });
  try {
    return await body(kiosk);
  } finally {
    await kiosk.close();
  }
}

/**
 * For commands that read or change loans and patrons straight in the core: on a room kiosk those
 * belong to the hub, so the command is refused there with a sentence instead of acting on this
 * PC's own, unused store.
 */
export async function withRoomStore<T>(options: CommonOptions, body: (kiosk: Kiosk) => Promise<T>): Promise<T> {
  return withKiosk(options, (kiosk) => {
    requireRoomStore(kiosk.ctx);
    return body(kiosk);
  });
}

/** Calls one contract method through the same boundary the screens use; a refusal becomes a CLI failure. */
export async function callApi(kiosk: Kiosk, method: string, params: unknown): Promise<unknown> {
  const reply = await kiosk.registry.dispatch(method, params);
  if (reply.ok) return reply.value;
  throw new CliFailure(reply.error.message, 1, reply.error);
}

/** Secrets come from the environment, never from argv (which every local user can read in `ps`). */
export function secretFromEnv(name: 'KIOSK_PIN' | 'KIOSK_PASSPHRASE' | 'KIOSK_RESIDENT_PIN', what: string): string {
  const value = process.env[name];
  if (!value) throw new CliFailure(`Hãy đặt ${what} vào biến môi trường ${name} (ví dụ: read -s ${name}; export ${name}) rồi chạy lại.`, 2);
  return value;
}

/** Signs the staff member in with their card and the PIN in KIOSK_PIN, so what the command does is recorded as theirs. */
export async function staffSignIn(kiosk: Kiosk, card: string): Promise<string> {
  const pin = secretFromEnv('KIOSK_PIN', 'mã PIN cán bộ');
  return ((await callApi(kiosk, 'staff.signIn', { card, pin })) as { token: string }).token;
}
