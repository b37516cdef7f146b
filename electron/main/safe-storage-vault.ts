// The Electron kiosk keeps its keys with safeStorage: DPAPI on Windows, the Secret Service keyring
// (libsecret/kwallet) on Linux. The sealed bytes sit in <dataDir>/keys/*.safe (folder 0700); without
// this OS user's login keyring they are useless, so neither a copied disk folder nor a backup can
// confirm a CCCD number. When no keyring is available (a bare Linux session) the file vault of
// browser mode is used, and the log says so.
import { safeStorage } from 'electron';
import { join } from 'node:path';
import type { Logger } from '../core/log';
import { fileKeyVault, KEYS_DIR, type KeyVault } from '../core/security/key-vault';

export function safeStorageVault(dataDir: string, log: Logger): KeyVault {
  const dir = join(dataDir, KEYS_DIR);
  // 'basic_text' means Chromium fell back to a hard-coded password: no better than the 0600 file.
  const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os';
  if (!safeStorage.isEncryptionAvailable() || backend === 'basic_text') {
    log.log('warn', 'keys.safe_storage_unavailable', { backend, fallback: 'file 0600' });
    return fileKeyVault(dir);
  }
  return fileKeyVault(dir, {
    suffix: '.safe',
    seal: (plain) => safeStorage.encryptString(plain.toString('base64')),
    unseal: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'base64'),
  });
}
