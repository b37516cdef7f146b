// Terminal identity: created on first start, kept on the same machine, replaced on a cloned disk.
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../../electron/core/clock';
import { ensureTerminalIdentity, META_IDENTITY_RESET_AT } from '../../../electron/core/identity/identity';
import { machineFingerprint, parseLinuxMachineId, parseMachineGuid, readMachineId } from '../../../electron/core/identity/machine-id';
import { getMeta } from '../../../electron/core/store/meta';
import { migrate } from '../../../electron/core/store/migrations';

function memoryDb() {
  const db = new Database(':memory:');
  migrate(db);
  return db;
}

const A = '0123456789abcdef0123456789abcdef';
const B = 'fedcba9876543210fedcba9876543210';

describe('terminal identity', () => {
  it('is created once, kept on the same machine, and replaced when the disk moves to another machine', () => {
    const db = memoryDb();
    const clock = new FakeClock();
    const first = ensureTerminalIdentity(db, clock, A);
    expect(first.outcome).toBe('created');
    expect(first.terminalId).toMatch(/^kiosk-[A-Za-z0-9_-]{16}$/);
    expect(ensureTerminalIdentity(db, clock, A)).toEqual({ outcome: 'kept', terminalId: first.terminalId });
    const cloned = ensureTerminalIdentity(db, clock, B);
    expect(cloned.outcome).toBe('cloned');
    expect(cloned.terminalId).not.toBe(first.terminalId);
    expect(cloned.previousTerminalId).toBe(first.terminalId);
    expect(getMeta(db, META_IDENTITY_RESET_AT)).toBe(new Date(clock.now()).toISOString());
    // The raw machine id is never stored.
    const stored = (db.prepare('SELECT group_concat(value) AS v FROM meta').get() as { v: string }).v;
    expect(stored).not.toContain(A);
    expect(stored).not.toContain(B);
  });

  it('two databases from one image get different identities on two machines', () => {
    const image = memoryDb();
    ensureTerminalIdentity(image, new FakeClock(), A);
    const copy = new Database(image.serialize());
    const onA = ensureTerminalIdentity(image, new FakeClock(), A);
    const onB = ensureTerminalIdentity(copy, new FakeClock(), B);
    expect(onA.terminalId).not.toBe(onB.terminalId);
  });

  it('keeps the identity when the machine id cannot be read', () => {
    const db = memoryDb();
    const first = ensureTerminalIdentity(db, new FakeClock(), undefined);
    expect(ensureTerminalIdentity(db, new FakeClock(), undefined)).toEqual({ outcome: 'unverified', terminalId: first.terminalId });
    expect(ensureTerminalIdentity(db, new FakeClock(), A).outcome).toBe('kept');
  });
});

describe('machine id', () => {
  it('reads /etc/machine-id on Linux, ignoring an empty image placeholder', () => {
    const files: Record<string, string> = { '/etc/machine-id': '\n', '/var/lib/dbus/machine-id': `${A}\n` };
    expect(readMachineId({ platform: 'linux', readFile: (p) => files[p], queryRegistry: () => undefined })).toBe(A);
    expect(readMachineId({ platform: 'linux', readFile: () => undefined, queryRegistry: () => undefined })).toBeUndefined();
    expect(parseLinuxMachineId('0'.repeat(32))).toBeUndefined();
  });
  it('reads MachineGuid from reg query output on Windows', () => {
    const output = '\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Cryptography\r\n    MachineGuid    REG_SZ    6F1A2B3C-4D5E-6F70-8192-A3B4C5D6E7F8\r\n';
    expect(readMachineId({ platform: 'win32', readFile: () => undefined, queryRegistry: () => output })).toBe('6f1a2b3c-4d5e-6f70-8192-a3b4c5d6e7f8');
    expect(parseMachineGuid('ERROR: The system was unable to find the specified registry key')).toBeUndefined();
  });
  it('parsers never throw and fingerprints differ per machine (property)', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        parseMachineGuid(text);
        parseLinuxMachineId(text);
        return true;
      }),
    );
    fc.assert(fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (a, b) => a === b || machineFingerprint(a) !== machineFingerprint(b)));
  });
});
