// One owner per data folder, with real processes on loopback: a second kiosk is refused naming the
// holder, a kiosk waiting for the folder takes it over when the holder is killed, a CLI command
// beside a kiosk that is installing a pack leaves its staging alone (once, the install answered ok
// with half its files), and only the owner cleans up staging, only when it can prove it abandoned.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { packsRoot, stagingRoot } from '../../electron/core/eresources/paths';
import { buildPack } from '../../resources/packs/generator/pack';
import { fresh, kiosk } from '../support/cli';
import { startHostProcess, until } from '../support/host-process';
import { tempDir } from '../support/temp-dir';
import { connect } from '../support/ws-client';

const stick = tempDir('kiosk-usb-');
afterAll(() => stick.remove());

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** A pid that certainly runs no process any more: a child that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

describe('one owner per data folder', () => {
  it('refuses a second host on the same folder, naming the holder’s pid and start time', async () => {
    const dir = fresh();
    const first = startHostProcess(dir);
    await first.ready;
    const second = startHostProcess(dir, ['--wait-for-owner', '0']);
    const { code } = await second.exited;
    expect(code).toBe(2);
    expect(second.stderr()).toContain(`tiến trình ${first.pid}, chạy từ 20`);
    expect(second.stderr()).toContain('Mỗi thư mục dữ liệu chỉ một kiosk được chạy');
    // The first one still serves.
    const client = await connect(await first.ready);
    expect(await client.call('system.ping')).toMatchObject({ ok: true });
    client.close();
  }, 60_000);

  it('a host waiting for the folder takes it over when the owner is killed', async () => {
    const dir = fresh();
    const owner = startHostProcess(dir);
    await owner.ready;
    const waiting = startHostProcess(dir, ['--wait-for-owner', '120']);
    await until(() => waiting.stderr().includes('Kiosk đang chờ'));
    expect(waiting.stderr()).toContain(`tiến trình ${owner.pid}`);
    owner.proc.kill('SIGKILL');
    expect((await owner.exited).signal).toBe('SIGKILL');
    const url = await waiting.ready;
    const client = await connect(url);
    expect(await client.call('system.ping')).toMatchObject({ ok: true });
    expect(await client.call('circulation.signIn', { method: 'card', card: 'BD000001' })).toMatchObject({ ok: true });
    client.close();
  }, 90_000);

  it('a catalogue import from the CLI beside a running kiosk is refused, naming it, and residents keep borrowing', async () => {
    // Once, a CLI import of 105,000 records beside a running host held the write lock for seconds
    // and a resident's checkout failed with "database is locked".
    const dir = fresh();
    const host = startHostProcess(dir);
    const client = await connect(await host.ready);
    const file = fileURLToPath(new URL('../../resources/catalogue/mau-nhap-sach.csv', import.meta.url));
    for (const extra of [[], ['--dry-run']]) {
      const run = kiosk('catalogue', 'import', file, '--data-dir', dir, '--json', ...extra);
      expect(run.code, extra.join(' ')).toBe(1);
      const { error } = run.json() as { error: { reason: string; message: string } };
      expect(error.reason).toBe('data_dir_owned');
      expect(error.message).toContain('Không nhập được tệp mau-nhap-sach.csv');
      expect(error.message).toContain(`tiến trình ${host.pid}`);
    }
    const db = new Database(join(dir, 'kiosk.sqlite'), { readonly: true });
    expect(db.prepare('SELECT count(*) FROM catalogue_imports').pluck().get()).toBe(0);
    const item = db.prepare("SELECT barcode FROM items WHERE status = 'available' ORDER BY id LIMIT 1").pluck().get() as string;
    db.close();
    const signIn = (await client.call('circulation.signIn', { method: 'card', card: 'BD000003' })) as { value: { residentToken: string } };
    expect(await client.call('circulation.checkout', { residentToken: signIn.value.residentToken, item })).toMatchObject({ ok: true });
    client.close();
  }, 60_000);

  it('a CLI command beside a host installing a large pack leaves the install whole', async () => {
    const dir = fresh();
    const host = startHostProcess(dir);
    const url = await host.ready;
    const files = 60;
    const pdf = (i: number) => Buffer.concat([Buffer.from(`%PDF-1.4\n% ${i}\n`), randomBytes(400_000)]);
    const zip = join(stick.path, 'large-pack.zip');
    await buildPack(zip, {
      id: 'vn.test.goi-lon',
      version: '1.0',
      title: 'Gói lớn',
      publisher: 'Thư viện tỉnh thử',
      resources: Array.from({ length: files }, (_, i) => ({
        id: `tai-lieu-${i}`,
        title: `Tài liệu ${i}`,
        topic: 'Nông nghiệp',
        format: 'pdf',
        file: { path: `files/${i}.pdf`, data: pdf(i) },
      })),
    });
    const client = await connect(url);
    const signIn = (await client.call('staff.signIn', { card: 'NV0001', pin: '147258' })) as { value: { token: string } };
    const installing = client.call('eresources.install', { staffToken: signIn.value.token, path: zip, jobId: 'large' });
    // Freeze the host in the middle of copying, run a command beside it, then let it go on.
    await until(() => filesUnder(stagingRoot(dir)).some((file) => file.endsWith('.pdf')), 5);
    host.proc.kill('SIGSTOP');
    let cli: ReturnType<typeof kiosk>;
    try {
      cli = kiosk('pack', 'list', '--data-dir', dir, '--json');
    } finally {
      host.proc.kill('SIGCONT');
    }
    expect(cli.code, cli.stderr).toBe(0);
    const reply = (await installing) as { ok: boolean; value?: { pack: { resources: number } } };
    expect(reply).toMatchObject({ ok: true });
    const installed = filesUnder(packsRoot(dir)).filter((file) => file.includes('vn.test.goi-lon'));
    expect(installed.filter((file) => file.endsWith('.pdf'))).toHaveLength(files);
    for (const file of installed) expect(statSync(file).size).toBeGreaterThan(400_000);
    client.close();
  }, 90_000);

  it('the owner cleans only staging it can prove abandoned; a guest cleans nothing', async () => {
    const dir = fresh();
    expect(kiosk('pack', 'list', '--data-dir', dir, '--json').code).toBe(0);
    const staging = stagingRoot(dir);
    const plant = (name: string, marker?: { pid: number; startedAt: string }) => {
      mkdirSync(join(staging, name, 'files'), { recursive: true });
      writeFileSync(join(staging, name, 'files', 'a.pdf'), '%PDF-1.4\n');
      if (marker) writeFileSync(join(staging, `${name}.owner.json`), JSON.stringify(marker));
    };
    plant('from-an-old-version');
    plant('installer-died', { pid: await deadPid(), startedAt: '2026-12-06T01:00:00.000Z' });
    // This test runner is alive: its staging must stay.
    plant('installer-alive', { pid: process.pid, startedAt: '2026-12-06T01:00:00.000Z' });

    const host = startHostProcess(dir);
    const url = await host.ready;
    // The clean-up is start-up work that waits for the first reply (ctx.afterStart): ask, then let it run.
    const first = await connect(url);
    expect(await first.call('system.ping')).toMatchObject({ ok: true });
    first.close();
    const cleaned = () => readdirSync(staging).sort().join(',') === 'installer-alive,installer-alive.owner.json';
    await until(cleaned, 50, 400).catch(() => undefined);
    expect(readdirSync(staging).sort()).toEqual(['installer-alive', 'installer-alive.owner.json']);

    // A guest beside the running owner leaves a newly planted folder alone.
    plant('being-installed', { pid: host.pid, startedAt: '2026-12-06T01:00:00.000Z' });
    expect(kiosk('pack', 'list', '--data-dir', dir, '--json').code).toBe(0);
    expect(readdirSync(staging)).toContain('being-installed');
    // And it is refused long work that only the owner may do.
    const install = kiosk('pack', 'install', join(stick.path, 'none.zip'), '--data-dir', dir, '--json');
    expect(install.code).toBe(1);
    expect(install.json().error).toMatchObject({ reason: 'data_dir_owned' });
    expect(install.json().error.message).toContain(`tiến trình ${host.pid}`);
    const client = await connect(url);
    expect(await client.call('system.ping')).toMatchObject({ ok: true });
    client.close();
  }, 90_000);

  it('db restore is refused while a kiosk owns the folder', async () => {
    const dir = fresh();
    const host = startHostProcess(dir);
    await host.ready;
    // A plain copy may only be written inside the data folder (copies that leave it are sealed).
    const backup = join(dir, 'b.sqlite');
    expect(kiosk('db', 'backup', backup, '--data-dir', dir, '--json').code).toBe(0);
    const restore = kiosk('db', 'restore', backup, '--data-dir', dir, '--json');
    expect(restore.code).toBe(1);
    expect(restore.json().error).toMatchObject({ reason: 'kiosk_running' });
    expect(restore.json().error.message).toContain(`tiến trình ${host.pid}`);
  }, 60_000);
});
