// Properties of the upload payload validation at the collector (fast-check), of the kiosk's
// backoff, and the size of a busy terminal-day on the wire.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DAY_INDICATORS, type DayFigures } from '#contract/statistics';
import { canonicalJson } from '#contract/upload';
import { validateUpload } from '../../../collector/validate';
import { backoffDelay, BACKOFF_CAP_MS, encodeBatch } from '../../../electron/core/upload/uploader';

const NOW = Date.parse('2026-12-01T08:00:00+07:00');
const code = fc.constantFrom('adult', 'child', 'student', 'senior', 'male', 'female', '18-35', '60+', 'own', 'rotation', 'unknown');
const counts = fc.dictionary(code, fc.nat({ max: 100_000 }), { maxKeys: 6 });
const value = fc
  .record({ total: fc.nat({ max: 1_000_000 }), by: fc.option(fc.record({ category: counts, gender: counts }, { requiredKeys: [] }), { nil: undefined }) })
  .map((v) => (v.by === undefined ? { total: v.total } : v));
const figures = fc.dictionary(fc.constantFrom(...DAY_INDICATORS), value, { maxKeys: DAY_INDICATORS.length }) as fc.Arbitrary<DayFigures>;
const pastDay = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2026-11-30T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const batch = fc
  .uniqueArray(fc.record({ day: pastDay, revision: fc.integer({ min: 1, max: 1000 }), figures }), { minLength: 1, maxLength: 62, selector: (d) => d.day })
  .map((days) => ({ schema: 1, terminalId: 't12345-abcdefgh', software: 'kiosk/0.1.0', days }));

describe('collector payload validation', () => {
  it('accepts every well-formed batch of past days, unchanged', () => {
    fc.assert(
      fc.property(batch, (b) => {
        const result = validateUpload(JSON.parse(JSON.stringify(b)), NOW);
        expect(result.ok).toBe(true);
        if (result.ok) expect(canonicalJson(result.batch)).toBe(canonicalJson(b));
      }),
    );
  });

  it('refuses a batch with any negative or fractional count', () => {
    fc.assert(
      fc.property(batch, fc.nat(), fc.constantFrom(-1, -1000, 0.5), (b, pick, bad) => {
        const day = b.days[pick % b.days.length]!;
        day.figures = { ...day.figures, loans: { total: bad } };
        expect(validateUpload(b, NOW).ok).toBe(false);
      }),
    );
  });

  it('refuses days after tomorrow and days before 2020', () => {
    fc.assert(
      fc.property(batch, fc.integer({ min: 2, max: 4000 }), (b, ahead) => {
        const future = new Date(NOW + ahead * 86_400_000).toISOString().slice(0, 10);
        b.days[0]!.day = future;
        const result = validateUpload(b, NOW);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.message).toMatch(/tương lai|trùng|hai lần/);
      }),
    );
    const old = validateUpload({ schema: 1, terminalId: 't12345-abcdefgh', software: 'x', days: [{ day: '2019-12-31', revision: 1, figures: {} }] }, NOW);
    expect(old.ok).toBe(false);
  });

  it('never throws on arbitrary JSON and never accepts what the schema does not describe', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const result = validateUpload(v, NOW);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.message.length).toBeGreaterThan(10);
      }),
    );
  });

  it('refuses dimension values that are free text (a name cannot travel in a key)', () => {
    const r = validateUpload(
      {
        schema: 1,
        terminalId: 't12345-abcdefgh',
        software: 'x',
        days: [{ day: '2026-11-01', revision: 1, figures: { visits: { total: 1, by: { category: { 'Nguyễn Văn A': 1 } } } } }],
      },
      NOW,
    );
    expect(r.ok).toBe(false);
  });
});

describe('backoff with jitter', () => {
  it('stays between half and all of the exponential ceiling, capped at an hour', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (failures, r) => {
        const ceiling = Math.min(BACKOFF_CAP_MS, 30_000 * 2 ** (failures - 1));
        const delay = backoffDelay(failures, () => r);
        expect(delay).toBeGreaterThanOrEqual(Math.floor(ceiling / 2));
        expect(delay).toBeLessThanOrEqual(ceiling);
      }),
    );
    expect(backoffDelay(1, () => 0)).toBe(15_000);
    expect(backoffDelay(40, () => 0.999)).toBeLessThanOrEqual(BACKOFF_CAP_MS);
  });
});

describe('upload size', () => {
  it('a busy terminal-day with every indicator and dimension is under 2 KB gzip', () => {
    const dims = {
      category: { adult: 40, child: 25, student: 31, senior: 9, guest: 4 },
      gender: { female: 61, male: 48 },
      ageBand: { '0-5': 2, '6-14': 23, '15-17': 18, '18-35': 30, '36-59': 27, '60+': 9 },
      collection: { own: 80, rotation: 29 },
    };
    const day: DayFigures = Object.fromEntries(DAY_INDICATORS.map((k) => [k, { total: 109, by: dims }]));
    const bytes = encodeBatch({
      schema: 1,
      terminalId: 'kiosk-abcdefghijklmnop',
      software: 'kiosk/0.1.0',
      days: [{ day: '2026-11-30', revision: 12, figures: day }],
    });
    expect(bytes.length).toBeLessThan(2048);
  });
});
