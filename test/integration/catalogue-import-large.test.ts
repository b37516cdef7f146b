// Large catalogue imports as staff and technicians run them (issue #22: imports never freeze the
// room; issue #17: any size a province exports). Real host processes on loopback, the built CLI,
// files generated in the test's temp dir. Ordering and outcomes are asserted, never timings.
import { appendFileSync, existsSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { importCatalogueFile } from '../../electron/core/catalogue/import';
import { writeIso2709 } from '../../electron/core/catalogue/iso2709';
import { openDatabase } from '../../electron/core/store/open';
import { fresh, kiosk } from '../support/cli';
import { INSTANTS, testClockArgs } from '../support/clock';
import { startHostProcess, until } from '../support/host-process';
import { tempDir } from '../support/temp-dir';
import { connect, type WsClient } from '../support/ws-client';
import { marcOf, mrcOf, sampleRecords } from '../unit/catalogue/fixtures';

type Reply<T = unknown> = { ok: boolean; value?: T; error?: { code: string; message: string; reason?: string } };
type Progress = { uploadId: string; phase: string; done: number; total: number };

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

const hostClock = testClockArgs(INSTANTS.openWeekday);

/** Sends `file` from the staff screen's path: importBegin, chunks, then importFinish (not awaited). */
async function upload(staff: WsClient, staffToken: string, file: Buffer, fileName = 'tinh.mrc') {
  const begin = (await staff.call('catalogue.importBegin', { staffToken, fileName, size: file.length })) as Reply<{ uploadId: string; chunkBytes: number }>;
  expect(begin.ok).toBe(true);
  const { uploadId, chunkBytes } = begin.value!;
  for (let index = 0; index * chunkBytes < file.length; index++) {
    const chunk = await staff.call('catalogue.importChunk', {
      staffToken,
      uploadId,
      index,
      data: file.subarray(index * chunkBytes, (index + 1) * chunkBytes).toString('base64'),
    });
    expect(chunk.ok).toBe(true);
  }
  return { uploadId, finish: staff.call('catalogue.importFinish', { staffToken, uploadId }) as Promise<Reply<{ imported: number; records: number }>> };
}

const progressOf = (client: WsClient, uploadId: string) =>
  client.events
    .filter((e) => e.name === 'catalogue.importProgress')
    .map((e) => e.payload as Progress)
    .filter((p) => p.uploadId === uploadId);

async function signedInHost(dir: string) {
  const host = startHostProcess(dir, hostClock);
  const url = await host.ready;
  const staff = await connect(url);
  const resident = await connect(url);
  cleanups.push(() => {
    staff.close();
    resident.close();
  });
  const signIn = (await staff.call('staff.signIn', { card: 'NV0001', pin: '147258' })) as Reply<{ token: string }>;
  return { host, staff, resident, staffToken: signIn.value!.token };
}

/** What an import may change, read on a connection of its own. */
function catalogueState(dir: string) {
  const db = new Database(join(dir, 'kiosk.sqlite'), { readonly: true });
  try {
    const all = (sql: string) => db.prepare(sql).all();
    return {
      records: all('SELECT * FROM records ORDER BY id'),
      items: all('SELECT * FROM items ORDER BY id'),
      index: all('SELECT rowid, title FROM catalogue_fts ORDER BY rowid'),
      events: all('SELECT id, type, payload FROM events ORDER BY id'),
      imports: all('SELECT * FROM catalogue_imports ORDER BY id'),
      collections: all('SELECT * FROM collections ORDER BY id'),
    };
  } finally {
    db.close();
  }
}

const journalRows = (dir: string) => {
  const db = new Database(join(dir, 'kiosk.sqlite'), { readonly: true });
  try {
    return {
      runs: db.prepare('SELECT state FROM catalogue_import_runs').pluck().all(),
      batches: db.prepare('SELECT count(*) FROM catalogue_import_journal').pluck().get() as number,
    };
  } finally {
    db.close();
  }
};

describe('a large import on a running kiosk', () => {
  it('answers a resident’s ping, checkout and return while the import writes, before the import ends, with progress events', async () => {
    const dir = fresh();
    const { host, staff, resident, staffToken } = await signedInHost(dir);
    const residentToken = ((await resident.call('circulation.signIn', { method: 'card', card: 'BD000001' })) as Reply<{ residentToken: string }>).value!
      .residentToken;
    const records = 20_000;
    const { uploadId, finish } = await upload(staff, staffToken, mrcOf(sampleRecords(records, 31)));
    let importEnded = false;
    void finish.finally(() => (importEnded = true));

    // Once the first batch is committed, the import is under way for many more.
    await until(() => progressOf(staff, uploadId).some((p) => p.phase === 'saving' && p.done > 0), 20, 3000);
    const answered: string[] = [];
    for (let round = 0; round < 3; round++) {
      const item = `TV00000${round + 2}`;
      expect(await resident.call('system.ping')).toMatchObject({ ok: true });
      expect(await resident.call('circulation.checkout', { residentToken, item })).toMatchObject({ ok: true });
      expect(await resident.call('circulation.checkin', { item })).toMatchObject({ ok: true });
      answered.push(importEnded ? 'after the import' : 'during the import');
    }
    expect(answered[0]).toBe('during the import');

    const report = await finish;
    expect(report.error, host.stderr().slice(-3000)).toBeUndefined();
    expect(report).toMatchObject({ ok: true, value: { records, imported: records } });
    // Phases in order; records saved only go up, and end at the total.
    const seen = progressOf(staff, uploadId);
    const phases = seen.map((p) => p.phase).filter((phase, i, all) => phase !== all[i - 1]);
    expect(phases).toEqual(['reading', 'checking', 'saving', 'done']);
    const saved = seen.filter((p) => p.phase === 'saving').map((p) => p.done);
    expect(saved.length).toBeGreaterThan(2);
    expect([...saved].sort((a, b) => a - b)).toEqual(saved);
    expect(seen.at(-1)).toMatchObject({ phase: 'done', done: records, total: records });

    // The spooled upload is gone; the journal is empty; every copy has its item.added event.
    expect(readdirSync(join(dir, 'catalogue-uploads'))).toEqual([]);
    expect(journalRows(dir)).toEqual({ runs: [], batches: 0 });
    const added = catalogueState(dir).events.filter(
      (e) => (e as { type: string; payload: string }).type === 'item.added' && JSON.parse((e as { payload: string }).payload).source === 'import',
    );
    expect(added.length).toBe((report.value as unknown as { itemsAdded: number }).itemsAdded);
  }, 180_000);

  it('a kiosk killed mid-import shows nothing of it after its restart, and the uploaded file is gone', async () => {
    const dir = fresh();
    const { host, staff, staffToken } = await signedInHost(dir);
    const before = catalogueState(dir);
    const { uploadId } = await upload(staff, staffToken, mrcOf(sampleRecords(20_000, 32)));
    await until(() => progressOf(staff, uploadId).some((p) => p.phase === 'saving' && p.done > 0), 20, 3000);
    host.proc.kill('SIGKILL');
    expect((await host.exited).signal).toBe('SIGKILL');
    // Killed between batches: some were committed, journalled as a run still writing.
    const left = journalRows(dir);
    expect(left.runs).toEqual(['writing']);
    expect(left.batches).toBeGreaterThan(0);
    expect(catalogueState(dir).records.length).toBeGreaterThan(before.records.length);

    const again = startHostProcess(dir, hostClock);
    const client = await connect(await again.ready);
    cleanups.push(() => client.close());
    expect(catalogueState(dir)).toEqual(before);
    expect(journalRows(dir)).toEqual({ runs: [], batches: 0 });
    expect(existsSync(join(dir, 'catalogue-uploads'))).toBe(false);
    expect(await client.call('system.ping')).toMatchObject({ ok: true });
  }, 180_000);
});

describe('files of any size', () => {
  it('imports a MARC21 file over 64 MB in one go from the CLI, streamed, with progress lines on stderr', () => {
    const dir = fresh();
    const file = join(dir, 'tinh-lon.mrc');
    // 820 records of about 82 KB (nine 9 KB notes each, the most one ISO 2709 field holds),
    // written 100 at a time: records straddle the reader's 4 MB chunks.
    writeFileSync(file, new Uint8Array(0));
    const note = (n: number) => `Ghi chú ${n}: ${'Sach huong dan ky thuat trong lua nuoc vung cao. '.repeat(170)}`.slice(0, 9000);
    const records = sampleRecords(820, 33);
    for (let at = 0; at < records.length; at += 100) {
      const marc = marcOf(records.slice(at, at + 100)).map((r, i) => ({
        ...r,
        fields: [...r.fields, ...Array.from({ length: 9 }, () => ({ tag: '500', ind1: ' ', ind2: ' ', subfields: [{ code: 'a', value: note(at + i) }] }))],
      }));
      appendFileSync(file, writeIso2709(marc));
    }
    const data = join(dir, 'data');
    const run = kiosk('catalogue', 'import', file, '--data-dir', data, '--json');
    expect(run.code, run.stderr).toBe(0);
    expect(run.json()).toMatchObject({ format: 'marc21', records: 820, imported: 820, rejected: 0 });
    expect(run.stderr).toContain('Đang đọc tệp…');
    expect(run.stderr).toContain('Đang lưu: 100% (820/820 bản ghi)');
    expect(run.stderr).toContain('Đã xong: 100% (820/820 bản ghi)');
    expect(run.stderr).not.toContain('64 MB');
    const search = kiosk('search', records[819]!.title, '--data-dir', data, '--json');
    expect(search.json()[0]).toMatchObject({ title: records[819]!.title });
  }, 240_000);

  it('refuses a spreadsheet larger than the whole-file formats allow with a sentence that says what to do, before writing anything', () => {
    // (A CSV that large is read in segments instead: test/unit/catalogue/csv-file.test.ts.)
    const dir = fresh();
    const file = join(dir, 'lon.xlsx');
    writeFileSync(file, Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    // A sparse file: its size is what is refused, its content is never read.
    truncateSync(file, 257 * 1024 * 1024);
    const run = kiosk('catalogue', 'import', file, '--data-dir', join(dir, 'data'), '--json');
    expect(run.code).toBe(1);
    expect(run.json().error).toMatchObject({ reason: 'too_large_for_format' });
    expect(run.json().error.message).toContain('MARC21');
  }, 120_000);
});

describe('all or nothing, written in batches', () => {
  it('a write failing halfway through a re-import that updates records leaves the catalogue exactly as before', async () => {
    const dir = tempDir('kiosk-undo-');
    const db = openDatabase(join(dir.path, 'kiosk.sqlite'));
    cleanups.push(() => {
      db.close();
      dir.remove();
    });
    const clock = { now: () => Date.parse('2026-12-02T03:00:00Z') };
    const records = sampleRecords(3000, 34);
    await importCatalogueFile(db, clock, mrcOf(records), { fileName: 'dau.mrc', target: 'catalogue' });
    const state = () => ({
      records: db.prepare('SELECT * FROM records ORDER BY id').all(),
      items: db.prepare('SELECT * FROM items ORDER BY id').all(),
      index: db.prepare('SELECT rowid, title, authors FROM catalogue_fts ORDER BY rowid').all(),
      events: db.prepare('SELECT count(*) FROM events').pluck().get(),
    });
    const before = state();
    // New titles, moved copies and new copies for every record, then 2,000 new records; the
    // disk "fills" after 1,000 of those new records.
    const changed = records.map((r, i) => ({
      ...r,
      title: `${r.title} (tái bản ${i})`,
      items: [...r.items.map((item) => ({ ...item, location: 'Kệ mới' })), { barcode: `NEW${i}`, location: 'Kệ mới' }],
    }));
    const added = sampleRecords(5000, 35)
      .slice(3000)
      .map((r, i) => ({ ...r, controlNumber: `THEM${i}`, items: r.items.map((item, j) => ({ ...item, barcode: `THEM${i}-${j}` })) }));
    db.exec(
      `CREATE TRIGGER disk_full BEFORE INSERT ON records WHEN (SELECT count(*) FROM records) >= 4000 BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`,
    );
    await expect(importCatalogueFile(db, clock, mrcOf([...changed, ...added]), { fileName: 'lai.mrc', target: 'catalogue' })).rejects.toThrow('disk is full');
    expect(state()).toEqual(before);
    expect(db.prepare('SELECT count(*) FROM catalogue_import_runs').pluck().get()).toBe(0);
  }, 120_000);
});
