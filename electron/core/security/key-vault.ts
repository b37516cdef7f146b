// Where the kiosk keeps keys that must not travel with its database or backups (the CCCD HMAC key).
// The core asks a KeyVault; the entry point chooses it: Electron's safeStorage (DPAPI on Windows,
// the keyring on Linux) in electron/main, or — browser mode and the CLI — a file in a folder only
// the kiosk's OS user may read. Neither lives in kiosk.sqlite, so a copied database or backup
// alone cannot be used to confirm a CCCD number.
import { chmodSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export interface KeyVault {
  /** The key stored under `name`, or undefined when there is none. */
  load(name: string): Buffer | undefined;
  /** Stores `value` under `name`, replacing it atomically. */
  save(name: string, value: Buffer): void;
  /** Where the keys are, for the technician (no key material). */
  readonly where: string;
}

/** The folder inside the data directory that holds key files; never part of a backup. */
export const KEYS_DIR = 'keys';

const NAME = /^[a-z0-9-]{1,40}$/;

/**
 * Keys as files (mode 0600) in a folder of mode 0700: readable only by the OS user the kiosk runs
 * as. `seal`/`unseal` let Electron wrap the bytes with safeStorage before they reach the disk.
 */
export function fileKeyVault(
  dir: string,
  wrap: { seal(plain: Buffer): Buffer; unseal(sealed: Buffer): Buffer; suffix: string } | undefined = undefined,
): KeyVault {
  const suffix = wrap?.suffix ?? '.key';
  const fileOf = (name: string) => {
    if (!NAME.test(name)) throw new Error(`Invalid key name ${name}`);
    return join(dir, `${name}${suffix}`);
  };
  return {
    where: dir,
    load(name) {
      const file = fileOf(name);
      if (!existsSync(file)) return undefined;
      const bytes = readFileSync(file);
      return wrap ? wrap.unseal(bytes) : Buffer.from(bytes.toString('utf8').trim(), 'base64');
    },
    save(name, value) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      chmodSync(dir, 0o700);
      const file = fileOf(name);
      const partial = `${file}.partial`;
      rmSync(partial, { force: true });
      const fd = openSync(partial, 'w', 0o600);
      try {
        writeSync(fd, wrap ? wrap.seal(value) : Buffer.from(`${value.toString('base64')}\n`, 'utf8'));
        // On the disk before the rename, so a power cut leaves the old key or the new one, never an empty file.
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(partial, file);
    },
  };
}
