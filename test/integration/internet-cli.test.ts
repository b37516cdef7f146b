// The internet commands of `kiosk`: one JSON document per run, exit 0 on success, a clear
// Vietnamese message and a non-zero exit on failure.
import { describe, expect, it } from 'vitest';
import { fresh, kiosk } from '../support/cli';

describe('kiosk internet commands', () => {
  it('url-policy check gives the decision and the rule that made it', () => {
    const dir = fresh();
    const blocked = kiosk('url-policy', 'check', ' JAVASCRIPT:alert(1)', '--data-dir', dir, '--json');
    expect(blocked.code).toBe(0);
    expect(blocked.json()).toMatchObject({ decision: 'block', rule: 'blocked-scheme' });
    const listed = kiosk('url-policy', 'check', 'https://www.bet365.com/', '--data-dir', dir, '--json');
    expect(listed.json()).toMatchObject({ decision: 'block', rule: 'block-list', pattern: 'bet365.com' });
    expect(kiosk('url-policy', 'check', 'dichvucong.gov.vn', '--data-dir', dir, '--json').json()).toMatchObject({
      decision: 'allow',
      url: 'https://dichvucong.gov.vn/',
    });
  }, 30_000);

  it('session start, status and end', () => {
    const dir = fresh();
    const started = kiosk('session', 'start', 'BD000003', '--data-dir', dir, '--json');
    expect(started.code).toBe(0);
    expect(started.json()).toMatchObject({ allowanceMinutes: 60, resumed: false });
    // The command that started it has exited, so the session waits for the same card, as after a crash.
    expect(kiosk('session', 'status', '--data-dir', dir, '--json').json()).toMatchObject({ phase: 'suspended' });
    expect(kiosk('session', 'start', 'BD000003', '--data-dir', dir, '--json').json()).toMatchObject({ resumed: true });
    const ended = kiosk('session', 'end', '--data-dir', dir, '--json');
    expect(ended.code).toBe(0);
    expect(kiosk('session', 'status', '--data-dir', dir, '--json').json()).toMatchObject({ phase: 'free', session: null });
    const again = kiosk('session', 'end', '--data-dir', dir, '--json');
    expect(again.code).not.toBe(0);
    expect(again.json().error.message).toBe('Hiện không có phiên Internet nào để kết thúc.');
  }, 60_000);

  it('an expired card fails with the refusal sentence', () => {
    const run = kiosk('session', 'start', 'BD000006', '--data-dir', fresh());
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Thẻ của bạn đã hết hạn');
  }, 30_000);

  it('guest-pass create prints random one-day codes; bad numbers are refused', () => {
    const dir = fresh();
    const run = kiosk('guest-pass', 'create', '--minutes', '30', '--count', '10', '--data-dir', dir, '--json');
    expect(run.code).toBe(0);
    const { passes } = run.json() as { passes: { code: string; minutes: number }[] };
    expect(passes).toHaveLength(10);
    expect(new Set(passes.map((p) => p.code)).size).toBe(10);
    for (const p of passes) expect(p).toMatchObject({ code: expect.stringMatching(/^KHACH-[A-HJ-NP-Z2-9]{8}$/), minutes: 30 });
    expect(kiosk('session', 'start', passes[0]!.code, '--data-dir', dir, '--json').json()).toMatchObject({ allowanceMinutes: 30, limitedBy: 'guest' });
    const bad = kiosk('guest-pass', 'create', '--minutes', '0', '--data-dir', dir, '--json');
    expect(bad.code).toBe(2);
    expect(bad.json().error.message).toContain('--minutes phải là số nguyên từ 5 đến 480');
  }, 60_000);
});
