// "Session downloads only" (issue #15, finding 1): a web page's file chooser reaches the kiosk's own
// picker, which lists only files downloaded in THIS session. A demo kiosk with a fake clock, the
// core's picker and the guard's decideUploads() — the path Electron's tabs and the CDP tests share.
import { describe, expect, it } from 'vitest';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import fc from 'fast-check';
import { FakeClock } from '../../../electron/core/clock';
import { internetOf } from '../../../electron/core/internet/context';
import { activeDownloadsDir, CANCEL_QUIET_MS, sessionUploads } from '../../../electron/core/internet/file-picker';
import { acceptsFile, decideUploads, type UploadRules } from '../../../electron/core/internet/guard/uploads';
import { downloadsRoot } from '../../../electron/core/internet/wipe';
import type { EventPayload } from '#contract';
import { openTestKiosk, type TestKiosk } from '../../support/kiosk';
import { tempDir } from '../../support/temp-dir';

const ADULT = 'BD000003';
const single = { multiple: false, accept: '' };

async function session() {
  const t = await openTestKiosk({ clock: new FakeClock('2026-12-02T09:00:00+07:00') });
  await t.call('internet.signIn', { kind: 'card', text: ADULT });
  const pickers: EventPayload<'internet.filePicker'>[] = [];
  t.kiosk.bus.on('internet.filePicker', (p) => pickers.push(p));
  return { t, ic: internetOf(t.kiosk.ctx), pickers };
}
const save = (t: TestKiosk, fileName: string, text: string) => t.call<{ saved: string }>('internet.saveDownload', { fileName, text });
/** Waits for the picker event the guard's ask publishes (the ask is asynchronous). */
async function nextPicker(pickers: EventPayload<'internet.filePicker'>[], count: number) {
  for (let i = 0; i < 50 && pickers.length < count; i++) await new Promise((r) => setImmediate(r));
  return pickers[count - 1]!;
}

describe("the kiosk's file picker", () => {
  it("lists only this session's downloads and hands the page exactly the file chosen", async () => {
    const { t, ic, pickers } = await session();
    await save(t, 'don-xin-viec.pdf', '%PDF-1.4 đơn');
    await save(t, 'ghi-chu.txt', 'ghi chú');
    const folder = activeDownloadsDir(ic)!;
    // Hostile neighbours: the data folder's database, a symlink to it and a sub-folder inside the session folder.
    writeFileSync(join(t.dataDir, 'secret.sqlite'), 'SQLite format 3');
    symlinkSync(join(t.dataDir, 'secret.sqlite'), join(folder, 'link.pdf'));
    mkdirSync(join(folder, 'sub.pdf'));
    const answer = decideUploads(sessionUploads(ic), single);
    const shown = await nextPicker(pickers, 1);
    expect(shown).toMatchObject({
      open: true,
      multiple: false,
      files: [
        { name: 'don-xin-viec.pdf', bytes: Buffer.byteLength('%PDF-1.4 đơn') },
        { name: 'ghi-chu.txt', bytes: Buffer.byteLength('ghi chú') },
      ],
    });
    expect(await t.call('internet.chooseFiles', { pickId: shown.pickId, names: ['don-xin-viec.pdf'] })).toEqual({ given: 1 });
    expect(await answer).toEqual({ offered: 2, files: [join(folder, 'don-xin-viec.pdf')] });
    expect(pickers.at(-1)).toMatchObject({ pickId: shown.pickId, open: false });
  });

  it('refuses names outside the list (.., the data folder, an earlier session) with a sentence saying what to do', async () => {
    const { t, ic, pickers } = await session();
    await save(t, 'don.pdf', '%PDF');
    const answer = decideUploads(sessionUploads(ic), { multiple: true, accept: '' });
    const shown = await nextPicker(pickers, 1);
    for (const name of ['../../kiosk.sqlite', join(t.dataDir, 'kiosk.sqlite'), 'kiosk.sqlite', '..', 'link.pdf']) {
      await expect(t.call('internet.chooseFiles', { pickId: shown.pickId, names: [name] })).rejects.toMatchObject({
        apiError: { reason: 'picker_unknown_file', message: expect.stringContaining('Hãy chọn một tệp trong danh sách') },
      });
    }
    // A known name with hostile ones beside it: only the known one goes.
    await t.call('internet.chooseFiles', { pickId: shown.pickId, names: ['../don.pdf', 'don.pdf', 'don.pdf'] });
    expect((await answer).files.map((f) => basename(f))).toEqual(['don.pdf']);
    await expect(t.call('internet.chooseFiles', { pickId: shown.pickId, names: ['don.pdf'] })).rejects.toMatchObject({ apiError: { reason: 'picker_closed' } });
  });

  it('never offers files of an earlier session, nor of another session folder', async () => {
    const { t, ic, pickers } = await session();
    await save(t, 'cu.pdf', '%PDF old');
    await t.call('internet.end');
    t.clock.advance(60_000);
    await t.call('internet.signIn', { kind: 'card', text: 'BD000004' });
    // A leftover folder of someone else beside this session's (as if a wipe had failed).
    const stranger = join(downloadsRoot(t.dataDir), 'ffffffffffffffff');
    mkdirSync(stranger, { recursive: true });
    writeFileSync(join(stranger, 'cua-nguoi-khac.pdf'), '%PDF');
    expect(await decideUploads(sessionUploads(ic), single)).toEqual({ offered: 0, files: [] });
    await save(t, 'moi.pdf', '%PDF new');
    const answer = decideUploads(sessionUploads(ic), single);
    expect((await nextPicker(pickers, 1)).files.map((f) => f.name)).toEqual(['moi.pdf']);
    await t.call('internet.chooseFiles', { pickId: pickers[0]!.pickId, names: ['moi.pdf'] });
    expect((await answer).files).toEqual([join(activeDownloadsDir(ic)!, 'moi.pdf')]);
  });

  it('follows multiple and accept: one file for a single input, only fitting types listed', async () => {
    const { t, ic, pickers } = await session();
    for (const name of ['a.pdf', 'b.pdf', 'c.txt', 'd.png']) await save(t, name, 'x');
    const single = decideUploads(sessionUploads(ic), { multiple: false, accept: '.pdf' });
    const first = await nextPicker(pickers, 1);
    expect(first.files.map((f) => f.name)).toEqual(['a.pdf', 'b.pdf']);
    await t.call('internet.chooseFiles', { pickId: first.pickId, names: ['a.pdf', 'b.pdf'] });
    expect((await single).files.map((f) => basename(f))).toEqual(['a.pdf']);
    t.clock.advance(CANCEL_QUIET_MS);
    const many = decideUploads(sessionUploads(ic), { multiple: true, accept: 'image/*, text/plain' });
    const second = await nextPicker(pickers, 3);
    expect(second.files.map((f) => f.name)).toEqual(['c.txt', 'd.png']);
    await t.call('internet.chooseFiles', { pickId: second.pickId, names: ['d.png', 'c.txt'] });
    expect((await many).files.map((f) => basename(f))).toEqual(['d.png', 'c.txt']);
  });

  it('a page opening its chooser in a loop gets nothing while the picker is open, and nothing for a moment after a cancel', async () => {
    const { t, ic, pickers } = await session();
    await save(t, 'don.pdf', '%PDF');
    const rules = sessionUploads(ic);
    const first = decideUploads(rules, single);
    const shown = await nextPicker(pickers, 1);
    const storm = await Promise.all(Array.from({ length: 20 }, () => decideUploads(rules, single)));
    expect(storm.every((r) => r.files.length === 0)).toBe(true);
    expect(pickers).toHaveLength(1);
    await t.call('internet.chooseFiles', { pickId: shown.pickId, names: [] }); // Hủy
    expect((await first).files).toEqual([]);
    expect((await decideUploads(rules, single)).files).toEqual([]);
    expect(pickers.filter((p) => p.open)).toHaveLength(1);
    t.clock.advance(CANCEL_QUIET_MS);
    void decideUploads(rules, single);
    expect((await nextPicker(pickers, 3)).open).toBe(true);
  });

  it('the session ending closes an open picker with nothing given; "refuse" never shows one', async () => {
    const { t, ic, pickers } = await session();
    await save(t, 'don.pdf', '%PDF');
    const answer = decideUploads(sessionUploads(ic), single);
    await nextPicker(pickers, 1);
    await t.call('internet.end');
    expect(await answer).toEqual({ offered: 1, files: [] });
    expect(pickers.at(-1)!.open).toBe(false);
    const refusing: UploadRules = { ...sessionUploads(ic), mode: 'refuse' };
    expect(await decideUploads(refusing, single)).toEqual({ offered: 0, files: [] });
  });
});

describe('decideUploads is confined whatever the picker answers', () => {
  it('gives only offered files, at most one for a single input (property)', async () => {
    const dir = tempDir();
    try {
      const folder = join(dir.path, 's');
      mkdirSync(folder);
      for (const name of ['a.pdf', 'b.txt']) writeFileSync(join(folder, name), 'x');
      writeFileSync(join(dir.path, 'kiosk.sqlite'), 'x');
      const offered = [join(folder, 'a.pdf'), join(folder, 'b.txt')];
      const piece = fc.oneof(
        fc.constantFrom(...offered, join(dir.path, 'kiosk.sqlite'), `${folder}/../kiosk.sqlite`, `${folder}/./a.pdf`, folder),
        fc.string(),
      );
      await fc.assert(
        fc.asyncProperty(
          fc.array(piece, { maxLength: 6 }),
          fc.boolean(),
          fc.constantFrom('', '.pdf', 'text/*', 'image/png'),
          async (chosen, multiple, accept) => {
            const result = await decideUploads({ mode: 'session-downloads', folder: () => folder, choose: async () => chosen }, { multiple, accept });
            expect(result.files.every((f) => offered.includes(f) && acceptsFile(accept, basename(f)))).toBe(true);
            expect(result.files.length).toBeLessThanOrEqual(multiple ? 2 : 1);
          },
        ),
        { numRuns: 200 },
      );
    } finally {
      dir.remove();
    }
  });
});
