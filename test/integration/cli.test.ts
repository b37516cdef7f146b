import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fresh, kiosk } from '../support/cli';

describe('the kiosk command', () => {
  it('self-test --json on a fresh data directory prints one JSON report and exits 0', () => {
    const run = kiosk('self-test', '--data-dir', fresh(), '--json');
    expect(run.code).toBe(0);
    const report = run.json();
    expect(report.ok).toBe(true);
    expect(report.checks.find((c: { id: string }) => c.id === 'database').status).toBe('ok');
  });

  it('db migrate brings a fresh store to the latest schema and is idempotent', () => {
    const dir = fresh();
    const first = kiosk('db', 'migrate', '--data-dir', dir, '--json');
    expect(first.code).toBe(0);
    expect(first.json().applied.length).toBeGreaterThan(0);
    const again = kiosk('db', 'migrate', '--data-dir', dir, '--json').json();
    expect(again.applied).toEqual([]);
    expect(again.to).toBe(again.latest);
  });

  it('db backup writes a usable copy', () => {
    const dir = fresh();
    kiosk('db', 'migrate', '--data-dir', dir);
    const target = join(dir, 'copy.sqlite');
    const run = kiosk('db', 'backup', target, '--data-dir', dir, '--json');
    expect(run.code).toBe(0);
    expect(existsSync(target)).toBe(true);
    expect(run.json()).toMatchObject({ ok: true, file: target });
  });

  it('config validate names every problem and exits non-zero', () => {
    const file = join(fresh(), 'kiosk.config.json');
    writeFileSync(file, JSON.stringify({ library: { name: 'X', communeCode: 'abc' }, staff: { maxPinAttempts: 'five' } }));
    const run = kiosk('config', 'validate', file, '--json');
    expect(run.code).toBe(1);
    const paths = run.json().detail.problems.map((p: { path: string }) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['library.communeCode', 'staff.maxPinAttempts']));
  });

  it('config validate accepts the shipped example', () => {
    const example = fileURLToPath(new URL('../../resources/kiosk.config.example.json', import.meta.url));
    const run = kiosk('config', 'validate', example, '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });
});
