// Internet sessions across a kiosk restart whose wall clock moved: real hosts run under faketime
// (the wall clock is chosen on purpose; boot id and uptime stay the machine's own), killed with
// SIGKILL while a session runs. Once, a restart after midnight ended the session as a crash.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { fresh } from '../support/cli';
import { startHostProcess } from '../support/host-process';
import { connect } from '../support/ws-client';

const hasFaketime = spawnSync('faketime', ['--version']).status === 0;

/** A host whose wall clock starts at `at` (Vietnam time) and runs on from there. */
function hostAt(dir: string, at: string) {
  return startHostProcess(dir, [], { TZ: 'Asia/Ho_Chi_Minh', FAKETIME: `@${at}`, FAKETIME_DONT_FAKE_MONOTONIC: '1', LD_PRELOAD: libfaketime() });
}

function libfaketime(): string {
  const found = spawnSync('sh', ['-c', 'ls /usr/lib/*/faketime/libfaketime.so.1 2>/dev/null | head -1'], { encoding: 'utf8' }).stdout.trim();
  return found;
}

async function restartAcross(before: string, after: string) {
  const dir = fresh();
  const first = hostAt(dir, before);
  const a = await connect(await first.ready);
  const info = (await a.call('system.info')) as { value: { now: string } };
  expect(info.value.now.slice(0, 13)).toBe(new Date(`${before.replace(' ', 'T')}+07:00`).toISOString().slice(0, 13));
  const started = (await a.call('internet.signIn', { kind: 'card', text: 'BD000001', manual: true })) as {
    ok: boolean;
    value: { state: { session: { remainingSeconds: number } } };
  };
  expect(started).toMatchObject({ ok: true });
  a.close();
  first.proc.kill('SIGKILL');
  await first.exited;

  const second = hostAt(dir, after);
  const b = await connect(await second.ready);
  const status = (await b.call('internet.status')) as { value: { phase: string } };
  const again = (await b.call('internet.signIn', { kind: 'card', text: 'BD000001', manual: true })) as {
    ok: boolean;
    value: { resumed: boolean; state: { session: { remainingSeconds: number } | null } };
  };
  b.close();
  const db = new Database(join(dir, 'kiosk.sqlite'), { readonly: true });
  const rows = db.prepare('SELECT id, status, end_reason AS endReason FROM internet_sessions ORDER BY id').all();
  db.close();
  return { before: started.value.state.session.remainingSeconds, status: status.value.phase, again, rows };
}

describe.skipIf(!hasFaketime)('internet session across a restart with a moved clock (faketime)', () => {
  it('resumes after the clock crossed midnight forward, with its remaining time', async () => {
    const r = await restartAcross('2026-12-06 23:50:00', '2026-12-07 00:20:00');
    expect(r.status).toBe('suspended');
    expect(r.again).toMatchObject({ ok: true, value: { resumed: true } });
    const remaining = r.again.value.state.session!.remainingSeconds;
    expect(remaining).toBeGreaterThan(0);
    expect(remaining).toBeLessThanOrEqual(r.before);
    // The half hour the clock jumped is not charged: only the time the session ran before the kill.
    expect(r.before - remaining).toBeLessThan(5 * 60);
    expect(r.rows).toEqual([{ id: 1, status: 'active', endReason: null }]);
  }, 180_000);

  it('resumes after the clock went back across midnight (New Year)', async () => {
    const r = await restartAcross('2027-01-01 00:05:00', '2026-12-31 23:55:00');
    expect(r.status).toBe('suspended');
    expect(r.again).toMatchObject({ ok: true, value: { resumed: true } });
    expect(r.rows).toEqual([{ id: 1, status: 'active', endReason: null }]);
  }, 180_000);
});
