// The collector's Vietnamese wording (the provincial librarian's dashboard and exports).
import type { DayIndicator } from '#contract/statistics';

export const INDICATOR_NAMES: Record<DayIndicator, string> = {
  cards_new: 'Thẻ mới cấp',
  visits: 'Lượt bạn đọc',
  residents_first_served: 'Người dân phục vụ lần đầu trong năm',
  items_served: 'Lượt tài liệu phục vụ',
  loans: 'Lượt mượn',
  renewals: 'Lượt gia hạn',
  returns: 'Lượt trả',
  rotation_loans: 'Lượt mượn sách luân chuyển',
  rotation_batches_received: 'Đợt luân chuyển nhận',
  rotation_items_received: 'Bản sách luân chuyển nhận',
  rotation_batches_returned: 'Đợt luân chuyển trả',
  items_added: 'Tài liệu bổ sung (vốn của xã)',
  internet_sessions: 'Lượt dùng Internet',
  internet_minutes: 'Phút dùng Internet',
  eresource_opens: 'Lượt dùng tài liệu điện tử',
  eresource_minutes: 'Phút đọc tài liệu điện tử',
  printed_pages: 'Trang in',
};

/** The columns the dashboard shows (all are in the exports). */
export const DASHBOARD_COLUMNS: DayIndicator[] = [
  'visits',
  'items_served',
  'loans',
  'returns',
  'rotation_loans',
  'items_added',
  'cards_new',
  'internet_sessions',
  'eresource_opens',
];
