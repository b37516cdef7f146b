// The Electron kiosk keeps its keys with safeStorage: DPAPI on Windows, the Secret Service keyring
// (libsecret/kwallet) on Linux. The sealed bytes sit in <dataDir>/keys/*.safe (folder 0700); without
// this OS user's login keyring they are useless, so neither a copied disk folder nor a backup can
// confirm a CCCD number. A plain key file an older version (or browser mode) left there is sealed
// and removed at start (core/security/key-protection.ts decides; this file only says whether
// safeStorage can protect). When no keyring is available (a bare Linux session) the file vault of
// browser mode is used, and the log says so.
import { safeStorage } from 'electron';
import { join } from 'node:path';
import type { Logger } from '../core/log';
import { KEYS_DIR, type KeyVault } from '../core/security/key-vault';
import { keyVaultFor, type KeyProtector } from '../core/security/key-protection';

function safeStorageProtector(log: Logger): KeyProtector | undefined {
  // 'basic_text' means Chromium fell back to a hard-coded password: no better than the 0600 file.
  const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os';
  if (!safeStorage.isEncryptionAvailable() || backend === 'basic_text') {
    log.log('warn', 'keys.safe_storage_unavailable', { backend, fallback: 'file 0600' });
    return undefined;
  }
  return {
    suffix: '.safe',
    seal: (plain) => safeStorage.encryptString(plain.toString('base64')),
    unseal: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'base64'),
  };
}

export function safeStorageVault(dataDir: string, log: Logger): KeyVault {
  return keyVaultFor(join(dataDir, KEYS_DIR), safeStorageProtector(log), log);
}
