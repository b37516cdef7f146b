// Property tests of the pack parsers: pack paths, the manifest schema, type sniffing, byte ranges
// and the zip reader on arbitrary bytes.
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRange } from '../../../electron/core/eresources/files';
import { compareVersions, packManifest, safePackPath } from '../../../electron/core/eresources/manifest';
import { looksLikeHtml, mimeFits, sniffMime } from '../../../electron/core/eresources/sniff';
import { forEachEntry, openZip } from '../../../electron/core/eresources/zip';
import { resolveInside } from '../../../electron/core/security/web';
import { tempDir } from '../../support/temp-dir';

const segment = fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,11}(\.[a-z0-9]{1,4})?$/);

describe('safePackPath', () => {
  it('accepts relative paths of plain segments, and they resolve inside the pack folder', () => {
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), (parts) => {
        const path = parts.join('/');
        expect(safePackPath(path)).toBe(path);
        expect(resolveInside('/data/packs/p', path)?.startsWith('/data/packs/p/')).toBe(true);
      }),
    );
  });

  it('never accepts a path that resolves outside the pack folder', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(segment, fc.constantFrom('..', '.', '', '/', '\\', 'C:', '~', '..\\..')), { minLength: 1, maxLength: 6 }), (parts) => {
        const path = parts.join('/');
        if (safePackPath(path) !== undefined) {
          expect(resolveInside('/data/packs/p', path)?.startsWith('/data/packs/p/')).toBe(true);
          expect(path.split('/')).not.toContain('..');
        }
      }),
    );
  });

  it('refuses the classic escapes', () => {
    for (const bad of ['../x', 'a/../../x', '/etc/passwd', 'C:\\x', 'a\\..\\x', 'a//b', './a', 'a/\u0000b', '~/x', ''])
      expect(safePackPath(bad)).toBeUndefined();
  });
});

describe('manifest schema', () => {
  const valid = {
    manifestVersion: 1,
    id: 'vn.tinh.goi-1',
    version: '1.2',
    title: 'Gói',
    publisher: 'Thư viện tỉnh',
    resources: [{ id: 'a', title: 'Tài liệu', topic: 'Pháp luật', format: 'pdf', file: { path: 'a.pdf', size: 10, sha256: 'A'.repeat(64) } }],
  };

  it('accepts a valid manifest and fills defaults', () => {
    const parsed = packManifest.parse(valid);
    expect(parsed.resources[0]).toMatchObject({ audience: 'all', language: 'vie', featured: false });
    expect(parsed.resources[0]!.file!.sha256).toBe('a'.repeat(64));
  });

  it('never throws on arbitrary JSON, only fails its parse', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        expect(typeof packManifest.safeParse(json).success).toBe('boolean');
      }),
    );
  });

  it('rejects any single broken field of a valid manifest', () => {
    const breakers: ((m: typeof valid) => unknown)[] = [
      (m) => ({ ...m, id: '../x' }),
      (m) => ({ ...m, version: 'latest' }),
      (m) => ({ ...m, manifestVersion: 2 }),
      (m) => ({ ...m, resources: [] }),
      (m) => ({ ...m, extra: true }),
      (m) => ({ ...m, resources: [{ ...m.resources[0]!, format: 'exe' }] }),
      (m) => ({ ...m, resources: [{ ...m.resources[0]!, file: { ...m.resources[0]!.file, sha256: 'xyz' } }] }),
      (m) => ({ ...m, resources: [{ ...m.resources[0]!, file: undefined }] }),
      (m) => ({ ...m, resources: [m.resources[0]!, m.resources[0]!] }),
      (m) => ({ ...m, resources: [{ ...m.resources[0]!, format: 'link', file: undefined, url: 'javascript:alert(1)' }] }),
    ];
    for (const broken of breakers) expect(packManifest.safeParse(broken(valid)).success).toBe(false);
  });

  it('orders versions numerically', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(999), { minLength: 1, maxLength: 4 }), fc.array(fc.nat(999), { minLength: 1, maxLength: 4 }), (a, b) => {
        const x = a.join('.');
        const y = b.join('.');
        // Antisymmetric; the sum, not a negation, so that equal versions (0 and -0) compare as equal.
        expect(Math.sign(compareVersions(x, y)) + Math.sign(compareVersions(y, x))).toBe(0);
        // Equal lists of numbers are equal versions.
        if (a.join() === b.join()) expect(compareVersions(x, y)).toBe(0);
      }),
    );
    expect(compareVersions('1.10', '1.9')).toBeGreaterThan(0);
    expect(compareVersions('2', '2.0.0')).toBe(0);
  });
});

describe('type sniffing', () => {
  it('knows the formats by their first bytes', async () => {
    expect(await sniffMime(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(await sniffMime(Buffer.from('<!-- x --><!DOCTYPE html><html>'))).toBe('text/html');
    expect(await sniffMime(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]))).toBe('image/png');
    expect(mimeFits('pdf', 'text/html')).toBe(false);
    expect(mimeFits('html', 'text/html')).toBe(true);
    expect(mimeFits('link', 'text/html')).toBe(false);
  });

  it('never throws on arbitrary bytes, and only HTML-looking text is called HTML', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), async (bytes) => {
        const mime = await sniffMime(bytes);
        if (mime === 'text/html') expect(looksLikeHtml(bytes)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('text that does not start as a document is not HTML, whatever follows', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }).filter((s) => /^[^<\s\uFEFF]/.test(s)),
        (text) => {
          expect(looksLikeHtml(Buffer.from(`${text}<html>`))).toBe(false);
        },
      ),
    );
  });
});

describe('byte ranges', () => {
  it('always gives a range inside the file, or none, or unsatisfiable', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.option(fc.nat(20_000)), fc.option(fc.nat(20_000)), (size, a, b) => {
        const header = `bytes=${a ?? ''}-${b ?? ''}`;
        const range = parseRange(header, size);
        if (range && range !== 'unsatisfiable') {
          expect(range.start).toBeGreaterThanOrEqual(0);
          expect(range.end).toBeLessThan(size);
          expect(range.start).toBeLessThanOrEqual(range.end);
        }
      }),
    );
    expect(parseRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=2000-', 1000)).toBe('unsatisfiable');
    expect(parseRange('items=1-2', 1000)).toBeUndefined();
  });
});

describe('zip reader', () => {
  it('arbitrary bytes are a clean rejection, never a crash or a hang', async () => {
    const dir = tempDir();
    try {
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => {
          const file = join(dir.path, 'x.zip');
          // Half the cases carry an end-of-central-directory signature so the parser goes further.
          writeFileSync(file, bytes.length % 2 ? Buffer.concat([Buffer.from(bytes), Buffer.from([0x50, 0x4b, 0x05, 0x06]), Buffer.alloc(18)]) : bytes);
          try {
            const zip = await openZip(file);
            await forEachEntry(zip, async () => undefined).finally(() => zip.close());
          } catch (error) {
            expect(error).toBeInstanceOf(Error);
          }
        }),
        { numRuns: 150 },
      );
    } finally {
      dir.remove();
    }
  });
});
