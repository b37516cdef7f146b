// Which key vault a kiosk uses, and the move of keys older versions left as plain files. Electron
// passes a protector (safeStorage: DPAPI on Windows, the keyring on Linux); browser mode and the
// CLI have none and keep the 0600 files. When a protector is there, every plain `<name>.key` in the
// keys folder is sealed into `<name><suffix>`, read back to check, and only then is the plain copy
// overwritten and removed: a power cut at any step leaves the key readable (plain, sealed, or
// both, which the next start settles), never lost. Plain functions so tests run them with a real
// protector that is not Electron's.
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, rmSync, statSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Logger } from '../log';
import { fileKeyVault, type KeyVault } from './key-vault';

/** Seals key bytes for this OS user only (Electron's safeStorage in electron/main). */
export interface KeyProtector {
  seal(plain: Buffer): Buffer;
  unseal(sealed: Buffer): Buffer;
  /** The file name ending of sealed keys, e.g. `.safe`; never `.key`. */
  suffix: string;
}

const PLAIN_SUFFIX = '.key';
const NAME = /^([a-z0-9-]{1,40})\.key$/;

/** Overwrites a file's bytes before removing it, so the key is not left readable in the file's old blocks (where the disk allows). */
function wipe(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, randomBytes(statSync(file).size), 0);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  rmSync(file, { force: true });
}

/**
 * Seals every plain key in `dir` with `protector` and removes the plain copies. When a sealed key of
 * the same name already exists and differs (browser mode made a new one beside Electron's), the
 * sealed one stays in use and the plain one is kept sealed as `<name>-replaced`, as a restore does.
 */
export function protectPlainKeys(dir: string, protector: KeyProtector, log: Logger): { sealed: string[]; replaced: string[] } {
  const result = { sealed: [] as string[], replaced: [] as string[] };
  if (!existsSync(dir)) return result;
  const plainVault = fileKeyVault(dir);
  const sealedVault = fileKeyVault(dir, protector);
  for (const file of readdirSync(dir).sort()) {
    const name = NAME.exec(file)?.[1];
    if (!name) continue;
    const plain = plainVault.load(name)!;
    const current = sealedVault.load(name);
    if (current && !current.equals(plain)) {
      sealedVault.save(`${name}-replaced`, plain);
      result.replaced.push(name);
    } else if (!current) {
      sealedVault.save(name, plain);
      if (!sealedVault.load(name)?.equals(plain)) throw new Error(`the sealed key ${name} does not read back; the plain one is kept`);
      result.sealed.push(name);
    }
    wipe(join(dir, file));
  }
  if (result.sealed.length || result.replaced.length)
    log.log('info', 'keys.plain_keys_protected', { sealed: result.sealed.length, replaced: result.replaced.length, suffix: protector.suffix });
  return result;
}

/** The vault for `dir`: sealed with the protector when there is one (plain keys moved into it first), else plain 0600 files. */
export function keyVaultFor(dir: string, protector: KeyProtector | undefined, log: Logger): KeyVault {
  if (!protector) return fileKeyVault(dir);
  if (protector.suffix === PLAIN_SUFFIX) throw new Error('a protector must not write plain key files');
  protectPlainKeys(dir, protector, log);
  return fileKeyVault(dir, protector);
}
