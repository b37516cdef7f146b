// A plain key file from an older kiosk moves under the operating system's protection when one is
// there (issue #16, the CCCD key outside the database). Electron's safeStorage cannot run here, so
// the protector is a real one that is not Electron's: keys sealed with a passphrase
// (security/sealed.ts, scrypt + AES-256-GCM), the same interface electron/main gives safeStorage.
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyVaultFor, protectPlainKeys, type KeyProtector } from '../../../electron/core/security/key-protection';
import { fileKeyVault } from '../../../electron/core/security/key-vault';
import { seal, unseal } from '../../../electron/core/security/sealed';
import { CCCD_KEY_NAME, cccdKey } from '../../../electron/core/patrons/cccd-key';
import type { Logger } from '../../../electron/core/log';
import { tempDir } from '../../support/temp-dir';

/** Keys sealed with a passphrase: a protector as real as safeStorage, without Electron. */
function passphraseProtector(passphrase: string, suffix = '.sealed-key'): KeyProtector {
  return { suffix, seal: (plain) => seal(plain, passphrase), unseal: (sealed) => unseal(sealed, passphrase) };
}

function logger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, log: (level, event, fields) => lines.push(JSON.stringify({ level, event, ...fields })) };
}

/** A keys folder as an older kiosk left it: the CCCD key as a plain base64 file. */
function olderKiosk(): { dir: string; key: Buffer; remove(): void } {
  const d = tempDir();
  const dir = join(d.path, 'keys');
  const key = randomBytes(32);
  fileKeyVault(dir).save(CCCD_KEY_NAME, key);
  return { dir, key, remove: d.remove };
}

/** Every byte in the folder, to look for the key in any readable form. */
function everything(dir: string): Buffer {
  return Buffer.concat(readdirSync(dir).map((name) => readFileSync(join(dir, name))));
}

describe('plain keys under a protector', () => {
  it('seals a plain key and removes the plain copy: the same key is used, and nothing in the folder reads as it', () => {
    const older = olderKiosk();
    const log = logger();
    const protector = passphraseProtector('khóa của máy kiosk xã');
    const vault = keyVaultFor(older.dir, protector, log);
    expect(readdirSync(older.dir)).toEqual([`${CCCD_KEY_NAME}.sealed-key`]);
    expect(cccdKey(vault).equals(older.key)).toBe(true);
    const bytes = everything(older.dir);
    expect(bytes.includes(older.key)).toBe(false);
    expect(bytes.includes(Buffer.from(older.key.toString('base64')))).toBe(false);
    expect(log.lines).toEqual([JSON.stringify({ level: 'info', event: 'keys.plain_keys_protected', sealed: 1, replaced: 0, suffix: '.sealed-key' })]);
    // A second start finds nothing left to move.
    expect(protectPlainKeys(older.dir, protector, log)).toEqual({ sealed: [], replaced: [] });
    older.remove();
  });

  it('settles a start cut short after sealing (both copies there): the plain one goes, nothing is replaced', () => {
    const older = olderKiosk();
    const protector = passphraseProtector('khóa của máy kiosk xã');
    fileKeyVault(older.dir, protector).save(CCCD_KEY_NAME, older.key);
    expect(protectPlainKeys(older.dir, protector, logger())).toEqual({ sealed: [], replaced: [] });
    expect(readdirSync(older.dir)).toEqual([`${CCCD_KEY_NAME}.sealed-key`]);
    older.remove();
  });

  it('keeps the protected key in use when a different plain one appeared beside it, the plain one sealed as -replaced', () => {
    const older = olderKiosk();
    const protector = passphraseProtector('khóa của máy kiosk xã');
    const inUse = randomBytes(32);
    fileKeyVault(older.dir, protector).save(CCCD_KEY_NAME, inUse);
    expect(protectPlainKeys(older.dir, protector, logger())).toEqual({ sealed: [], replaced: [CCCD_KEY_NAME] });
    const vault = fileKeyVault(older.dir, protector);
    expect(vault.load(CCCD_KEY_NAME)!.equals(inUse)).toBe(true);
    expect(vault.load(`${CCCD_KEY_NAME}-replaced`)!.equals(older.key)).toBe(true);
    expect(readdirSync(older.dir).filter((n) => n.endsWith('.key'))).toEqual([]);
    older.remove();
  });

  it('keeps the plain key when the protector cannot read back what it sealed (a keyring that changed), and without a protector', () => {
    const older = olderKiosk();
    const broken: KeyProtector = {
      suffix: '.sealed-key',
      seal: (plain) => seal(plain, 'mật khẩu khi niêm phong'),
      unseal: (sealed) => unseal(sealed, 'một mật khẩu khác hẳn'),
    };
    expect(() => keyVaultFor(older.dir, broken, logger())).toThrow();
    expect(fileKeyVault(older.dir).load(CCCD_KEY_NAME)!.equals(older.key)).toBe(true);
    // Browser mode and the CLI: no protector, the plain 0600 file stays where it is.
    const plain = keyVaultFor(older.dir, undefined, logger());
    expect(plain.load(CCCD_KEY_NAME)!.equals(older.key)).toBe(true);
    expect(readdirSync(older.dir)).toContain(`${CCCD_KEY_NAME}.key`);
    older.remove();
  });

  it('ignores files that are not key files, and a folder not made yet', () => {
    const d = tempDir();
    const dir = join(d.path, 'keys');
    expect(protectPlainKeys(dir, passphraseProtector('khóa của máy kiosk xã'), logger())).toEqual({ sealed: [], replaced: [] });
    mkdirSync(dir);
    writeFileSync(join(dir, 'ghi-chu.txt'), 'không phải khóa');
    writeFileSync(join(dir, 'TEN HOA.key'), 'không phải khóa');
    expect(protectPlainKeys(dir, passphraseProtector('khóa của máy kiosk xã'), logger())).toEqual({ sealed: [], replaced: [] });
    expect(readdirSync(dir).sort()).toEqual(['TEN HOA.key', 'ghi-chu.txt']);
    d.remove();
  });
});
