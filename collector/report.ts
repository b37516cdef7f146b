// The official six-month / annual report a Sở sends to the Ministry, as data: the programme's
// indicators against last year and the targets, tables per (former) district and per commune, and
// a summary in Vietnamese that states numbers and whether each target is met, with no adjectives.
import type { Period } from '#contract/statistics';
import type { Assessment, CommuneAssessment, GrowthKey } from './assessment';
import type { CellValue } from './cells';
import { targetText, type Target } from './targets';
import { numberFormat } from './number-format';

const SUBJECT: Record<GrowthKey, string> = {
  visits: 'Số lượt người sử dụng thư viện',
  items_served: 'Số lượt tài liệu phục vụ',
  rotation_loans: 'Số lượt mượn sách luân chuyển',
  items_added: 'Số tài liệu bổ sung',
};
const UNIT: Record<GrowthKey, string> = { visits: 'lượt', items_served: 'lượt', rotation_loans: 'lượt', items_added: 'bản' };

export const viNumber = (n: number, fractionDigits = 1) => numberFormat('vi-VN', fractionDigits, Number.isInteger(n) ? 0 : 1).format(n);

function growthSentence(subject: string, growthPct: number | null, target: Target): string {
  if (growthPct === null) return `${subject}: chưa có số liệu cùng kỳ năm trước để so sánh với chỉ tiêu ${targetText(target)}.`;
  const verdict = `${growthPct >= target.minPct ? 'đạt' : 'chưa đạt'} chỉ tiêu ${targetText(target)}`;
  if (growthPct === 0) return `${subject} bằng cùng kỳ, ${verdict}.`;
  return `${subject} ${growthPct > 0 ? 'tăng' : 'giảm'} ${viNumber(Math.abs(growthPct))} % so với cùng kỳ, ${verdict}.`;
}

const dayMonth = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}`;

/** The shares are yearly targets: a period ending before 31 December states the year so far, unjudged. */
function shareSentence(subject: string, pct: number | null, target: Target, a: Assessment): string {
  if (pct === null) return `${subject}: chưa tính được vì chưa có dân số trong danh mục xã (chỉ tiêu ${targetText(target)}).`;
  if (a.shareYearToDate)
    return `${subject} từ ${dayMonth(a.servedFrom)} đến ${dayMonth(a.period.to)}: ${viNumber(pct, 2)} %; chỉ tiêu cả năm ${targetText(target)}, đánh giá khi hết năm.`;
  return `${subject} ${viNumber(pct, 2)} %, ${pct >= target.minPct ? 'đạt' : 'chưa đạt'} chỉ tiêu ${targetText(target)}.`;
}

export function summaryLines(a: Assessment): string[] {
  const withData = a.communes.filter((c) => c.days > 0);
  const behind = withData.filter((c) => c.behind > 0).length;
  return [
    ...a.province.indicators.map((i) => growthSentence(SUBJECT[i.key], i.growthPct, i.target)),
    shareSentence('Tỷ lệ dân sử dụng thư viện', a.province.sharePct, a.targets.residents_share, a),
    shareSentence('Tỷ lệ dân nông thôn được phục vụ', a.ruralReachPct, a.targets.rural_reach, a),
    shareSentence('Tỷ lệ dân vùng khó khăn được phục vụ', a.disadvantagedReachPct, a.targets.disadvantaged_reach, a),
    `Số xã có số liệu: ${withData.length}/${a.communes.length}; số xã chưa đạt ít nhất một chỉ tiêu: ${behind}.`,
  ];
}

export interface ReportTable {
  title: string;
  head: string[];
  rows: CellValue[][];
  /** Column widths in characters (XLSX) and relative widths (PDF). */
  widths: number[];
}

export interface OfficialReport {
  title: string;
  period: Period;
  previousPeriod: Period;
  generatedAt: string;
  summary: string[];
  tables: ReportTable[];
}

const pctCell = (n: number | null): CellValue => (n === null ? '—' : n);
const metCell = (m: boolean | null): CellValue => (m === null ? '—' : m ? 'Đạt' : 'Chưa đạt');

function communeFigures(c: Pick<CommuneAssessment, 'indicators'>): CellValue[] {
  return c.indicators.flatMap((i) => [i.current, pctCell(i.growthPct)]);
}
const FIGURE_HEAD = ['Lượt sử dụng', '± %', 'Tài liệu phục vụ', '± %', 'Luân chuyển', '± %', 'Bổ sung', '± %'];

export function reportTitle(period: Period): string {
  if (period.kind === 'half') return `Báo cáo 6 tháng ${period.label.endsWith('H1') ? 'đầu' : 'cuối'} năm ${period.label.slice(0, 4)}`;
  if (period.kind === 'year') return `Báo cáo năm ${period.label}`;
  return `Báo cáo kỳ ${period.label}`;
}

export function officialReport(a: Assessment, generatedAt: string): OfficialReport {
  // The shares are yearly targets: before 31 December they are the year so far and not judged yet.
  const ytd = a.shareYearToDate ? ` (${dayMonth(a.servedFrom)}–${dayMonth(a.period.to)})` : '';
  const shareVerdict = (met: boolean | null): CellValue => (a.shareYearToDate ? 'Đánh giá khi hết năm' : metCell(met));
  const indicators: ReportTable = {
    title: 'I. Các chỉ tiêu của chương trình',
    head: ['STT', 'Chỉ tiêu', 'Đơn vị', 'Kỳ này', 'Cùng kỳ năm trước', 'Tăng/giảm (%)', 'Chỉ tiêu năm', 'Đánh giá'],
    widths: [5, 38, 8, 14, 16, 13, 13, 11],
    rows: [
      ...a.province.indicators.map((i, n): CellValue[] => [
        n + 1,
        SUBJECT[i.key],
        UNIT[i.key],
        i.current,
        i.previous,
        pctCell(i.growthPct),
        `+${targetText(i.target)}`,
        metCell(i.met),
      ]),
      [
        5,
        `Tỷ lệ dân sử dụng thư viện${ytd}`,
        '%',
        pctCell(a.province.sharePct),
        '',
        '',
        targetText(a.targets.residents_share),
        shareVerdict(a.province.shareMet),
      ],
      [6, `Tỷ lệ dân nông thôn được phục vụ${ytd}`, '%', pctCell(a.ruralReachPct), '', '', targetText(a.targets.rural_reach), shareVerdict(a.ruralReachMet)],
      [
        7,
        `Tỷ lệ dân vùng khó khăn được phục vụ${ytd}`,
        '%',
        pctCell(a.disadvantagedReachPct),
        '',
        '',
        targetText(a.targets.disadvantaged_reach),
        shareVerdict(a.disadvantagedReachMet),
      ],
    ],
  };
  // Districts were abolished in the 2025 reorganisation; the register may still carry the former one.
  const groups = new Map<string, CommuneAssessment[]>();
  for (const c of a.communes) groups.set(c.commune.district ?? '(không ghi huyện)', [...(groups.get(c.commune.district ?? '(không ghi huyện)') ?? []), c]);
  const districtRows = [...groups.entries()]
    .sort(([x], [y]) => x.localeCompare(y, 'vi'))
    .map(([district, list]): CellValue[] => {
      const totals = a.province.indicators.map((_, k) => ({
        cur: list.reduce((n, c) => n + c.indicators[k]!.current, 0),
        prev: list.reduce((n, c) => n + c.indicators[k]!.previous, 0),
      }));
      return [
        district,
        list.length,
        list.reduce((n, c) => n + c.terminals, 0),
        ...totals.flatMap((t) => [t.cur, t.prev > 0 ? Math.round(((t.cur - t.prev) / t.prev) * 1000) / 10 : '—']),
      ];
    });
  const byDistrict: ReportTable = {
    title: 'II. Số liệu theo huyện (cũ)',
    head: ['Huyện (cũ)', 'Số xã', 'Máy trạm', ...FIGURE_HEAD],
    widths: [24, 7, 9, 12, 7, 13, 7, 11, 7, 10, 7],
    rows: districtRows,
  };
  const communes = [...a.communes].sort(
    (x, y) => (x.commune.district ?? '').localeCompare(y.commune.district ?? '', 'vi') || x.commune.code.localeCompare(y.commune.code),
  );
  const byCommune: ReportTable = {
    title: 'III. Số liệu theo xã, phường',
    head: ['Mã xã', 'Xã, phường', 'Huyện (cũ)', ...FIGURE_HEAD, 'Tỷ lệ dân sử dụng (%)', 'Chỉ tiêu chưa đạt'],
    widths: [7, 22, 14, 11, 7, 12, 7, 10, 7, 9, 7, 11, 9],
    rows: communes.map((c): CellValue[] => [
      c.commune.code,
      c.commune.name,
      c.commune.district ?? '',
      ...communeFigures(c),
      pctCell(c.sharePct),
      c.days === 0 ? 'Chưa có số liệu' : c.behind,
    ]),
  };
  return {
    title: reportTitle(a.period),
    period: a.period,
    previousPeriod: a.previousPeriod,
    generatedAt,
    summary: summaryLines(a),
    tables: [indicators, byDistrict, byCommune],
  };
}
