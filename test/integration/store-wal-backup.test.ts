// The store stays tidy on a running kiosk (real host process on loopback): the write-ahead log
// shrinks back after a large import (once it stayed at 115 MB), and a backup leaves nothing but
// the backup (once every backup left FILE.partial-wal and FILE.partial-shm, never cleaned).
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WAL_SIZE_LIMIT_BYTES } from '../../electron/core/store/wal';
import { fresh, kiosk } from '../support/cli';
import { startHostProcess, until } from '../support/host-process';
import { tempDir } from '../support/temp-dir';
import { connect } from '../support/ws-client';

function walBytes(dir: string): number {
  const file = join(dir, 'kiosk.sqlite-wal');
  return existsSync(file) ? statSync(file).size : 0;
}

function catalogueCsv(records: number): string {
  const header = 'Số kiểm soát,Nhan đề,Tác giả,Chủ đề,Nhà xuất bản,Năm xuất bản,ISBN,Ký hiệu phân loại,Số đăng ký cá biệt/mã vạch,Vị trí,Tóm tắt';
  const summary = 'Hướng dẫn gieo cấy và chăm sóc lúa cho hộ gia đình, phòng trừ sâu bệnh và thu hoạch đúng vụ. '.repeat(4);
  const lines = [header];
  for (let i = 1; i <= records; i++) {
    const n = String(i).padStart(6, '0');
    lines.push(`WL${n},Kỹ thuật trồng trọt tập ${i},Nguyễn Văn An,Nông nghiệp; Trồng trọt,Nhà xuất bản Nông nghiệp,2019,,633.18,WB${n},Kệ 3,${summary}`);
  }
  return `${lines.join('\n')}\n`;
}

describe('a tidy store on a running kiosk', () => {
  it('the write-ahead log is back under its limit after a large import', async () => {
    const dir = fresh();
    const host = startHostProcess(dir);
    const client = await connect(await host.ready);
    const token = ((await client.call('staff.signIn', { card: 'NV0001', pin: '147258' })) as { value: { token: string } }).value.token;
    const csv = Buffer.from(catalogueCsv(12_000));
    const begin = (await client.call('catalogue.importBegin', { staffToken: token, fileName: 'lon.csv', size: csv.length })) as {
      ok: boolean;
      value: { uploadId: string; chunkBytes: number };
    };
    expect(begin).toMatchObject({ ok: true });
    const { uploadId, chunkBytes } = begin.value;
    for (let index = 0; index * chunkBytes < csv.length; index++) {
      const data = csv.subarray(index * chunkBytes, (index + 1) * chunkBytes).toString('base64');
      expect(await client.call('catalogue.importChunk', { staffToken: token, uploadId, index, data })).toMatchObject({ ok: true });
    }
    const finished = (await client.call('catalogue.importFinish', { staffToken: token, uploadId })) as { ok: boolean };
    expect(finished).toMatchObject({ ok: true });
    // The import writes in short batches on its own connection, which copies the log into the
    // database as it goes (automatic checkpoints) and truncates it at the end: the log is back
    // under its limit without any further call.
    await until(() => walBytes(dir) <= WAL_SIZE_LIMIT_BYTES, 100, 600);
    // Later small writes keep it bounded.
    for (let i = 0; i < 20; i++) expect(await client.call('circulation.signIn', { method: 'card', card: 'BD000001' })).toMatchObject({ ok: true });
    expect(walBytes(dir)).toBeLessThanOrEqual(WAL_SIZE_LIMIT_BYTES);
    client.close();
  }, 180_000);

  it('backups leave nothing but the backup, and retention clears what earlier versions left', async () => {
    const dir = fresh();
    const backups = join(dir, 'backups');
    mkdirSync(backups, { recursive: true });
    const strays = ['kiosk-20261101-020000.sqlite.partial-wal', 'kiosk-20261101-020000.sqlite.partial-shm', 'kiosk-20261102-020000.sqlite.partial'];
    for (const stray of strays) writeFileSync(join(backups, stray), 'left by an earlier version');
    writeFileSync(join(backups, 'ghi-chu-cua-ky-thuat-vien.txt'), 'not a kiosk file: never deleted');
    const host = startHostProcess(dir);
    await host.ready;
    // The first start takes the daily backup (due: none exists).
    await until(
      () => readdirSync(backups).some((name) => /^kiosk-\d{8}-\d{6}\.sqlite$/.test(name)) && !readdirSync(backups).some((name) => name.includes('.partial')),
      100,
      1200,
    );
    const left = readdirSync(backups).sort();
    expect(left).toHaveLength(2);
    expect(left[0]).toMatch(/^ghi-chu-cua-ky-thuat-vien\.txt$/);
    expect(left[1]).toMatch(/^kiosk-\d{8}-\d{6}\.sqlite$/);

    // A technician's backup to a stick beside the running kiosk: only the file asked for, sealed
    // with the passphrase (a copy that leaves the data folder is never plain).
    const usb = tempDir('kiosk-usb-');
    process.env.KIOSK_PASSPHRASE = 'trâu ơi ta bảo trâu này';
    try {
      const run = kiosk('db', 'backup', join(usb.path, 'sao-luu.sqlite'), '--data-dir', dir, '--json');
      expect(run.code, run.stderr).toBe(0);
      expect(readdirSync(usb.path)).toEqual(['sao-luu.sqlite.sealed']);
    } finally {
      delete process.env.KIOSK_PASSPHRASE;
      usb.remove();
    }
  }, 180_000);
});
