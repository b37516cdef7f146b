// The page a resident sees where a blocked page would have opened (a tab, or the frame inside a
// page): the policy's Vietnamese sentence and the way back. Static HTML with a CSP that runs no
// script, served in place of the blocked response.
import type { UrlDecision } from '../url-policy';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export type BlockedKind = 'address' | 'dialog-loop' | 'hostile-page';

const TITLES: Record<BlockedKind, string> = {
  address: 'Trang này không mở được trên máy công cộng',
  'dialog-loop': 'Trang này đã bị dừng vì hiện hộp thoại liên tục',
  'hostile-page': 'Trang này đã bị dừng vì cố truy cập mạng nội bộ',
};

export function blockedPageHtml(kind: BlockedKind, decision: Pick<UrlDecision, 'reason' | 'rule'> | null, address: string): string {
  const reason = decision?.reason ?? 'Trang này cố làm điều máy công cộng không cho phép. Hãy dùng nút "Quay lại" hoặc "Về trang chủ" ở thanh trên cùng.';
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width"><title>${escape(TITLES[kind])}</title>
<style>body{font:20px/1.5 "DejaVu Sans",sans-serif;background:#f6f3ea;color:#1d1d1b;margin:0;padding:48px}
main{max-width:760px;margin:auto;background:#fff;border:3px solid #a33;border-radius:12px;padding:32px}
h1{font-size:28px;margin-top:0;color:#8a1f1f}@media (max-width:700px){body{padding:8px;font-size:15px}main{padding:12px}h1{font-size:18px}}.addr{font-family:monospace;font-size:16px;color:#555;word-break:break-all}</style></head>
<body><main role="alert" data-kiosk-blocked="${escape(decision?.rule ?? kind)}"><h1>${escape(TITLES[kind])}</h1>
<p>${escape(reason)}</p><p class="addr">${escape(address.slice(0, 300))}</p>
<p>Dùng nút <strong>Quay lại</strong> hoặc <strong>Về trang chủ</strong> ở thanh trên cùng. Nếu bạn cần trang này, hãy hỏi cán bộ thư viện.</p></main></body></html>`;
}
