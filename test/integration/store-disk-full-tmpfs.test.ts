// A full disk, for real: the data folder on a 6 MB tmpfs. Root mounts it directly (CI runs as root);
// any other user gets the same tmpfs inside a user namespace of their own (test/support/small-disk.ts),
// so the test runs without root too. Once, a command started on the full disk answered "corrupt"
// and a resident's checkout "unexpected error"; now every path says the disk is full, the data is
// untouched, and the kiosk recovers when space is freed. A variant that cannot mount is skipped and
// says so. (Where neither works, store-disk-full-fsize.test.ts still injects a file-size limit.)
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { namespaceMountWorks, namespaceTmpfs, rootTmpfs, type SmallDisk } from '../support/small-disk';
import { connect } from '../support/ws-client';

type Reply<T> = { ok: boolean; value?: T; error?: { code: string; reason?: string; message: string } };

/** Fills the file system with one file until it refuses (ENOSPC); returns the file to free it. */
function fill(dir: string): string {
  const file = join(dir, 'filler.bin');
  const fd = openSync(file, 'w');
  const block = Buffer.alloc(64 * 1024, 1);
  try {
    for (let i = 0; i < 10_000; i++) writeSync(fd, block);
  } catch (error) {
    expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
  } finally {
    closeSync(fd);
  }
  // The last partial block too.
  const tail = openSync(join(dir, 'filler-tail.bin'), 'w');
  try {
    for (let i = 0; i < 64; i++) writeSync(tail, Buffer.alloc(1024, 1));
  } catch {
    // full
  } finally {
    closeSync(tail);
  }
  return file;
}

const variants: { name: string; available: boolean; mount: () => SmallDisk | undefined | Promise<SmallDisk | undefined> }[] = [
  { name: 'a real 6 MB tmpfs mounted by root; skipped when not root', available: process.getuid?.() === 0, mount: rootTmpfs },
  {
    name: 'a real 6 MB tmpfs in an unprivileged user namespace, no root needed; skipped where the kernel forbids it',
    available: namespaceMountWorks,
    mount: namespaceTmpfs,
  },
];

describe.each(variants)('a full disk ($name)', ({ available, mount }) => {
  it.skipIf(!available)(
    'a command started on the full disk says "disk full", never "corrupt"',
    async () => {
      const disk = await mount();
      expect(disk, 'mounting the tmpfs failed').toBeDefined();
      const { kiosk } = disk!;
      const dir = join(disk!.inside, 'data');
      mkdirSync(join(disk!.outside, 'data'));
      expect(kiosk('db', 'migrate', '--data-dir', dir, '--json').code).toBe(0);
      const filler = fill(disk!.outside);
      const add = kiosk('patron', 'add', '--name', 'Nguyễn Thị Lan', '--category', 'adult', '--data-dir', dir, '--json');
      expect(add.code).not.toBe(0);
      const error = add.json().error;
      expect(error.reason).toBe('disk_full');
      expect(error.message).toContain('Máy đang hết chỗ lưu, vui lòng báo cán bộ');
      expect(error.message).toContain('dữ liệu đã lưu không bị hỏng');
      expect(error.message).not.toContain('bị hỏng nên kiosk không mở');
      // The self-test also says so, with the free space and what can be deleted.
      const selfTest = kiosk('self-test', '--data-dir', dir, '--json');
      const checks = selfTest.json().checks as { id: string; status: string; message: string }[];
      const diskCheck = checks.find((c) => c.id === 'disk')!;
      expect(diskCheck.status).toBe('error');
      expect(diskCheck.message).toMatch(/còn \d+\.\d MB/);
      // What to delete: the kiosk's own large folders when there are any, else files elsewhere on the disk.
      expect(diskCheck.message).toMatch(/Có thể xóa bớt|Hãy xóa bớt tệp không cần/);
      expect(checks.find((c) => c.id === 'database')?.message ?? '').not.toMatch(/toàn vẹn|bị hỏng/);
      // Room again: the same command works and the data was never touched.
      rmSync(filler);
      expect(kiosk('patron', 'add', '--name', 'Nguyễn Thị Lan', '--category', 'adult', '--data-dir', dir, '--json').code).toBe(0);
      expect(disk!.quickCheck(join(dir, 'kiosk.sqlite'))).toBe('ok');
    },
    180_000,
  );

  it.skipIf(!available)(
    'a resident’s checkout on a running kiosk whose disk fills is told so, and works once space is freed',
    async () => {
      const disk = await mount();
      expect(disk, 'mounting the tmpfs failed').toBeDefined();
      const host = disk!.startHost(join(disk!.inside, 'data'));
      const client = await connect(await host.ready);
      const filler = fill(disk!.outside);
      // Several checkouts (some refused for the book's own reasons): the first may still fit in pages SQLite already has.
      let refusal: { code: string; reason?: string; message: string } | undefined;
      for (let n = 1; n <= 40; n++) {
        const item = `TV${String(n).padStart(6, '0')}`;
        const card = `BD00000${(n % 5) + 1}`;
        // Signing in writes too (its event): whichever write meets the full disk first must say so.
        const signIn = (await client.call('circulation.signIn', { method: 'card', card })) as Reply<{ residentToken: string }>;
        const reply = signIn.ok
          ? ((await client.call('circulation.checkout', { residentToken: signIn.value!.residentToken, item })) as Reply<unknown>)
          : signIn;
        if (!reply.ok && reply.error?.reason === 'disk_full') {
          refusal = reply.error;
          break;
        }
      }
      expect(refusal).toMatchObject({ reason: 'disk_full' });
      expect(refusal!.message).toMatch(/^Máy đang hết chỗ lưu, vui lòng báo cán bộ\./);
      rmSync(filler);
      const after = (await client.call('circulation.signIn', { method: 'card', card: 'BD000002' })) as { ok: boolean };
      expect(after.ok).toBe(true);
      client.close();
    },
    180_000,
  );
});
