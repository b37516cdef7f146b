// The definitions of every indicator the kiosk reports: Vietnamese name, the international
// definition it follows (ISO 2789:2022 "Information and documentation — International library
// statistics", adopted in Viet Nam as TCVN 12843), which events it counts, and its dimensions.
// This is the one place that says what a number means; reports, exports and uploads all read it.
import type { Dimension, IndicatorKey } from '../../contract/statistics';

export interface IndicatorDefinition {
  key: IndicatorKey;
  /** Name as it appears in the commune's report. */
  nameVi: string;
  nameEn: string;
  unit: 'người' | 'thẻ' | 'lượt' | 'bản' | 'đợt' | 'phút' | 'trang';
  /** The international definition followed, with its reference (or why there is none). */
  definition: string;
  /** How the kiosk counts it, in terms of events (or state for active cards). */
  counting: string;
  /** 'day': additive over days and terminals; 'period': only meaningful for the whole period. */
  scope: 'day' | 'period';
  dimensions: readonly Dimension[];
}

const RESIDENT_DIMS = ['category', 'gender', 'ageBand'] as const;
const LOAN_DIMS = ['category', 'gender', 'ageBand', 'collection'] as const;

export const INDICATORS: readonly IndicatorDefinition[] = [
  {
    key: 'active_cards',
    nameVi: 'Thẻ bạn đọc đang hiệu lực',
    nameEn: 'Active library cards',
    unit: 'thẻ',
    definition: 'ISO 2789:2022 3.3.14 "registered user": a person or organisation registered with a library in order to use its collection or services; counted as registrations valid at the end of the reporting period.',
    counting: 'State, not events: patrons whose status is active and whose card expiry is on or after the last day of the period (registered on or before it). Today\'s state is used for past periods, so a card blocked later is not counted.',
    scope: 'period',
    dimensions: RESIDENT_DIMS,
  },
  {
    key: 'users',
    nameVi: 'Số người sử dụng thư viện',
    nameEn: 'Library users (distinct)',
    unit: 'người',
    definition: 'ISO 2789:2022 3.3.2 "active user": a registered user who has visited or made use of library facilities or services during the reporting period.',
    counting: 'Distinct patronId over the whole period in patron.signed_in, loan.checkout, loan.renew, loan.return and internet.session_started. Not additive over days or terminals, so it is computed on the kiosk and not uploaded.',
    scope: 'period',
    dimensions: [],
  },
  {
    key: 'cards_new',
    nameVi: 'Thẻ bạn đọc mới cấp',
    nameEn: 'New library cards',
    unit: 'thẻ',
    definition: 'ISO 2789:2022 "new registrations": users registered for the first time during the reporting period.',
    counting: 'patron.registered events (self, staff or import).',
    scope: 'day',
    dimensions: RESIDENT_DIMS,
  },
  {
    key: 'visits',
    nameVi: 'Lượt bạn đọc',
    nameEn: 'Visits (residents per day)',
    unit: 'lượt',
    definition: 'ISO 2789:2022 3.3.20 "visit": a person entering the library premises; the kiosk counts identified persons once per day.',
    counting: 'Distinct patronId per local day among patron.signed_in events, for any service. Guests without a card are not counted.',
    scope: 'day',
    dimensions: RESIDENT_DIMS,
  },
  {
    key: 'items_served',
    nameVi: 'Lượt tài liệu phục vụ',
    nameEn: 'Items served (loans + renewals + e-resource uses)',
    unit: 'lượt',
    definition: 'Programme indicator built from ISO 2789:2022 3.2.13 "loan", 3.2.22 "renewal" and 3.2.11 "content unit downloaded/viewed" (use of electronic collection).',
    counting: 'loan.checkout + loan.renew + eresource.opened events.',
    scope: 'day',
    dimensions: LOAN_DIMS,
  },
  {
    key: 'loans',
    nameVi: 'Lượt mượn',
    nameEn: 'Loans',
    unit: 'lượt',
    definition: 'ISO 2789:2022 3.2.13 "loan": a document lent to a user for use outside the library (initial loans only).',
    counting: 'loan.checkout events.',
    scope: 'day',
    dimensions: LOAN_DIMS,
  },
  {
    key: 'renewals',
    nameVi: 'Lượt gia hạn',
    nameEn: 'Renewals',
    unit: 'lượt',
    definition: 'ISO 2789:2022 3.2.22 "renewal": an extension of the loan period.',
    counting: 'loan.renew events.',
    scope: 'day',
    dimensions: LOAN_DIMS,
  },
  {
    key: 'returns',
    nameVi: 'Lượt trả',
    nameEn: 'Returns',
    unit: 'lượt',
    definition: 'No ISO 2789 indicator; the circulation transaction closing a loan.',
    counting: 'loan.return events.',
    scope: 'day',
    dimensions: LOAN_DIMS,
  },
  {
    key: 'rotation_loans',
    nameVi: 'Lượt luân chuyển (mượn sách luân chuyển)',
    nameEn: 'Loans from rotation collections',
    unit: 'lượt',
    definition: 'ISO 2789:2022 "loan" restricted to documents of a rotating (deposit) collection lent by the provincial library.',
    counting: 'loan.checkout events with collectionKind = rotation.',
    scope: 'day',
    dimensions: RESIDENT_DIMS,
  },
  {
    key: 'rotation_batches_received',
    nameVi: 'Đợt sách luân chuyển nhận về',
    nameEn: 'Rotation batches received',
    unit: 'đợt',
    definition: 'No ISO 2789 indicator; the programme\'s book-rotation count (batches received from the provincial library).',
    counting: 'rotation.batch_received events.',
    scope: 'day',
    dimensions: [],
  },
  {
    key: 'rotation_items_received',
    nameVi: 'Bản sách luân chuyển nhận về',
    nameEn: 'Rotation items received',
    unit: 'bản',
    definition: 'No ISO 2789 indicator; physical units in the rotation batches received.',
    counting: 'Sum of items in rotation.batch_received events.',
    scope: 'day',
    dimensions: [],
  },
  {
    key: 'rotation_batches_returned',
    nameVi: 'Đợt sách luân chuyển trả lại',
    nameEn: 'Rotation batches returned',
    unit: 'đợt',
    definition: 'No ISO 2789 indicator; batches sent back to the provincial library.',
    counting: 'rotation.batch_returned events.',
    scope: 'day',
    dimensions: [],
  },
  {
    key: 'items_added',
    nameVi: 'Tài liệu bổ sung',
    nameEn: 'Acquisitions (items added)',
    unit: 'bản',
    definition: 'ISO 2789:2022 3.1.1 "acquisition": documents added to the collection during the reporting period, counted in physical units.',
    counting: 'item.added events except source = demo; dimension collection = own or rotation.',
    scope: 'day',
    dimensions: ['collection'],
  },
  {
    key: 'internet_sessions',
    nameVi: 'Lượt sử dụng Internet',
    nameEn: 'Internet sessions',
    unit: 'lượt',
    definition: 'ISO 2789:2022 3.2.28 "user session" on public access workstations provided by the library.',
    counting: 'internet.session_started events (residents and guests).',
    scope: 'day',
    dimensions: RESIDENT_DIMS,
  },
  {
    key: 'internet_minutes',
    nameVi: 'Số phút sử dụng Internet',
    nameEn: 'Internet minutes',
    unit: 'phút',
    definition: 'ISO 2789:2022 "session time": duration of user sessions on public workstations.',
    counting: 'Sum of minutesUsed of internet.session_ended events, counted on the day the session ended and rounded to whole minutes per day and dimension value.',
    scope: 'day',
    dimensions: RESIDENT_DIMS,
  },
  {
    key: 'eresource_opens',
    nameVi: 'Lượt sử dụng tài liệu điện tử',
    nameEn: 'E-resource uses',
    unit: 'lượt',
    definition: 'ISO 2789:2022 3.2.11 "content unit viewed": a full content unit of an electronic resource opened by a user.',
    counting: 'eresource.opened events.',
    scope: 'day',
    dimensions: [],
  },
  {
    key: 'eresource_minutes',
    nameVi: 'Số phút đọc tài liệu điện tử',
    nameEn: 'E-resource minutes',
    unit: 'phút',
    definition: 'No ISO 2789 indicator; reading time of electronic resources in the kiosk.',
    counting: 'Sum of minutes of eresource.closed events, rounded to whole minutes per day.',
    scope: 'day',
    dimensions: [],
  },
  {
    key: 'printed_pages',
    nameVi: 'Số trang in',
    nameEn: 'Printed pages',
    unit: 'trang',
    definition: 'No ISO 2789 indicator; pages printed for residents.',
    counting: 'Sum of pages of print.pages events (internet.session_ended.pagesPrinted is not added again).',
    scope: 'day',
    dimensions: [],
  },
];

export const INDICATOR_BY_KEY = new Map(INDICATORS.map((d) => [d.key, d]));

export function definitionOf(key: IndicatorKey): IndicatorDefinition {
  return INDICATOR_BY_KEY.get(key)!;
}
