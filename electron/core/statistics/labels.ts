// Vietnamese wording of a report for the exported documents (XLSX, PDF, CSV): period names,
// dimension names and values, dates as the official report writes them (dd/mm/yyyy).
import { formatDay } from '../../../common/calendar';
import type { Dimension, Period } from '#contract/statistics';

export const DIMENSION_VI: Record<Dimension, string> = {
  category: 'Theo đối tượng bạn đọc',
  gender: 'Theo giới tính',
  ageBand: 'Theo độ tuổi',
  collection: 'Theo nguồn tài liệu',
};

const VALUE_VI: Record<string, string> = {
  male: 'Nam',
  female: 'Nữ',
  other: 'Khác',
  unknown: 'Chưa rõ',
  own: 'Vốn tài liệu của xã',
  rotation: 'Sách luân chuyển',
  child: 'Trẻ em',
  student: 'Học sinh - sinh viên',
  adult: 'Người lớn',
  senior: 'Người cao tuổi',
  guest: 'Khách (không thẻ)',
  '0-5': '0–5 tuổi',
  '6-14': '6–14 tuổi',
  '15-17': '15–17 tuổi',
  '18-35': '18–35 tuổi',
  '36-59': '36–59 tuổi',
  '60+': 'Từ 60 tuổi',
};

/** A dimension value in Vietnamese; configured category names win over the built-in ones. */
export function dimensionValueVi(value: string, categoryNames: Record<string, string> = {}): string {
  return categoryNames[value] ?? VALUE_VI[value] ?? value;
}

export const dateVi = formatDay;

export function periodVi(period: Period): string {
  const range = `${dateVi(period.from)} – ${dateVi(period.to)}`;
  const year = period.label.slice(0, 4);
  switch (period.kind) {
    case 'year':
      return `Năm ${year} (${range})`;
    case 'half':
      return `${period.label.endsWith('H1') ? '6 tháng đầu năm' : '6 tháng cuối năm'} ${year} (${range})`;
    case 'quarter':
      return `Quý ${period.label.slice(-1)} năm ${year} (${range})`;
    case 'month':
      return `Tháng ${Number(period.label.slice(5, 7))} năm ${year} (${range})`;
    case 'day':
      return `Ngày ${dateVi(period.from)}`;
    default:
      return `Từ ${range.replace(' – ', ' đến ')}`;
  }
}

export function pctVi(n: number | null, digits = 1): string {
  if (n === null) return '—';
  return `${n > 0 ? '+' : ''}${n.toLocaleString('vi-VN', { maximumFractionDigits: digits })} %`;
}
