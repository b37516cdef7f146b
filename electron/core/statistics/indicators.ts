// The definitions of every indicator the kiosk reports: Vietnamese name, the definition it follows
// (TCVN 12843:2019 "Thông tin và tư liệu – Thống kê thư viện", identical to ISO 2789:2013; terms
// named as there, clause numbers left out because the kiosk team could not check them against the
// text), which events it counts, and its dimensions. This is the one place that says what a number
// means; reports, exports, uploads and docs/indicators.md (the audit, with every choice) follow it.
import type { Dimension, IndicatorKey } from '#contract/statistics';

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
    definition:
      'TCVN 12843 / ISO 2789 "registered user": a person registered with the library in order to use its collection or services; counted as registrations valid at the end of the reporting period.',
    counting:
      "State, not events: patrons whose status is active and whose card expiry is on or after the last day of the period (registered on or before it). Today's state is used for past periods, so a card blocked later is not counted.",
    scope: 'period',
    dimensions: RESIDENT_DIMS,
  },
  {
    key: 'users',
    nameVi: 'Số người sử dụng thư viện',
    nameEn: 'Library users (distinct)',
    unit: 'người',
    definition:
      'TCVN 12843 / ISO 2789 "active user": a registered user who has visited or made use of library facilities or services during the reporting period.',
    counting:
      'Distinct patronId over the whole period in the use events: patron.signed_in, loan.checkout, loan.renew, internet.session_started and eresource.opened with a card. A return alone does not count (it identifies the book, not who brought it). Not additive over days or terminals, so it is computed on the kiosk; the province adds residents_first_served instead.',
    scope: 'period',
    dimensions: [],
  },
  {
    key: 'cards_new',
    nameVi: 'Thẻ bạn đọc mới cấp',
    nameEn: 'New library cards',
    unit: 'thẻ',
    definition: 'TCVN 12843 / ISO 2789 registered users, new in the period: users registered for the first time during the reporting period.',
    counting: 'patron.registered events (self, staff or import).',
    scope: 'day',
    dimensions: RESIDENT_DIMS,
  },
  {
    key: 'visits',
    nameVi: 'Lượt bạn đọc',
    nameEn: 'Visits (residents per day)',
    unit: 'lượt',
    definition:
      'TCVN 12843 / ISO 2789 "visit": a person entering the library premises; the kiosk has no door counter, so it counts identified residents once per local day.',
    counting:
      'Distinct patronId per local day among the presence events: patron.signed_in, loan.checkout, internet.session_started and eresource.opened with a card. A resident who comes twice in one day is one visit. Returns and renewals are not presence; guests without a card are not counted.',
    scope: 'day',
    dimensions: RESIDENT_DIMS,
  },
  {
    key: 'residents_first_served',
    nameVi: 'Người dân được phục vụ lần đầu trong năm',
    nameEn: 'Residents served for the first time this year',
    unit: 'người',
    definition:
      'Programme indicator: the distinct residents behind "14–20 % of residents use the library", kept additive. Each identified resident counts once per calendar year, on the day of their first use (the use events of users).',
    counting:
      'Residents with a use event on the day and none earlier in the same calendar year (Asia/Ho_Chi_Minh days). Summed from 1 January to any day it gives the distinct residents served so far that year, for a commune and for a province, without counting anyone twice; summed over a stretch not starting on 1 January it is not a distinct count.',
    scope: 'day',
    dimensions: RESIDENT_DIMS,
  },
  {
    key: 'items_served',
    nameVi: 'Lượt tài liệu phục vụ',
    nameEn: 'Items served (loans + renewals + e-resource uses)',
    unit: 'lượt',
    definition:
      'Programme indicator (lượt tài liệu phục vụ) built from TCVN 12843 / ISO 2789 "loan", "renewal" and "content unit viewed" (use of the electronic collection). Rotation books lent are served like any other.',
    counting:
      'loan.checkout + loan.renew + eresource.opened events. A renewal is served: the resident keeps using the document for another loan period (ISO 2789 counts renewals as loan transactions, reported apart).',
    scope: 'day',
    dimensions: LOAN_DIMS,
  },
  {
    key: 'loans',
    nameVi: 'Lượt mượn',
    nameEn: 'Loans',
    unit: 'lượt',
    definition:
      'TCVN 12843 / ISO 2789 "loan": a document lent to a user for use outside the library (initial loans only; renewals apart). Own and rotation books alike.',
    counting: 'loan.checkout events.',
    scope: 'day',
    dimensions: LOAN_DIMS,
  },
  {
    key: 'renewals',
    nameVi: 'Lượt gia hạn',
    nameEn: 'Renewals',
    unit: 'lượt',
    definition: 'TCVN 12843 / ISO 2789 "renewal": an extension of the loan period.',
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
    counting:
      'loan.return events, on the day of the return, whenever the loan was made (a book lent last year and returned this month is a return of this month, and not a loan of it).',
    scope: 'day',
    dimensions: LOAN_DIMS,
  },
  {
    key: 'rotation_loans',
    nameVi: 'Lượt luân chuyển (mượn sách luân chuyển)',
    nameEn: 'Loans from rotation collections',
    unit: 'lượt',
    definition:
      'TCVN 12843 / ISO 2789 "loan" restricted to documents of a rotating (deposit) collection lent to the commune by the provincial library (the programme\'s book rotation target).',
    counting: 'loan.checkout events with collectionKind = rotation.',
    scope: 'day',
    dimensions: RESIDENT_DIMS,
  },
  {
    key: 'rotation_batches_received',
    nameVi: 'Đợt sách luân chuyển nhận về',
    nameEn: 'Rotation batches received',
    unit: 'đợt',
    definition: "No ISO 2789 indicator; the programme's book-rotation count (batches received from the provincial library).",
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
    definition:
      'TCVN 12843 / ISO 2789 "acquisition" (additions): documents added to the library\'s own collection during the reporting period, in physical units, however acquired: purchase, donation, exchange or deposit.',
    counting:
      "item.added events of the commune's own collection, except demo data. Rotation books are not acquisitions (they stay the provincial library's and would be counted again in every commune they visit): they are rotation_items_received. A donation is an acquisition. A transfer between the commune's own collections adds nothing (no item.added is written).",
    scope: 'day',
    dimensions: [],
  },
  {
    key: 'internet_sessions',
    nameVi: 'Lượt sử dụng Internet',
    nameEn: 'Internet sessions',
    unit: 'lượt',
    definition: 'TCVN 12843 / ISO 2789 "session" on public access workstations provided by the library.',
    counting: 'internet.session_started events (residents and guests), on the day the session started.',
    scope: 'day',
    dimensions: RESIDENT_DIMS,
  },
  {
    key: 'internet_minutes',
    nameVi: 'Số phút sử dụng Internet',
    nameEn: 'Internet minutes',
    unit: 'phút',
    definition: 'TCVN 12843 / ISO 2789 "session time": duration of user sessions on public workstations.',
    counting:
      'Sum of minutesUsed of internet.session_ended events, counted whole on the day the session ended (a session from 23:50 to 00:20 gives 30 minutes to the second day), rounded to whole minutes per day and dimension value.',
    scope: 'day',
    dimensions: RESIDENT_DIMS,
  },
  {
    key: 'eresource_opens',
    nameVi: 'Lượt sử dụng tài liệu điện tử',
    nameEn: 'E-resource uses',
    unit: 'lượt',
    definition: 'TCVN 12843 / ISO 2789 "content unit viewed": a full content unit of an electronic resource opened by a user.',
    counting: 'eresource.opened events, anonymous or with a card alike (a card adds the resident to visits and users, not a second open).',
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
