// The commune register reader (CSV/XLSX of the administrative list): property-based round trips,
// hostile input answered with a sentence (never an exception), and spreadsheet-safe cells.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { communesFromRows, foldHeader, readCommuneRegister } from '../../../collector/communes-import';
import { neutralise } from '../../../collector/cells';
import { summaryLines } from '../../../collector/report';

const commune = fc.record({
  code: fc.integer({ min: 0, max: 99_999 }).map((n) => String(n).padStart(5, '0')),
  name: fc
    .string({ minLength: 2, maxLength: 40 })
    .filter((s) => s.trim().length >= 2 && !/[\r\n"]/.test(s))
    .map((s) => s.trim()),
  population: fc.option(fc.integer({ min: 0, max: 9_999_999 }), { nil: null }),
  rural: fc.boolean(),
  disadvantaged: fc.boolean(),
});

const csvCell = (v: string) => `"${v.replace(/"/g, '""')}"`;

describe('commune register', () => {
  it('reads back every valid register written as CSV, whatever the order of the communes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(commune, { selector: (c) => c.code, minLength: 1, maxLength: 30 }), async (communes) => {
        const lines = [
          'Mã tỉnh,Mã xã,Tên xã,Dân số,Nông thôn,Vùng khó khăn',
          ...communes.map((c) => ['27', c.code, csvCell(c.name), c.population ?? '', c.rural ? 'Có' : 'Không', c.disadvantaged ? 1 : 0].join(',')),
        ];
        const result = await readCommuneRegister(Buffer.from(lines.join('\r\n')));
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.communes.map((c) => ({ code: c.code, name: c.name, population: c.population, rural: c.rural, disadvantaged: c.disadvantaged }))).toEqual(
          communes,
        );
      }),
      { numRuns: 60 },
    );
  });

  it('answers arbitrary bytes and rows with a Vietnamese sentence, never an exception', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => {
        const result = await readCommuneRegister(Buffer.from(bytes));
        if (!result.ok) expect(result.message).toMatch(/[Tt]ệp|Dòng|mã/);
      }),
      { numRuns: 150 },
    );
    fc.assert(
      fc.property(fc.array(fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { maxLength: 8 }), { maxLength: 10 }), (rows) => {
        const result = communesFromRows([['Mã tỉnh', 'Mã xã', 'Tên xã'], ...rows]);
        if (result.ok) for (const c of result.communes) expect(c.code).toMatch(/^\d{5}$/);
      }),
    );
  });

  it('matches headers without accents or case, keeps only the chosen province', () => {
    expect(foldHeader('  MÃ XÃ ')).toBe('ma xa');
    const result = communesFromRows(
      [
        ['ma tinh', 'MA XA', 'Ten xa'],
        ['27', '1', 'Xã Một'],
        ['01', '2', 'Phường Hai'],
      ],
      '27',
    );
    expect(result).toEqual({ ok: true, communes: [expect.objectContaining({ code: '00001', provinceCode: '27', name: 'Xã Một' })] });
    expect(communesFromRows([['Mã xã', 'Tên xã']])).toEqual({ ok: false, message: expect.stringContaining('thiếu cột "Mã tỉnh"') });
  });

  it('neutralises every text a spreadsheet would read as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(neutralise(`${start}1+1`)).toBe(`'${start}1+1`);
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(/^[=+\-@\t\r]/.test(neutralise(s))).toBe(false);
      }),
    );
  });

  it('the summary has numbers and targets and no adjectives', () => {
    const target = { minPct: 7, maxPct: 9, custom: false };
    const ind = (key: 'visits' | 'items_served' | 'rotation_loans' | 'items_added', growthPct: number | null) => ({
      key,
      current: 0,
      previous: 0,
      growthPct,
      target,
      met: growthPct === null ? null : growthPct >= 7,
    });
    const lines = summaryLines({
      targets: {
        residents_share: { minPct: 14, maxPct: 20, custom: false },
        rural_reach: { minPct: 25, maxPct: 25, custom: false },
        disadvantaged_reach: { minPct: 20, maxPct: 20, custom: false },
      },
      province: {
        indicators: [ind('visits', 8.2), ind('items_served', -3), ind('rotation_loans', 0), ind('items_added', null)],
        sharePct: 15.5,
        shareMet: true,
      },
      servedFrom: '2026-01-01',
      shareYearToDate: false,
      ruralReachPct: null,
      disadvantagedReachPct: 20,
      communes: [],
    } as never);
    expect(lines[0]).toBe('Số lượt người sử dụng thư viện tăng 8,2 % so với cùng kỳ, đạt chỉ tiêu 7–9 %.');
    expect(lines[1]).toBe('Số lượt tài liệu phục vụ giảm 3 % so với cùng kỳ, chưa đạt chỉ tiêu 7–9 %.');
    expect(lines[2]).toBe('Số lượt mượn sách luân chuyển bằng cùng kỳ, chưa đạt chỉ tiêu 7–9 %.');
    expect(lines[4]).toBe('Tỷ lệ dân sử dụng thư viện 15,5 %, đạt chỉ tiêu 14–20 %.');
    expect(lines.join(' ')).not.toMatch(/tốt|mạnh|đáng kể|ấn tượng|khá|rất/);
  });

  it('a period ending before 31 December states the shares so far and leaves the yearly target unjudged', () => {
    const lines = summaryLines({
      period: { from: '2026-01-01', to: '2026-06-30', label: '2026-H1', kind: 'half' },
      targets: {
        residents_share: { minPct: 14, maxPct: 20, custom: false },
        rural_reach: { minPct: 25, maxPct: 25, custom: false },
        disadvantaged_reach: { minPct: 20, maxPct: 20, custom: false },
      },
      province: { indicators: [], sharePct: 0.03, shareMet: null },
      servedFrom: '2026-01-01',
      shareYearToDate: true,
      ruralReachPct: 7.25,
      disadvantagedReachPct: null,
      communes: [],
    } as never);
    // A commune's first residents (1 of 3,850) read as 0,03 %, not 0 %.
    expect(lines[0]).toBe('Tỷ lệ dân sử dụng thư viện từ 01/01 đến 30/06: 0,03 %; chỉ tiêu cả năm 14–20 %, đánh giá khi hết năm.');
    expect(lines[1]).toBe('Tỷ lệ dân nông thôn được phục vụ từ 01/01 đến 30/06: 7,25 %; chỉ tiêu cả năm 25 %, đánh giá khi hết năm.');
    expect(lines[2]).toContain('chưa tính được vì chưa có dân số');
  });
});
