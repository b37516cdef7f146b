// The portal's push-signing key at rest (issue #19): sealed in the database with a secret kept in a
// file outside it. What a thief with a dump of the database, or a second collector with another
// secret, can do with it: nothing. A key stored in the clear by an older collector is sealed at the
// next start and keeps its public half, so kiosks that pinned it go on verifying.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openPrivateKey, sealPrivateKey } from '../../collector/key-seal';
import { portalKey } from '../../collector/pushes';
import { openSqliteStore } from '../../collector/store/sqlite';
import { builtCli } from '../support/cli';
import { DEFAULT_INSTANT, testClockArgs } from '../support/clock';
import { tempDir } from '../support/temp-dir';

const NOW = Date.parse('2026-12-01T01:00:00Z');

function pemPair() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { publicKey: (publicKey.export({ format: 'jwk' }) as { x: string }).x, privateKey: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString() };
}

describe('sealing the private key', () => {
  it('opens only with the same secret and beside the same public key', () => {
    const key = pemPair();
    const secret = randomBytes(32);
    const sealed = sealPrivateKey(key.privateKey, key.publicKey, secret);
    expect(sealed).not.toContain('PRIVATE KEY');
    expect(openPrivateKey(sealed, key.publicKey, secret)).toBe(key.privateKey);
    expect(() => openPrivateKey(sealed, key.publicKey, randomBytes(32))).toThrow(/collector-secret.key/);
    expect(() => openPrivateKey(sealed, pemPair().publicKey, secret)).toThrow(/không mở được/);
    const flipped = sealed.slice(0, -2) + (sealed.at(-2) === 'A' ? 'B' : 'A') + sealed.at(-1);
    expect(() => openPrivateKey(flipped, key.publicKey, secret)).toThrow(/không mở được/);
  });
});

describe('the signing key in the store', () => {
  it('a key kept in the clear by an older collector is sealed at the next start and keeps its public half', async () => {
    const dir = tempDir('collector-legacy-');
    try {
      const file = join(dir.path, 'collector.sqlite');
      const secret = randomBytes(32);
      const setup = openSqliteStore(file, { keySecret: secret });
      await setup.migrate();
      await setup.close();
      const legacy = pemPair();
      const db = new Database(file);
      db.prepare('INSERT INTO portal_keys (id, public_key, private_key, created_at) VALUES (1, ?, ?, ?)').run(
        legacy.publicKey,
        legacy.privateKey,
        '2026-01-01T00:00:00Z',
      );
      db.close();

      const store = openSqliteStore(file, { keySecret: secret });
      expect(await portalKey(store, () => NOW)).toEqual(legacy);
      await store.close();
      const stored = new Database(file, { readonly: true }).prepare('SELECT public_key, private_key FROM portal_keys').get() as Record<string, string>;
      expect(stored.public_key).toBe(legacy.publicKey);
      expect(stored.private_key).not.toContain('PRIVATE KEY');

      // Opened without the secret, or with another one, the store signs nothing.
      const bare = openSqliteStore(file);
      await expect(portalKey(bare, () => NOW)).rejects.toThrow(/tệp bí mật/);
      await bare.close();
      const other = openSqliteStore(file, { keySecret: randomBytes(32) });
      await expect(portalKey(other, () => NOW)).rejects.toThrow(/collector-secret.key/);
      await other.close();
    } finally {
      dir.remove();
    }
  });
});

describe('the collector service', () => {
  const serve = (db: string, extra: string[] = []) =>
    new Promise<{ code: number | null; url?: string; stderr: string }>((resolve) => {
      const collector = join(builtCli, '../collector/collector.mjs');
      const child = spawn(process.execPath, [collector, 'serve', '--port', '0', '--db', db, ...extra, ...testClockArgs(DEFAULT_INSTANT)], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      let url: string | undefined;
      child.stderr.on('data', (c) => (stderr += String(c)));
      child.stdout.on('data', (c) => {
        url ??= /COLLECTOR_URL=(\S+)/.exec(String(c))?.[1];
        if (url) child.kill('SIGTERM');
      });
      child.once('exit', (code) => resolve({ code, stderr, ...(url ? { url } : {}) }));
    });

  it('makes its secret file beside the database at first start, readable by its own user only, and refuses another secret with what to do', async () => {
    const dir = tempDir('collector-secret-');
    try {
      const db = join(dir.path, 'collector.sqlite');
      const first = await serve(db);
      expect(first.url, first.stderr).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const secretFile = join(dir.path, 'collector-secret.key');
      expect(statSync(secretFile).mode & 0o777).toBe(0o600);
      const secret = Buffer.from(readFileSync(secretFile, 'utf8').trim(), 'base64');
      expect(secret).toHaveLength(32);

      // What the database holds: a sealed key, nothing a dump could sign with.
      const dump = readFileSync(db).toString('latin1');
      expect(dump).not.toContain('PRIVATE KEY');
      const store = openSqliteStore(db, { keySecret: secret });
      const again = await portalKey(store, () => NOW);
      await store.close();
      expect(again.privateKey).toContain('PRIVATE KEY');

      // The secret lost and a new one made: the service stops at start, saying which file to restore.
      writeFileSync(secretFile, `${randomBytes(32).toString('base64')}\n`);
      const wrong = await serve(db);
      expect(wrong.url).toBeUndefined();
      expect(wrong.code).not.toBe(0);
      expect(wrong.stderr).toContain('Hãy chép lại đúng tệp collector-secret.key');
      expect(wrong.stderr).toContain(secretFile);

      // A file that is not a secret is refused, not replaced.
      writeFileSync(secretFile, 'không phải bí mật\n');
      const junk = await serve(db);
      expect(junk.code).not.toBe(0);
      expect(junk.stderr).toContain('không đúng dạng');
      expect(readFileSync(secretFile, 'utf8')).toBe('không phải bí mật\n');

      // --secret-file elsewhere (a disk the database's backups do not copy).
      const elsewhere = join(dir.path, 'elsewhere.key');
      writeFileSync(secretFile, `${secret.toString('base64')}\n`);
      expect(existsSync(elsewhere)).toBe(false);
      const moved = await serve(join(dir.path, 'other.sqlite'), ['--secret-file', elsewhere]);
      expect(moved.url, moved.stderr).toBeDefined();
      expect(existsSync(elsewhere)).toBe(true);
    } finally {
      dir.remove();
    }
  });
});
