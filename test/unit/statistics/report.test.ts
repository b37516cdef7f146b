// Period reports: same period last year, growth against the programme's targets, the residents'
// share, the chart series, and the three export formats read back.
import { describe, expect, it } from 'vitest';
import { parsePeriod } from '#contract/statistics';
import { statisticsSection } from '../../../electron/core/statistics/config';
import { buildReport } from '../../../electron/core/statistics/report';
import { breakdowns, toCsv, toPdf, toXlsx } from '../../../electron/core/statistics/export';
import { adultWoman, at, boy, checkout, freshStore, signIn } from './event-log-fixture';
import { xlsxTexts } from '../../support/xlsx';

function log() {
  const db = freshStore();
  // First half of 2025: 10 loans (2 rotation), 2 items added, 3 distinct users.
  for (let i = 1; i <= 10; i++) checkout(db, `2025-0${1 + (i % 6)}-10 09:00`, i, 1 + (i % 3), i <= 2 ? 'rotation' : 'own', adultWoman);
  at(db, '2025-02-01 08:00', 'item.added', { itemId: 1, recordId: 1, collectionKind: 'own', source: 'manual' });
  at(db, '2025-02-01 08:00', 'item.added', { itemId: 2, recordId: 1, collectionKind: 'own', source: 'manual' });
  // First half of 2026: 12 loans (3 rotation), 1 renewal, 2 items added, 4 distinct users.
  for (let i = 1; i <= 12; i++) checkout(db, `2026-0${1 + (i % 6)}-10 09:00`, 100 + i, 1 + (i % 4), i <= 3 ? 'rotation' : 'own', boy);
  at(db, '2026-03-01 09:00', 'loan.renew', { loanId: 101, patronId: 1, itemId: 101, collectionKind: 'own', dueDate: '2026-04-01', ...boy });
  at(db, '2026-02-01 08:00', 'item.added', { itemId: 3, recordId: 1, collectionKind: 'own', source: 'manual' });
  at(db, '2026-02-01 08:00', 'item.added', { itemId: 4, recordId: 1, collectionKind: 'rotation', source: 'rotation' });
  signIn(db, '2026-01-05 08:00', 1, adultWoman);
  // Outside the period: must not count.
  checkout(db, '2026-07-01 09:00', 999, 9, 'own', boy);
  return db;
}

const config = statisticsSection.parse({ residents: 25 });
const input = (db: ReturnType<typeof freshStore>) => ({
  db,
  now: Date.parse('2026-11-20T10:00:00+07:00'),
  library: { name: 'Thư viện xã Minh Hòa', communeCode: '12345' },
  statistics: config,
  generatedBy: 'Lê Thị Thu',
});

describe('buildReport', () => {
  it('compares with the same period last year and the programme targets', () => {
    const report = buildReport(input(log()), parsePeriod('2026-H1')!);
    const row = (k: string) => report.rows.find((r) => r.indicator === k)!;
    expect(report.previousPeriod).toMatchObject({ label: '2025-H1', from: '2025-01-01', to: '2025-06-30' });
    expect(report.partial).toBe(false);
    expect(row('loans')).toMatchObject({ current: 12, previous: 10, growthPct: 20 });
    // Items served = 12 loans + 1 renewal vs 10: +30 % ≥ the 10 % target.
    expect(row('items_served')).toMatchObject({ current: 13, previous: 10, growthPct: 30, target: { minPct: 10, maxPct: 10 }, targetMet: true });
    // Rotation loans 3 vs 2: +50 %, target 8 %.
    expect(row('rotation_loans')).toMatchObject({ current: 3, previous: 2, growthPct: 50, targetMet: true });
    // Acquisitions: the own item of 2026 (the rotation book is not one) vs 2 in 2025: −50 % < 8 %.
    expect(row('items_added')).toMatchObject({ current: 1, previous: 2, growthPct: -50, targetMet: false });
    // Users: patrons 1..4 in 2026 (loans and the sign-in), 1..3 in 2025: +33.3 %.
    expect(row('users')).toMatchObject({ current: 4, previous: 3, growthPct: 33.3, targetMet: true });
    // Visits: two borrowers on each of six days (12) + the sign-in of 5 January; 2025: one
    // borrower per day on six days (the two loans of a day are the same patron).
    expect(row('visits')).toMatchObject({ current: 13, previous: 6, growthPct: 116.7, targetMet: null });
    // 4 residents served from 1 January to 30 June, of 25 = 16 %; the yearly target is judged on 31/12.
    expect(report.residents).toEqual({
      count: 25,
      served: 4,
      servedFrom: '2026-01-01',
      servedTo: '2026-06-30',
      yearToDate: true,
      usersPct: 16,
      targetMinPct: 14,
      targetMaxPct: 20,
      targetMet: null,
    });
    expect(report.series.unit).toBe('month');
    expect(report.series.points.map((p) => p.bucket)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    expect(report.series.points.reduce((n, p) => n + (p.values.loans ?? 0), 0)).toBe(12);
  });

  it('a running period stops at today, and compares with last year up to the same day', () => {
    const db = log();
    const report = buildReport({ ...input(db), now: Date.parse('2026-03-15T10:00:00+07:00') }, parsePeriod('2026-H1')!);
    expect(report.partial).toBe(true);
    // 2026 loans on Jan 10, Feb 10, Mar 10 up to 15 March: i%6 ∈ {0,1,2} → i = 6,12,1,7,2,8 = 6 loans.
    expect(report.rows.find((r) => r.indicator === 'loans')).toMatchObject({ current: 6, previous: 5 });
  });

  it('short periods chart by day', () => {
    const report = buildReport(input(log()), parsePeriod('2026-02')!);
    expect(report.series.unit).toBe('day');
    expect(report.series.points).toHaveLength(28);
    expect(report.series.points.find((p) => p.bucket === '2026-02-10')!.values.loans).toBe(2);
  });
});

describe('exports', () => {
  it('XLSX carries the commune, the period, the author and every indicator', async () => {
    const report = buildReport(input(log()), parsePeriod('2026-H1')!);
    const file = await toXlsx(report);
    const all = (await xlsxTexts(file)).join('|');
    expect(all).toContain('Thư viện xã Minh Hòa');
    expect(all).toContain('Mã xã: 12345');
    expect(all).toContain('6 tháng đầu năm 2026 (01/01/2026 – 30/06/2026)');
    expect(all).toContain('Người lập báo cáo: Lê Thị Thu');
    expect(all).toContain('Lượt tài liệu phục vụ|lượt|13|10|+30 %|+10 %|Đạt');
  });

  it('CSV is UTF-8 with a BOM and one line per indicator', () => {
    const report = buildReport(input(log()), parsePeriod('2026-H1')!);
    const csv = toCsv(report).toString('utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('2,Số người sử dụng thư viện,người,4,3,"+33,3 %",+7–9 %,Đạt');
    expect(csv).toContain('7,Lượt mượn,lượt,12,10,+20 %,,');
    expect(csv).toContain('Lập lúc: 20/11/2026 10:00');
    // The share of residents: year to date, so the yearly target is not judged yet.
    expect(csv).toContain(
      '"Tỷ lệ người dân sử dụng thư viện: 16 % — 4 người dân được phục vụ (01/01/2026 – 30/06/2026) trên 25 người dân (mục tiêu cả năm 14–20 %: chưa đánh giá, năm chưa kết thúc)."',
    );
  });

  it('breakdowns are cross tables: indicators down, groups across, in the report order', () => {
    const report = buildReport(input(log()), parsePeriod('2026-H1')!);
    const gender = breakdowns(report).find((b) => b.title === 'Theo giới tính')!;
    expect(gender.columns).toEqual(['Nữ', 'Nam']);
    expect(gender.rows).toContainEqual(['Lượt mượn', 0, 12]);
    expect(gender.rows).toContainEqual(['Lượt bạn đọc', 1, 12]);
    const collection = breakdowns(report).find((b) => b.title === 'Theo nguồn tài liệu')!;
    expect(collection.columns).toEqual(['Vốn tài liệu của xã', 'Sách luân chuyển']);
    expect(collection.rows).toContainEqual(['Lượt mượn', 9, 3]);
    // Acquisitions are the own collection only: no split by source to show.
    expect(collection.rows.map((r) => r[0])).not.toContain('Tài liệu bổ sung');
  });

  it('PDF is a PDF with the Vietnamese font embedded', async () => {
    const report = buildReport(input(log()), parsePeriod('2026-H1')!);
    const pdf = await toPdf(report);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('DejaVuSans');
  });
});
