// The technician's and officer's commands: `kiosk report` (JSON and files), `kiosk enrol`, and
// `kiosk upload --now`, run as processes against a data directory and a live collector.
import { describe, expect, it } from 'vitest';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { registerTerminal } from '../../collector/admin';
import { tempDir } from '../support/temp-dir';
import { cliClock, kioskArgv } from '../support/cli';
import { onCleanup, startCollector, storeFactories } from './collector-support';

/** Async, so the collector in this process can answer while the command runs. */
function runAsync(args: string[]): Promise<Omit<ReturnType<typeof run>, 'stderr'>> {
  return new Promise((resolve) => {
    execFile(process.execPath, kioskArgv(args), { encoding: 'utf8', timeout: 60_000 }, (error, stdout) => {
      resolve({ status: error ? Number(error.code ?? 1) : 0, json: stdout.trim().startsWith('{') ? JSON.parse(stdout) : undefined, stdout });
    });
  });
}

function run(args: string[]) {
  const r = spawnSync(process.execPath, kioskArgv(args), { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, json: r.stdout.trim().startsWith('{') ? JSON.parse(r.stdout) : undefined, stdout: r.stdout, stderr: r.stderr };
}

describe('kiosk report / enrol / upload', () => {
  it('reports a period as JSON and as files, and explains a bad period', () => {
    const dir = tempDir('kiosk-cli-');
    onCleanup(() => dir.remove());
    const json = run(['report', '--period', '2026-Q3', '--data-dir', dir.path, '--json']);
    expect(json.status).toBe(0);
    expect(json.json.report.period).toEqual({ kind: 'quarter', label: '2026-Q3', from: '2026-07-01', to: '2026-09-30' });
    expect(json.json.report.rows.map((r: { indicator: string }) => r.indicator)).toContain('items_served');

    for (const format of ['xlsx', 'pdf', 'csv']) {
      const out = join(dir.path, `r.${format}`);
      const r = run(['report', '--period', '2026-H1', '--format', format, '--out', out, '--by', 'Lê Thị Thu', '--data-dir', dir.path, '--json']);
      expect(r.status, r.stdout).toBe(0);
      expect(r.json).toMatchObject({ ok: true, file: out, format });
      expect(existsSync(out)).toBe(true);
    }
    expect(readFileSync(join(dir.path, 'r.csv'), 'utf8')).toContain('Người lập báo cáo: Lê Thị Thu');

    const bad = run(['report', '--period', 'H1-2026', '--data-dir', dir.path, '--json']);
    expect(bad.status).toBe(1);
    expect(bad.json.error.message).toMatch(/Không hiểu kỳ báo cáo "H1-2026"\. Kỳ báo cáo viết theo/);
    const noOut = run(['report', '--period', '2026', '--format', 'xlsx', '--data-dir', dir.path]);
    expect(noOut.status).toBe(2);
    expect(noOut.stderr).toMatch(/--out/);
  }, 120_000);

  it('enrols with a code and uploads now; refuses a wrong code and a plain-HTTP remote address', async () => {
    const store = await storeFactories[0]!.open();
    // The collector keeps the same (test) time as the kiosk commands.
    const { url } = await startCollector(store, () => cliClock().now());
    const dir = tempDir('kiosk-cli-');
    onCleanup(() => dir.remove());
    const notYet = await runAsync(['upload', '--now', '--data-dir', dir.path, '--json']);
    expect(notYet.status).toBe(1);
    expect(notYet.json.error.message).toMatch(/chưa đăng ký với máy chủ thống kê/);

    const wrong = await runAsync(['enrol', url, 'AAAA-BBBB-CCCC', '--data-dir', dir.path, '--json']);
    expect(wrong.status).toBe(1);
    expect(wrong.json.error.message).toMatch(/Mã đăng ký không đúng/);
    const insecure = await runAsync(['enrol', 'http://thuvien.example.vn/', 'AAAA-BBBB-CCCC', '--data-dir', dir.path, '--json']);
    expect(insecure.json.error.message).toMatch(/https:\/\//);

    const { code } = await registerTerminal(store, { communeCode: '12345', communeName: 'Xã Minh Hòa', provinceCode: '27', name: 'Kiosk 1' }, cliClock().now());
    const enrolled = await runAsync(['enrol', url, code, '--data-dir', dir.path, '--json']);
    expect(enrolled.status).toBe(0);
    expect(enrolled.json).toMatchObject({ ok: true, communeCode: '12345', terminalName: 'Kiosk 1' });
    expect(enrolled.stdout).not.toMatch(/secret/);

    const sent = await runAsync(['upload', '--now', '--data-dir', dir.path, '--json']);
    expect(sent.status, sent.stdout).toBe(0);
    expect(sent.json).toMatchObject({ ok: true, state: { enrolled: true, pendingDays: 0, phase: 'idle' } });
    const status = await runAsync(['upload', '--data-dir', dir.path, '--json']);
    expect(status.json.state.lastSuccessAt).toEqual(expect.any(String));
  }, 120_000);
});
