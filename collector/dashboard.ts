// The dashboard page, rendered on the server as plain HTML (no script): communes and their
// indicators for a period, terminals with their last-seen time, links to the exports.
import { formatDateTime } from '../common/calendar';
import { DAY_INDICATORS, type Period } from '#contract/statistics';
import type { CommuneTotals, TerminalRow } from './store/types';
import { DASHBOARD_COLUMNS, INDICATOR_NAMES } from './texts';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const num = (n: number) => n.toLocaleString('vi-VN');

function when(iso: string | null, now: number): string {
  if (!iso) return 'chưa bao giờ';
  const t = formatDateTime(iso);
  const days = Math.floor((now - Date.parse(iso)) / 86_400_000);
  return days >= 2 ? `${t} (${days} ngày trước)` : t;
}

export function renderDashboard(input: { title: string; period: Period; communes: CommuneTotals[]; terminals: TerminalRow[]; now: number }): string {
  const { period, communes, terminals, now } = input;
  const q = encodeURIComponent(period.label);
  const total = Object.fromEntries(DAY_INDICATORS.map((k) => [k, communes.reduce((n, c) => n + c.totals[k], 0)]));
  const stale = (t: TerminalRow) => !t.revokedAt && (!t.lastSeenAt || now - Date.parse(t.lastSeenAt) > 7 * 86_400_000);
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>${esc(input.title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font-family:system-ui,"DejaVu Sans",sans-serif;margin:24px;color:#1b2430}
h1{font-size:22px;margin:0 0 8px} h2{font-size:18px;margin:28px 0 8px}
table{border-collapse:collapse;width:100%;font-size:14px} th,td{border:1px solid #c9d1db;padding:6px 8px;text-align:right}
th{background:#eef3f9} td.l,th.l{text-align:left} tr.sum td{font-weight:bold;background:#f7f9fc}
.warn{color:#a33a00} form{margin:12px 0} input{font-size:16px;padding:4px 8px} a.btn{margin-left:12px}
</style></head><body>
<h1>${esc(input.title)}</h1>
<form method="get" action="/"><label>Kỳ báo cáo <input name="period" value="${esc(period.label)}" aria-describedby="period-help"></label>
<button type="submit">Xem</button><a class="btn" href="/export.xlsx?period=${q}">Tải XLSX</a><a class="btn" href="/export.csv?period=${q}">Tải CSV</a></form>
<p id="period-help">Từ ${esc(period.from)} đến ${esc(period.to)}. Dạng kỳ: 2026, 2026-H1, 2026-Q3, 2026-05, 2026-01-01..2026-03-31.</p>
<h2>Chỉ tiêu theo xã</h2>
<table><thead><tr><th class="l">Mã xã</th><th class="l">Xã</th><th>Máy trạm</th>${DASHBOARD_COLUMNS.map((k) => `<th>${esc(INDICATOR_NAMES[k])}</th>`).join('')}</tr></thead><tbody>
${communes
  .map(
    (c) =>
      `<tr><td class="l">${esc(c.communeCode)}</td><td class="l">${esc(c.communeName)}</td><td>${c.terminals}</td>${DASHBOARD_COLUMNS.map((k) => `<td>${num(c.totals[k])}</td>`).join('')}</tr>`,
  )
  .join('\n')}
<tr class="sum"><td class="l" colspan="2">Toàn tỉnh (${communes.length} xã)</td><td>${communes.reduce((n, c) => n + c.terminals, 0)}</td>${DASHBOARD_COLUMNS.map((k) => `<td>${num(total[k] ?? 0)}</td>`).join('')}</tr>
</tbody></table>
<h2>Máy trạm</h2>
<table><thead><tr><th class="l">Xã</th><th class="l">Máy trạm</th><th class="l">Mã</th><th class="l">Trạng thái</th><th class="l">Gửi lần cuối</th><th>Số ngày đã nhận</th></tr></thead><tbody>
${terminals
  .map(
    (t) =>
      `<tr><td class="l">${esc(t.communeName)}</td><td class="l">${esc(t.name)}</td><td class="l">${esc(t.id)}</td><td class="l">${
        t.revokedAt ? 'Đã thu hồi' : t.enrolledAt ? 'Đang hoạt động' : 'Chờ đăng ký'
      }</td><td class="l${stale(t) ? ' warn' : ''}">${esc(when(t.lastSeenAt, now))}</td><td>${num(t.days)}</td></tr>`,
  )
  .join('\n')}
</tbody></table>
</body></html>`;
}
