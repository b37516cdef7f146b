// Content packs end to end on a real core: the demo pack, browsing and search, counted opens, and
// every way a pack is refused with nothing installed.
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { installPack, removePack } from '../../electron/core/eresources/install';
import { packsRoot } from '../../electron/core/eresources/paths';
import { buildPack, type PackInput } from '../../resources/packs/generator/pack';
import { makeCover } from '../../resources/packs/generator/png';
import { zipToBuffer } from '../../resources/packs/generator/zip';
import { openTestKiosk, type TestKiosk } from '../support/kiosk';
import { tempDir } from '../support/temp-dir';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const HTML = '<!doctype html><html lang="vi"><body><h1>Xin chào</h1></body></html>';

function samplePack(version = '1.0', extra: Partial<PackInput> = {}): PackInput {
  return {
    id: 'vn.test.goi-thu',
    version,
    title: 'Gói thử',
    publisher: 'Thư viện tỉnh thử',
    resources: [
      {
        id: 'ky-thuat-nuoi-ga',
        title: 'Kỹ thuật nuôi gà thả vườn',
        topic: 'Nông nghiệp',
        format: 'pdf',
        featured: true,
        file: { path: 'files/nuoi-ga.pdf', data: PDF },
        cover: { path: 'covers/ga.png', data: makeCover([40, 120, 40], 'sun') },
      },
      {
        id: 'trang-gioi-thieu',
        title: 'Giới thiệu đình làng',
        topic: 'Văn hóa – lịch sử địa phương',
        format: 'html',
        file: { path: 'files/dinh.html', data: HTML },
      },
    ],
    ...extra,
  };
}

/** Pack files live outside every kiosk's data folder, as on a USB stick, and are removed after the tests. */
const stick = tempDir('kiosk-usb-');
afterAll(() => stick.remove());

async function packFile(name: string, pack: PackInput, options?: Parameters<typeof buildPack>[2]): Promise<string> {
  const file = join(stick.path, `${name}-${Math.random().toString(36).slice(2)}.zip`);
  await buildPack(file, pack, options);
  return file;
}

async function refusal(promise: Promise<unknown>): Promise<{ reason?: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { reason?: string; message: string };
  }
  throw new Error('expected a refusal');
}

function installedFolders(kiosk: TestKiosk): string[] {
  return existsSync(packsRoot(kiosk.dataDir)) ? readdirSync(packsRoot(kiosk.dataDir)) : [];
}

describe('demo content', () => {
  it('a demo kiosk has the project-made pack installed and browsable by topic', async () => {
    const k = await openTestKiosk();
    const all = await k.call<{ topics: { name: string; count: number }[]; featured: { title: string }[]; total: number }>('eresources.browse', {});
    expect(all.topics.map((t) => t.name)).toEqual(expect.arrayContaining(['Nông nghiệp', 'Pháp luật', 'Sức khỏe', 'Thiếu nhi']));
    expect(all.featured.map((f) => f.title)).toContain('Sổ tay trồng lúa tiết kiệm nước');
    const children = await k.call<{ results: { title: string; format: string }[] }>('eresources.browse', { topic: 'Thiếu nhi' });
    expect(children.results.map((r) => r.format)).toContain('epub');
  });

  it('search ignores tone marks and đ, and filters by format and audience', async () => {
    const k = await openTestKiosk();
    const hits = await k.call<{ results: { title: string }[] }>('eresources.browse', { query: 'trong lua tiet kiem' });
    expect(hits.results[0]?.title).toBe('Sổ tay trồng lúa tiết kiệm nước');
    const dinh = await k.call<{ results: { title: string }[] }>('eresources.browse', { query: 'dinh lang' });
    expect(dinh.results.map((r) => r.title)).toContain('Làng quê Minh Hòa xưa và nay');
    const audio = await k.call<{ results: { format: string }[] }>('eresources.browse', { format: 'audio' });
    expect(audio.results.length).toBeGreaterThan(0);
    expect(audio.results.every((r) => r.format === 'audio')).toBe(true);
    const child = await k.call<{ results: { audience: string }[] }>('eresources.browse', { audience: 'child' });
    expect(child.results.every((r) => r.audience === 'child' || r.audience === 'all')).toBe(true);
    expect((await k.call<{ total: number }>('eresources.browse', { query: 'khong co tai lieu nao nhu the' })).total).toBe(0);
  });
});

describe('counting use', () => {
  it('an open is anonymous without a card and minutes come from visible time, capped by the clock', async () => {
    const k = await openTestKiosk();
    const { results } = await k.call<{ results: { id: number; topic: string }[] }>('eresources.browse', { format: 'audio' });
    const opened = await k.call<{ viewId: string }>('eresources.open', { resourceId: results[0]!.id });
    k.clock.advance(3 * 60_000);
    const closed = await k.call<{ minutes: number }>('eresources.close', { viewId: opened.viewId, visibleSeconds: 10 * 60, completed: true });
    expect(closed.minutes).toBe(3);
    const events = k.kiosk.db.prepare("SELECT type, payload FROM events WHERE type LIKE 'eresource.%' ORDER BY id").all() as {
      type: string;
      payload: string;
    }[];
    expect(events.map((e) => e.type)).toEqual(['eresource.opened', 'eresource.closed']);
    expect(JSON.parse(events[0]!.payload)).toMatchObject({ resourceId: results[0]!.id, topic: 'Sức khỏe', format: 'audio', patronId: null });
    expect(JSON.parse(events[1]!.payload)).toMatchObject({ minutes: 3, completed: true });
    // Closing twice does not count twice.
    await expect(k.call('eresources.close', { viewId: opened.viewId, visibleSeconds: 1 })).rejects.toThrow(/đã kết thúc/);
  });

  it('a signed-in resident’s open carries their patron id; documents have no completion', async () => {
    const k = await openTestKiosk();
    const { results } = await k.call<{ results: { id: number }[] }>('eresources.browse', { format: 'pdf' });
    const opened = await k.call<{ viewId: string }>('eresources.open', { resourceId: results[0]!.id, card: 'BD000001' });
    k.clock.advance(60_000);
    await k.call('eresources.close', { viewId: opened.viewId, visibleSeconds: 30, completed: true });
    const rows = k.kiosk.db.prepare("SELECT payload FROM events WHERE type LIKE 'eresource.%' ORDER BY id").all() as { payload: string }[];
    expect(JSON.parse(rows[0]!.payload).patronId).toEqual(expect.any(Number));
    expect(JSON.parse(rows[1]!.payload)).toMatchObject({ minutes: 0.5, completed: null });
  });

  it('a link open returns the URL policy decision', async () => {
    const k = await openTestKiosk();
    const { results } = await k.call<{ results: { id: number }[] }>('eresources.browse', { format: 'link' });
    const opened = await k.call<{ link: { decision: { decision: string }; countsAsInternetTime: boolean } }>('eresources.open', { resourceId: results[0]!.id });
    expect(opened.link.decision.decision).toBe('allow');
    expect(opened.link.countsAsInternetTime).toBe(false);
  });
});

describe('installing packs', () => {
  it('installs, replaces with a newer version (old files gone only after the switch) and removes', async () => {
    const k = await openTestKiosk();
    const v1 = await installPack(k.kiosk.ctx, await packFile('v1', samplePack('1.0')));
    expect(v1.pack).toMatchObject({ id: 'vn.test.goi-thu', version: '1.0', resources: 2 });
    const before = installedFolders(k);
    const v2 = await installPack(k.kiosk.ctx, await packFile('v2', samplePack('1.1')));
    expect(v2.replacedVersion).toBe('1.0');
    const after = installedFolders(k);
    expect(after.length).toBe(before.length);
    expect(after.some((f) => f.startsWith('vn.test.goi-thu@1.1-'))).toBe(true);
    expect(after.some((f) => f.startsWith('vn.test.goi-thu@1.0-'))).toBe(false);
    const older = await refusal(installPack(k.kiosk.ctx, await packFile('v0', samplePack('0.9'))));
    expect(older.reason).toBe('not_newer');
    const removed = await removePack(k.kiosk.ctx, 'vn.test.goi-thu');
    expect(removed.removed.version).toBe('1.1');
    expect(installedFolders(k).some((f) => f.startsWith('vn.test.goi-thu@'))).toBe(false);
  });

  it('staff install through the API with progress events; residents cannot', async () => {
    const k = await openTestKiosk();
    const file = await packFile('api', samplePack());
    await expect(k.call('eresources.install', { staffToken: 'x'.repeat(32), path: file, jobId: 'j1' })).rejects.toThrow(/đăng nhập lại/);
    const { token } = await k.call<{ token: string }>('staff.signIn', { card: 'NV0001', pin: '147258' });
    const phases: string[] = [];
    k.kiosk.bus.on('eresources.installProgress', (p) => phases.push(p.phase));
    await k.call('eresources.install', { staffToken: token, path: file, jobId: 'j1' });
    expect(phases[0]).toBe('checking');
    expect(phases).toContain('copying');
    expect(phases.at(-1)).toBe('done');
    const listed = await k.call<{ packs: { id: string }[]; usage: { usedBytes: number } }>('eresources.packs', { staffToken: token });
    expect(listed.packs.map((p) => p.id)).toContain('vn.test.goi-thu');
    expect(listed.usage.usedBytes).toBeGreaterThan(0);
  });
});

describe('rejections: nothing installed, a reason staff can act on', () => {
  async function expectRejected(k: TestKiosk, file: string, reason: string) {
    const before = installedFolders(k);
    const error = await refusal(installPack(k.kiosk.ctx, file));
    expect(error.reason).toBe(reason);
    expect(error.message).toMatch(/Không có gì được cài/);
    expect(installedFolders(k)).toEqual(before);
    expect(k.kiosk.db.prepare("SELECT count(*) AS n FROM eresource_packs WHERE id = 'vn.test.goi-thu'").get()).toEqual({ n: 0 });
    return error;
  }

  it('a corrupt zip', async () => {
    const k = await openTestKiosk();
    const file = join(k.dataDir, '..', `corrupt-${randomUUID()}.zip`);
    const good = await packFile('good', samplePack());
    const bytes = (await import('node:fs')).readFileSync(good);
    writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expectRejected(k, file, 'corrupt_zip');
    const notZip = join(k.dataDir, '..', `text-${randomUUID()}.zip`);
    writeFileSync(notZip, 'đây không phải tệp zip');
    await expectRejected(k, notZip, 'corrupt_zip');
  });

  it('a checksum mismatch', async () => {
    const k = await openTestKiosk();
    const tampered = Buffer.from(PDF.toString().replace('Catalog', 'Catalof'));
    await expectRejected(k, await packFile('sum', samplePack(), { tamper: { 'files/nuoi-ga.pdf': tampered } }), 'checksum_mismatch');
  });

  it('a missing file', async () => {
    const k = await openTestKiosk();
    const error = await expectRejected(k, await packFile('missing', samplePack(), { omit: ['files/dinh.html'] }), 'missing_file');
    expect(error.message).toContain('files/dinh.html');
  });

  it('a manifest that fails its schema, or none at all', async () => {
    const k = await openTestKiosk();
    const bad = await packFile('schema', samplePack(), { editManifest: (m) => ({ ...m, version: 'mới nhất' }) });
    const error = await expectRejected(k, bad, 'manifest_invalid');
    expect(error.message).toContain('version');
    const noManifest = join(k.dataDir, '..', `nomanifest-${randomUUID()}.zip`);
    writeFileSync(noManifest, await zipToBuffer([{ path: 'files/a.pdf', data: PDF }]));
    await expectRejected(k, noManifest, 'manifest_invalid');
  });

  it('paths escaping the pack: ../ and absolute in the manifest or the zip, and symlinks', async () => {
    const k = await openTestKiosk();
    const dotdot = await packFile('dotdot', samplePack(), {
      editManifest: (m) => {
        (m as { resources: { file: { path: string } }[] }).resources[0]!.file.path = '../../kiosk.db';
        return m;
      },
    });
    await expectRejected(k, dotdot, 'path_escape');
    const absManifest = await packFile('absman', samplePack(), {
      editManifest: (m) => {
        (m as { resources: { file: { path: string } }[] }).resources[1]!.file.path = '/etc/passwd';
        return m;
      },
    });
    await expectRejected(k, absManifest, 'path_escape');
    // yazl refuses to write an absolute name, so write a same-length name and patch its bytes.
    const absolute = await packFile('abs', samplePack(), { extra: [{ path: 'aetc/evil.pdf', data: PDF }] });
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync(absolute);
    const from = Buffer.from('aetc/evil.pdf');
    for (let i = bytes.indexOf(from); i >= 0; i = bytes.indexOf(from, i + 1)) bytes.write('/', i);
    writeFileSync(absolute, bytes);
    await expectRejected(k, absolute, 'path_escape');
    // Same trick for a "../" name in the zip itself.
    const zipDotdot = await packFile('zipdotdot', samplePack(), { extra: [{ path: 'files/xx/escape.html', data: HTML }] });
    const raw = readFileSync(zipDotdot);
    const name = Buffer.from('files/xx/escape.html');
    for (let i = raw.indexOf(name); i >= 0; i = raw.indexOf(name, i + 1)) raw.write('..', i + 6);
    writeFileSync(zipDotdot, raw);
    await expectRejected(k, zipDotdot, 'path_escape');
    const link = await packFile('link', samplePack(), { extra: [{ path: 'files/link', data: '/etc/passwd', mode: 0o120777 }] });
    await expectRejected(k, link, 'path_escape');
  });

  it('a pack over the disk quota', async () => {
    const k = await openTestKiosk({
      configure: (dir) =>
        writeFileSync(
          join(dir, 'kiosk.config.json'),
          JSON.stringify({ library: { name: 'Thư viện xã thử', communeCode: '12345' }, eresources: { quotaMegabytes: 1 } }),
        ),
    });
    const big = Buffer.concat([PDF, Buffer.alloc(1.5 * 1024 * 1024, 0x20)]);
    const error = await expectRejected(
      k,
      await packFile(
        'big',
        samplePack('1.0', { resources: [{ id: 'lon', title: 'Tài liệu lớn', topic: 'Pháp luật', format: 'pdf', file: { path: 'lon.pdf', data: big } }] }),
      ),
      'over_quota',
    );
    expect(error.message).toMatch(/hạn mức 1\.0 MB/);
  });

  it('a file whose real type is not the declared format', async () => {
    const k = await openTestKiosk();
    const fake = samplePack();
    fake.resources[0]!.file = { path: 'files/nuoi-ga.pdf', data: HTML };
    const error = await expectRejected(k, await packFile('type', fake), 'type_mismatch');
    expect(error.message).toContain('text/html');
    const exe = samplePack();
    exe.resources[1]!.file = { path: 'files/dinh.html', data: Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1') };
    await expectRejected(k, await packFile('exe', exe), 'type_mismatch');
  });

  it('a file the manifest does not declare', async () => {
    const k = await openTestKiosk();
    await expectRejected(k, await packFile('extra', samplePack(), { extra: [{ path: 'files/an.js', data: 'alert(1)' }] }), 'undeclared_file');
  });

  it('a symlinked pack file on disk is followed as a file, not a way out (USB folder listing)', async () => {
    const k = await openTestKiosk();
    const dir = tempDir();
    const real = await packFile('usb', samplePack());
    symlinkSync(real, join(dir.path, 'goi.zip'));
    const { token } = await k.call<{ token: string }>('staff.signIn', { card: 'NV0001', pin: '147258' });
    const found = await k.call<{ files: { name: string }[] }>('eresources.sources', { staffToken: token, folder: dir.path });
    expect(found.files.map((f) => f.name)).toEqual(['goi.zip']);
    dir.remove();
  });
});
