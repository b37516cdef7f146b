// The one masking rule (common/privacy/mask.ts) and where it is applied: properties over any text,
// the findings of issue #16 (a truncated CCCD QR classified `unknown` echoed in full), the logs,
// the diagnostics page's recent scans, and refusals crossing the API boundary.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { maskIdentityNumbers, maskIdentityNumbersIn, maskIdNumber } from '../../../common/privacy/mask';
import { createFileLogger } from '../../../electron/core/logs/file-logger';
import { createRegistry } from '../../../electron/core/api/registry';
import { KioskError } from '../../../electron/core/errors';
import { describeScan } from '../../../native/scan/describe';
import { createNativeDevices } from '../../../native';
import { tempDir } from '../../support/temp-dir';

/** Maximal runs of digits in a text. */
const digitRuns = (text: string) => text.match(/\d+/g) ?? [];
const TRUNCATED = '001090123456|012345678|Nguyễn Văn An|01011990';

const textWithIds = fc
  .array(
    fc.oneof(
      fc.string(),
      fc.stringMatching(/^\d{9}$/),
      fc.stringMatching(/^\d{12}$/),
      fc.tuple(fc.stringMatching(/^\d{12}$/), fc.stringMatching(/^\d{0,9}$/), fc.string(), fc.stringMatching(/^\d{8}$/)).map((parts) => parts.join('|')),
    ),
  )
  .map((parts) => parts.join(''));

describe('maskIdentityNumbers', () => {
  it('leaves no run of exactly 9 or 12 digits in any text', () => {
    fc.assert(
      fc.property(textWithIds, (text) => {
        for (const run of digitRuns(maskIdentityNumbers(text))) expect([9, 12]).not.toContain(run.length);
      }),
    );
  });

  it('leaves text without a 9- or 12-digit run unchanged', () => {
    const noIdRun = fc
      .string({ unit: fc.oneof(fc.constantFrom(...'0123456789|'), fc.string({ minLength: 1, maxLength: 1 }), fc.constantFrom('ễ', 'đ', 'Ư', '\n')) })
      .filter((text) => !digitRuns(text).some((run) => run.length === 9 || run.length === 12));
    fc.assert(
      fc.property(noIdRun, (text) => {
        expect(maskIdentityNumbers(text)).toBe(text);
      }),
    );
  });

  it('is idempotent and keeps JSON valid when applied to a serialised document', () => {
    fc.assert(
      fc.property(textWithIds, fc.string(), (value, other) => {
        const once = maskIdentityNumbers(JSON.stringify({ value, other }));
        expect(maskIdentityNumbers(once)).toBe(once);
        expect(() => JSON.parse(once)).not.toThrow();
      }),
    );
  });

  it('drops the name and dates of a CCCD-shaped text, keeping the masked number', () => {
    expect(maskIdentityNumbers(`quét: ${TRUNCATED}`)).toBe('quét: 001*******56|…');
    expect(maskIdentityNumbers('thẻ BD001099012345 và CMND 123456789')).toBe('thẻ BD001*******45 và CMND 123****89');
    expect(maskIdentityNumbers('ISBN 9786041234567, điện thoại 0912345678, thẻ BD000001')).toBe('ISBN 9786041234567, điện thoại 0912345678, thẻ BD000001');
  });
});

describe('maskIdentityNumbersIn (CLI --json output)', () => {
  it('masks every string in a document and leaves numbers alone, so the JSON stays what it was', () => {
    const id = fc.stringMatching(/^\d{12}$/);
    fc.assert(
      fc.property(id, fc.integer({ min: 100_000_000, max: 999_999_999 }), (cccd, bytes) => {
        const masked = maskIdentityNumbersIn({ note: `quét ${cccd}|x|Tên|01011990`, list: [cccd], freeBytes: bytes });
        const text = JSON.stringify(masked);
        return !text.includes(cccd) && masked.freeBytes === bytes && JSON.parse(text).list[0] === maskIdNumber(cccd);
      }),
    );
  });
});

describe('masking wherever text leaves memory', () => {
  it('describes an unrecognised CCCD-shaped scan without its number or name', () => {
    const described = describeScan(TRUNCATED);
    expect(JSON.stringify(described)).not.toContain('001090123456');
    expect(JSON.stringify(described)).not.toContain('Nguyễn Văn An');
    expect(JSON.stringify(described)).not.toContain('012345678');
  });

  it('masks the diagnostics page text of a scan whatever its kind', () => {
    const devices = createNativeDevices();
    for (const kind of ['unknown', 'card', 'item', 'isbn', 'guest'] as const) {
      const shown = devices.maskForDiagnostics(kind, TRUNCATED);
      expect(shown).not.toContain('001090123456');
      expect(shown).not.toContain('Nguyễn');
    }
  });

  it('masks identity numbers in log lines, whatever the field name', () => {
    const dir = tempDir();
    const logger = createFileLogger({ dir: dir.path, now: () => 0 });
    logger.log('warn', 'scan.rejected', { detail: `mã lạ ${TRUNCATED}`, code: 'x001090123456y' });
    const line = readFileSync(logger.file, 'utf8');
    expect(line).not.toContain('001090123456');
    expect(line).not.toContain('Nguyễn');
    expect(() => JSON.parse(line)).not.toThrow();
    dir.remove();
  });

  it('masks identity numbers in refusals crossing the API boundary', async () => {
    const registry = createRegistry();
    registry.register('system.ping', () => {
      throw new KioskError('not_found', `Không tìm thấy thẻ ${TRUNCATED}. Hãy quét lại.`);
    });
    const reply = await registry.dispatch('system.ping', {});
    expect(reply).toMatchObject({ ok: false, error: { message: 'Không tìm thấy thẻ 001*******56|…' } });
  });
});
