// Storage that refuses to grow a file, without root: fault injection through the kernel's per-process
// file-size limit (RLIMIT_FSIZE, set with util-linux `prlimit` on the kiosk process itself). The
// real 6 MB tmpfs (store-disk-full-tmpfs.test.ts) needs root to mount; this runs on any runner.
//
// What the kiosk sees (checked by hand, Linux 6.x, Node 20): a write past the limit fails with
// EFBIG, and the SIGXFSZ that comes with it is ignored by Node, so the process lives on. SQLite turns
// that into SQLITE_IOERR_WRITE (appending to its log) or SQLITE_IOERR_SHMSIZE (growing its -shm file
// when a command opens the store): the same errors a failing or full disk gives when SQLite does not
// get ENOSPC. The disk itself has room, so the kiosk says "cannot read or write the disk, this does
// not mean the data is damaged, do not restore a backup" (reason storage_io), never "corrupt"; and it
// works again, data untouched, once the limit is lifted. (A real ENOSPC, reason disk_full, is the
// tmpfs test's.) Before the disk-honesty change both answers here were "corrupt" / an unexpected error.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { fresh, kiosk, kioskArgv } from '../support/cli';
import { startHostProcess } from '../support/host-process';
import { connect } from '../support/ws-client';

type Reply<T> = { ok: boolean; value?: T; error?: { code: string; reason?: string; message: string } };
const hasPrlimit = spawnSync('prlimit', ['--version']).status === 0;

/** A `kiosk` command run with its file-size limit at `bytes` (soft limit; the hard one is left alone). */
function kioskWithFileLimit(bytes: number, ...args: string[]) {
  const run = spawnSync('prlimit', [`--fsize=${bytes}:unlimited`, process.execPath, ...kioskArgv(args)], { encoding: 'utf8' });
  return { code: run.status, signal: run.signal, stderr: run.stderr, json: () => JSON.parse(run.stdout) };
}

function setFileLimit(pid: number, limit: string): void {
  const run = spawnSync('prlimit', ['--pid', String(pid), `--fsize=${limit}:unlimited`], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
}

function expectHonestStorageRefusal(error: { reason?: string; message: string } | undefined): void {
  expect(error?.reason).toBe('storage_io');
  expect(error!.message).toContain('không có nghĩa là dữ liệu bị hỏng');
  expect(error!.message).toContain('Đừng khôi phục bản sao lưu');
  expect(error!.message).not.toContain('bị hỏng nên kiosk không mở');
}

describe.skipIf(!hasPrlimit)('storage that refuses to grow a file (fault injection: RLIMIT_FSIZE via prlimit, no root needed)', () => {
  it('a command whose store cannot grow says the storage failed and the data is not damaged, never "corrupt"', () => {
    const dir = fresh();
    expect(kiosk('db', 'migrate', '--data-dir', dir, '--json').code).toBe(0);
    expect(kiosk('patron', 'add', '--name', 'Trần Văn Bình', '--category', 'adult', '--data-dir', dir, '--json').code).toBe(0);
    // 4 KB: the store's files are larger already, and SQLite's 32 KB -shm file cannot be made.
    const add = kioskWithFileLimit(4096, 'patron', 'add', '--name', 'Nguyễn Thị Lan', '--category', 'adult', '--data-dir', dir, '--json');
    expect(add.signal, 'SIGXFSZ must not kill the kiosk').toBeNull();
    expect(add.code).not.toBe(0);
    expectHonestStorageRefusal(add.json().error);
    // Without the limit the same command works, and nothing was lost or half-written.
    expect(kiosk('patron', 'add', '--name', 'Nguyễn Thị Lan', '--category', 'adult', '--data-dir', dir, '--json').code).toBe(0);
    const db = new Database(join(dir, 'kiosk.sqlite'), { readonly: true });
    expect(db.pragma('quick_check', { simple: true })).toBe('ok');
    expect(db.prepare("SELECT count(*) FROM patrons WHERE full_name IN ('Trần Văn Bình', 'Nguyễn Thị Lan')").pluck().get()).toBe(2);
    db.close();
  }, 120_000);

  it('a resident’s checkout on a running kiosk whose store stops growing is told so, and works once the limit is lifted', async () => {
    const dir = fresh();
    const host = startHostProcess(dir);
    const client = await connect(await host.ready);
    const signIn = (await client.call('circulation.signIn', { method: 'card', card: 'BD000001' })) as Reply<{ residentToken: string }>;
    expect(signIn.ok).toBe(true);
    const residentToken = signIn.value!.residentToken;
    // From now on no file of the host may grow past 1 byte: the log's next frame cannot be appended.
    setFileLimit(host.pid, '1');
    let refusal: Reply<unknown>['error'];
    for (let n = 1; n <= 20 && !refusal; n++) {
      const reply = (await client.call('circulation.checkout', { residentToken, item: `TV${String(n).padStart(6, '0')}` })) as Reply<unknown>;
      if (!reply.ok && reply.error?.code !== 'refused') refusal = reply.error;
    }
    expectHonestStorageRefusal(refusal);
    expect((await client.call('system.ping')).ok, 'the host keeps answering').toBe(true);
    setFileLimit(host.pid, 'unlimited');
    let lent = false;
    for (let n = 21; n <= 40 && !lent; n++)
      lent = ((await client.call('circulation.checkout', { residentToken, item: `TV${String(n).padStart(6, '0')}` })) as Reply<unknown>).ok;
    expect(lent).toBe(true);
    client.close();
    const db = new Database(join(dir, 'kiosk.sqlite'), { readonly: true });
    expect(db.pragma('quick_check', { simple: true })).toBe('ok');
    db.close();
  }, 120_000);
});
