// The URL policy shared by the browsing surface and the e-resources: one pure decision per URL
// (allow or block), naming the rule that decided so a technician can see why.
import { domainToASCII } from 'node:url';
import { isLocalHost, normaliseHost } from './host';

export { isLocalHost } from './host';

export type UrlPolicyMode = 'allow-list' | 'block-list';

export interface UrlPolicy {
  /** allow-list: only listed hosts open; block-list: everything opens except listed hosts. */
  mode: UrlPolicyMode;
  /** Host patterns: `example.gov.vn` matches the host and every subdomain; `=example.gov.vn` the host only. */
  allow: readonly string[];
  block: readonly string[];
  /** Origins of the kiosk's own pages (app://kiosk, the browser-mode host): never opened as web pages. */
  kioskOrigins?: readonly string[];
  /**
   * Local-network destinations a technician allows on purpose, as exact `host:port` (e.g. the
   * room's own library server `192.168.1.20:8080`). Nothing wider: one port of one host.
   */
  localExceptions?: readonly string[];
  /** The session's category lists (web-protection.ts): the list and entry that block a host, if any. */
  categoryBlock?: (host: string) => { list: string; entry: string } | undefined;
}

export type UrlRule =
  | 'invalid-url'
  | 'blocked-scheme'
  | 'unsupported-scheme'
  | 'credentials-in-url'
  | 'kiosk-page'
  | 'local-address'
  | 'block-list'
  | 'category-list'
  | 'allow-list'
  | 'not-in-allow-list'
  | 'default-allow';

export interface UrlDecision {
  decision: 'allow' | 'block';
  rule: UrlRule;
  /** The list entry that matched, when a list decided. */
  pattern?: string;
  /** A full Vietnamese sentence for the explanation page. */
  reason: string;
  /** The URL as the browser would load it (normalised), when it parsed. */
  url?: string;
}

/** Schemes that may never be opened from the address bar or a link at top level. */
export const ALWAYS_BLOCKED_SCHEMES = [
  'file:',
  'chrome:',
  'devtools:',
  'javascript:',
  'data:',
  'about:',
  'view-source:',
  'chrome-extension:',
  'blob:',
  'filesystem:',
  'app:',
  'ws:',
  'wss:',
] as const;

// Browsers strip leading/trailing C0 controls and spaces and drop tabs/newlines anywhere (WHATWG URL).
// We do the same first so `  JaVa\tScript:` is seen for what the browser would run.
function cleanInput(raw: string): string {
  // eslint-disable-next-line no-control-regex
  return raw.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
}

/** Normalises one host pattern of a list: lower case, IDN to punycode, no trailing dot; '' when invalid. */
export function normalizePattern(pattern: string): { host: string; exact: boolean } | undefined {
  let text = pattern.trim().toLowerCase();
  if (!text || text.startsWith('#')) return undefined;
  const exact = text.startsWith('=');
  if (exact) text = text.slice(1);
  if (text.startsWith('*.')) text = text.slice(2);
  text = text
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/[/?#].*$/, '')
    .replace(/\.+$/, '');
  if (text.startsWith('[')) return { host: text, exact };
  const ascii = domainToASCII(text);
  return ascii ? { host: ascii, exact } : undefined;
}

function hostMatches(host: string, pattern: string): string | undefined {
  const normalized = normalizePattern(pattern);
  if (!normalized) return undefined;
  if (host === normalized.host) return pattern;
  if (!normalized.exact && host.endsWith(`.${normalized.host}`)) return pattern;
  return undefined;
}

function firstMatch(host: string, patterns: readonly string[]): string | undefined {
  for (const pattern of patterns) {
    const match = hostMatches(host, pattern);
    if (match) return match;
  }
  return undefined;
}

const CATEGORY_REASONS: Record<string, string> = {
  adult: 'Trang này có nội dung người lớn',
  gambling: 'Trang này là trang cờ bạc, cá cược',
  dating: 'Trang này là trang hẹn hò dành cho người lớn',
};

const block = (rule: UrlRule, reason: string, extra: Partial<UrlDecision> = {}): UrlDecision => ({ decision: 'block', rule, reason, ...extra });

const INVALID_URL = 'Địa chỉ này không hợp lệ. Hãy kiểm tra lại địa chỉ, ví dụ: https://dichvucong.gov.vn';

/** Decides whether a top-level navigation to `rawUrl` may happen under `policy`. Pure; never throws. */
export function decideUrl(policy: UrlPolicy, rawUrl: string): UrlDecision {
  const input = cleanInput(rawUrl);
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return block('invalid-url', INVALID_URL);
  }
  const scheme = url.protocol;
  if ((ALWAYS_BLOCKED_SCHEMES as readonly string[]).includes(scheme)) {
    return block('blocked-scheme', `Máy tính công cộng không mở được loại địa chỉ "${scheme}". Hãy mở trang web bắt đầu bằng http:// hoặc https://.`, {
      pattern: scheme,
    });
  }
  if (scheme !== 'http:' && scheme !== 'https:') {
    return block(
      'unsupported-scheme',
      `Máy tính công cộng chỉ mở trang web (http:// hoặc https://), không mở được "${scheme}". Hãy nhờ cán bộ thư viện nếu bạn cần.`,
      { pattern: scheme },
    );
  }
  const normalized = url.href;
  if (url.username || url.password) {
    // `http://trusted.gov.vn@evil.example/` shows a trusted name but opens another site.
    return block(
      'credentials-in-url',
      'Địa chỉ này chứa tên đăng nhập hoặc mật khẩu nên có thể là trang giả mạo. Hãy gõ trực tiếp địa chỉ của trang bạn cần.',
      { url: normalized },
    );
  }
  const host = normaliseHost(url.hostname);
  // A name with an empty label ('.casino.example', 'casino..example') is no site's name; judged as
  // written it would slip past the block list's 'casino.example'.
  if (!host) return block('invalid-url', INVALID_URL, { url: normalized });
  if ((policy.kioskOrigins ?? []).some((origin) => sameOrigin(origin, url))) {
    return block('kiosk-page', 'Đây là trang của chính kiosk, không mở được trong trình duyệt. Hãy dùng nút "Về trang chủ" của kiosk.', { url: normalized });
  }
  if (isLocalHost(host) && !isLocalException(policy, host, url)) {
    return block('local-address', 'Máy tính công cộng không mở được địa chỉ trong mạng nội bộ của phòng đọc. Hãy mở một trang web trên Internet.', {
      url: normalized,
    });
  }
  const blocked = firstMatch(host, policy.block);
  if (blocked) {
    return block(
      'block-list',
      'Trang này bị chặn ở phòng đọc theo quy định sử dụng Internet công cộng. Nếu bạn cần trang này cho học tập hay công việc, hãy hỏi cán bộ thư viện.',
      { pattern: blocked, url: normalized },
    );
  }
  const category = policy.categoryBlock?.(host);
  if (category) {
    return block(
      'category-list',
      `${CATEGORY_REASONS[category.list] ?? 'Trang này nằm trong danh sách bị chặn'} nên không mở được trên máy công cộng của phòng đọc. Nếu bạn nghĩ đây là nhầm lẫn, hãy báo cán bộ thư viện.`,
      { pattern: `${category.list}: ${category.entry}`, url: normalized },
    );
  }
  if (policy.mode === 'allow-list') {
    const allowed = firstMatch(host, policy.allow);
    if (!allowed) {
      return block(
        'not-in-allow-list',
        'Máy này chỉ mở các trang trong danh sách được phép của phòng đọc. Hãy chọn một trang ở trang chủ trình duyệt hoặc hỏi cán bộ thư viện.',
        { url: normalized },
      );
    }
    return { decision: 'allow', rule: 'allow-list', pattern: allowed, reason: 'Trang này nằm trong danh sách được phép.', url: normalized };
  }
  return { decision: 'allow', rule: 'default-allow', reason: 'Trang này không nằm trong danh sách bị chặn.', url: normalized };
}

function isLocalException(policy: UrlPolicy, host: string, url: URL): boolean {
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return (policy.localExceptions ?? []).some((entry) => entry.toLowerCase() === `${host}:${port}`);
}

function sameOrigin(origin: string, url: URL): boolean {
  try {
    const o = new URL(origin);
    return o.protocol === url.protocol && o.hostname === url.hostname && o.port === url.port;
  } catch {
    return false;
  }
}

/** What the address bar loads for what a resident typed: adds https:// to a bare host like `vnexpress.net`. */
export function addressToUrl(typed: string): string {
  const text = cleanInput(typed);
  if (/^[a-z][a-z0-9+.-]*:/i.test(text) && !/^[^:/?#]+:\d+([/?#]|$)/.test(text)) return text;
  return `https://${text}`;
}

/** Parses a block-list file: one host pattern per line, `#` comments, blank lines ignored. */
export function parseHostList(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const entry = line.replace(/#.*$/, '').trim();
    if (entry && normalizePattern(entry)) out.push(entry);
  }
  return out;
}
