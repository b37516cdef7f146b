// The URL policy table: what a resident may open, in both modes, including the tricky spellings
// attackers and curious teenagers use.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addressToUrl, decideUrl, parseHostList, type UrlPolicy } from '../../../electron/core/internet/url-policy';

const blockList: UrlPolicy = {
  mode: 'block-list',
  allow: [],
  block: ['casino.example', '=exact.example', 'bài.example', '*.wild.example'],
  kioskOrigins: ['app://kiosk', 'http://127.0.0.1:4173'],
};
const allowList: UrlPolicy = {
  mode: 'allow-list',
  allow: ['allowed.example', 'dichvucong.gov.vn', 'thư-viện.vn', '203.0.113.7'],
  block: ['bad.allowed.example'],
  kioskOrigins: ['app://kiosk'],
};

type Row = [policy: UrlPolicy, url: string, decision: 'allow' | 'block', rule: string];
const B = blockList;
const A = allowList;

const table: Row[] = [
  // Schemes that are always blocked, whatever the spelling.
  [B, 'file:///etc/passwd', 'block', 'blocked-scheme'],
  [B, 'FILE:///C:/Windows/System32', 'block', 'blocked-scheme'],
  [B, 'chrome://settings', 'block', 'blocked-scheme'],
  [B, 'CHROME://downloads', 'block', 'blocked-scheme'],
  [B, 'devtools://devtools/bundled/inspector.html', 'block', 'blocked-scheme'],
  [B, 'javascript:alert(1)', 'block', 'blocked-scheme'],
  [B, '  JavaScript:alert(1)', 'block', 'blocked-scheme'],
  [B, 'java\tscript:alert(1)', 'block', 'blocked-scheme'],
  [B, '\u0000javascript:alert(1)', 'block', 'blocked-scheme'],
  [B, 'jav\nascript:alert(document.cookie)', 'block', 'blocked-scheme'],
  [B, 'data:text/html,<script>alert(1)</script>', 'block', 'blocked-scheme'],
  [B, 'DATA:text/html;base64,PHNjcmlwdD4=', 'block', 'blocked-scheme'],
  [B, 'view-source:https://example.com', 'block', 'blocked-scheme'],
  [B, 'about:config', 'block', 'blocked-scheme'],
  [A, 'javascript:alert(1)', 'block', 'blocked-scheme'],
  // Other schemes are not web pages.
  [B, 'ftp://ftp.example.com/file', 'block', 'unsupported-scheme'],
  [B, 'mailto:someone@example.com', 'block', 'unsupported-scheme'],
  [B, 'ms-settings:display', 'block', 'unsupported-scheme'],
  // Garbage.
  [B, '', 'block', 'invalid-url'],
  [B, 'http://', 'block', 'invalid-url'],
  [B, 'http://exa mple.com', 'block', 'invalid-url'],
  // The kiosk's own pages and the local network.
  [B, 'app://kiosk/index.html', 'block', 'blocked-scheme'],
  [B, 'http://127.0.0.1:4173/#/staff', 'block', 'kiosk-page'],
  [B, 'http://localhost:4173/', 'block', 'local-address'],
  [B, 'http://127.1/', 'block', 'local-address'],
  [B, 'http://0x7f000001/', 'block', 'local-address'],
  [B, 'http://2130706433/', 'block', 'local-address'],
  [B, 'http://[::1]:8080/', 'block', 'local-address'],
  [B, 'http://[::ffff:127.0.0.1]/', 'block', 'local-address'],
  [B, 'http://192.168.1.1/admin', 'block', 'local-address'],
  [B, 'http://10.0.0.5/', 'block', 'local-address'],
  [B, 'http://172.20.1.1/', 'block', 'local-address'],
  [B, 'http://169.254.169.254/latest/meta-data', 'block', 'local-address'],
  [B, 'http://printer.local/', 'block', 'local-address'],
  // Finding 3 of issue #15: names and spellings that reach the room's network or slip past a list.
  [B, 'http://router.lan/', 'block', 'local-address'],
  [B, 'http://intranet/', 'block', 'local-address'],
  [B, 'http://fritz.box/', 'block', 'local-address'],
  [B, 'http://nas.home.arpa/', 'block', 'local-address'],
  [B, 'http://192.168.1.1.nip.io/', 'block', 'local-address'],
  [B, 'http://10-0-0-1.sslip.io/', 'block', 'local-address'],
  [B, 'http://[::127.0.0.1]/', 'block', 'local-address'],
  [B, 'http://[64:ff9b::7f00:1]/', 'block', 'local-address'],
  [B, 'http://[64:ff9b::c0a8:101]/', 'block', 'local-address'],
  [B, 'http://[::ffff:192.168.1.1]/', 'block', 'local-address'],
  [B, 'http://[::ffff:0:a00:1]/', 'block', 'local-address'],
  [B, 'http://[fd00::1]/', 'block', 'local-address'],
  [B, 'http://[fe80::1]/', 'block', 'local-address'],
  [B, 'http://[2002:c0a8:101::1]/', 'block', 'local-address'],
  [B, 'http://100.64.0.1/', 'block', 'local-address'],
  [B, 'http://0.0.0.0:8080/', 'block', 'local-address'],
  [B, 'https://casino.example../', 'block', 'block-list'],
  [B, 'https://casino.example.../play', 'block', 'block-list'],
  [B, 'https://.casino.example/', 'block', 'invalid-url'],
  [B, 'https://casino..example/', 'block', 'invalid-url'],
  [B, 'https://\u3002casino.example/', 'block', 'invalid-url'],
  [B, 'https://casino\uff0eexample/', 'block', 'block-list'],
  [B, 'http://localhost../', 'block', 'local-address'],
  [B, 'http://LOCALHOST./', 'block', 'local-address'],
  [B, 'http://[2606:4700::1111]/', 'allow', 'default-allow'],
  [B, 'http://[64:ff9b::808:808]/', 'allow', 'default-allow'],
  [B, 'http://1.1.1.1.example.com/', 'allow', 'default-allow'],
  // Block-list mode.
  [B, 'https://vnexpress.net/', 'allow', 'default-allow'],
  [B, 'HTTPS://DICHVUCONG.GOV.VN/p/home', 'allow', 'default-allow'],
  [B, 'https://casino.example/', 'block', 'block-list'],
  [B, 'https://CASINO.example./play', 'block', 'block-list'],
  [B, 'https://www.casino.example:8443/', 'block', 'block-list'],
  [B, 'https://casino.example.evil.com/', 'allow', 'default-allow'],
  [B, 'https://notcasino.example/', 'allow', 'default-allow'],
  [B, 'https://exact.example/', 'block', 'block-list'],
  [B, 'https://sub.exact.example/', 'allow', 'default-allow'],
  [B, 'https://a.wild.example/', 'block', 'block-list'],
  [B, 'https://bài.example/', 'block', 'block-list'],
  [B, 'https://xn--bi-jia.example/', 'block', 'block-list'],
  [B, 'https://user:pass@vnexpress.net/', 'block', 'credentials-in-url'],
  [B, 'http://8.8.8.8/', 'allow', 'default-allow'],
  // Allow-list mode.
  [A, 'https://allowed.example/', 'allow', 'allow-list'],
  [A, 'https://www.allowed.example/page?q=1', 'allow', 'allow-list'],
  [A, 'http://allowed.example:8080/', 'allow', 'allow-list'],
  [A, 'http://allowed.example.evil.com/', 'block', 'not-in-allow-list'],
  [A, 'http://evilallowed.example/', 'block', 'not-in-allow-list'],
  [A, 'http://allowed.example@evil.com/', 'block', 'credentials-in-url'],
  [A, 'http://evil.com#@allowed.example', 'block', 'not-in-allow-list'],
  [A, 'http://evil.com\\@allowed.example/', 'block', 'not-in-allow-list'],
  [A, 'https://bad.allowed.example/', 'block', 'block-list'],
  [A, 'https://dichvucong.gov.vn/p/home/dvc-trang-chu.html', 'allow', 'allow-list'],
  [A, 'https://THƯ-VIỆN.vn/', 'allow', 'allow-list'],
  [A, 'https://xn--th-vin-4zb3960d.vn/', 'allow', 'allow-list'],
  [A, 'http://203.0.113.7/', 'allow', 'allow-list'],
  [A, 'http://203.0.113.8/', 'block', 'not-in-allow-list'],
  [A, 'https://google.com/', 'block', 'not-in-allow-list'],
];

describe('decideUrl: the table', () => {
  it('has at least 40 rows', () => expect(table.length).toBeGreaterThanOrEqual(40));
  it.each(table.map((row, i) => [i, ...row] as const))('#%i %s', (_i, policy, url, decision, rule) => {
    const result = decideUrl(policy, url);
    expect({ decision: result.decision, rule: result.rule }).toEqual({ decision, rule });
    expect(result.reason.length).toBeGreaterThan(10);
  });
});

describe('local exceptions are one port of one host', () => {
  const withServer: UrlPolicy = { ...blockList, localExceptions: ['192.168.1.20:8080'] };
  it.each([
    ['http://192.168.1.20:8080/opac', 'allow'],
    ['http://192.168.1.20:8081/', 'block'],
    ['http://192.168.1.20/', 'block'],
    ['http://192.168.1.21:8080/', 'block'],
  ] as const)('%s → %s', (url, decision) => expect(decideUrl(withServer, url).decision).toBe(decision));
});

describe('the shipped block list (issue #15 finding 3)', () => {
  it('blocks bet365.com with any number of trailing dots', () => {
    const policy: UrlPolicy = { mode: 'block-list', allow: [], block: ['bet365.com'] };
    for (const url of ['https://bet365.com/', 'https://bet365.com./', 'https://bet365.com../', 'https://WWW.BET365.COM.../']) {
      expect(decideUrl(policy, url).decision, url).toBe('block');
    }
  });
});

describe('decideUrl: properties', () => {
  const anyPolicy = fc.record({
    mode: fc.constantFrom('allow-list' as const, 'block-list' as const),
    allow: fc.array(fc.domain(), { maxLength: 4 }),
    block: fc.array(fc.domain(), { maxLength: 4 }),
  });

  it('never throws and always gives a decision with a reason', () => {
    fc.assert(
      fc.property(anyPolicy, fc.oneof(fc.string(), fc.webUrl(), fc.string({ unit: 'binary' })), (policy, url) => {
        const result = decideUrl(policy, url);
        expect(['allow', 'block']).toContain(result.decision);
        expect(result.reason).toMatch(/\S/);
      }),
    );
  });

  it('only ever allows http and https', () => {
    fc.assert(
      fc.property(anyPolicy, fc.oneof(fc.string(), fc.webUrl({ validSchemes: ['http', 'https', 'ftp', 'file', 'javascript', 'data'] })), (policy, url) => {
        const result = decideUrl(policy, url);
        if (result.decision === 'allow') expect(new URL(result.url!).protocol).toMatch(/^https?:$/);
      }),
    );
  });

  it('blocks javascript: however it is cased or padded', () => {
    const casing = fc.array(fc.boolean(), { minLength: 10, maxLength: 10 });
    fc.assert(
      fc.property(casing, fc.constantFrom('', ' ', '\t', '\n', '\u0001 '), fc.string(), (flags, pad, body) => {
        const scheme = [...'javascript'].map((c, i) => (flags[i] ? c.toUpperCase() : c)).join('');
        expect(decideUrl(blockList, `${pad}${scheme}:${body}`).decision).toBe('block');
      }),
    );
  });

  it('a listed host blocks itself and every subdomain, never a look-alike suffix', () => {
    fc.assert(
      fc.property(fc.domain(), fc.domain(), (listed, other) => {
        const policy: UrlPolicy = { mode: 'block-list', allow: [], block: [listed] };
        expect(decideUrl(policy, `https://${listed}/`).decision).toBe('block');
        expect(decideUrl(policy, `https://www.${listed}/`).decision).toBe('block');
        if (!`.${other}`.endsWith(`.${listed}`)) expect(decideUrl(policy, `https://${listed}.${other}/`).rule).not.toBe('block-list');
      }),
    );
  });

  it('an empty allow list opens nothing', () => {
    fc.assert(
      fc.property(fc.webUrl(), (url) => {
        const result = decideUrl({ mode: 'allow-list', allow: [], block: [] }, url);
        expect(result.decision).toBe('block');
      }),
    );
  });
});

describe('address bar and list files', () => {
  it('adds https:// to a bare host and keeps explicit schemes', () => {
    expect(addressToUrl('vnexpress.net')).toBe('https://vnexpress.net');
    expect(addressToUrl(' dichvucong.gov.vn/p ')).toBe('https://dichvucong.gov.vn/p');
    expect(addressToUrl('localhost:8080')).toBe('https://localhost:8080');
    expect(addressToUrl('http://a.vn')).toBe('http://a.vn');
    expect(addressToUrl('javascript:alert(1)')).toBe('javascript:alert(1)');
  });
  it('parses a list file with comments and blank lines', () => {
    expect(parseHostList('# cờ bạc\ncasino.example\n\n  bet.example  # cá cược\n=exact.vn\n')).toEqual(['casino.example', 'bet.example', '=exact.vn']);
  });
  it('parsing never throws on any text', () => {
    fc.assert(fc.property(fc.string(), (text) => Array.isArray(parseHostList(text))));
  });
});
