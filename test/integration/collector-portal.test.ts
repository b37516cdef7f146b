// The provincial portal on both stores: every page and export refused without a session, roles
// (a viewer refused at administrator pages, a commune viewer kept to their commune), lockout under
// 50 parallel wrong passwords, CSRF, security headers, an access log without personal data, the
// commune register import, targets, and the official report (summary, formula neutralisation).
import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { registerTerminal } from '../../collector/admin';
import { buildCollectorApp, type AccessLogLine } from '../../collector/server';
import { createAccount } from '../../collector/accounts';
import type { CollectorStore } from '../../collector/store/types';
import { assess } from '../../collector/assessment';
import { parsePeriod } from '#contract/statistics';
import { signInAs, startCollector, storeFactories, TEST_PASSWORD } from './collector-support';
import { xlsxFormulaCount, xlsxTexts } from '../support/xlsx';

const NOW = Date.parse('2026-12-01T01:00:00Z');
const now = () => NOW;
const form = (fields: Record<string, string>) => ({ 'content-type': 'application/x-www-form-urlencoded', body: new URLSearchParams(fields) });

async function seedDay(store: CollectorStore, terminalId: string, commune: string, day: string, visits: number, itemsServed: number, firstServed = 0) {
  const totals = { visits, items_served: itemsServed, cards_new: 1, residents_first_served: firstServed };
  const figures = Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, { total: v }]));
  await store.applyUpload(
    terminalId,
    commune,
    'test',
    [{ day, revision: 1, digest: `${day}-${visits}`, figuresJson: JSON.stringify(figures), totals }],
    new Date(NOW).toISOString(),
  );
}

const REGISTER_CSV = [
  'Mã tỉnh,Tên tỉnh,Mã xã,Tên xã,Huyện,Dân số,Nông thôn,Vùng khó khăn,Tỷ lệ dân tộc thiểu số (%)',
  '27,Bắc Ninh,12345,Xã Minh Hòa,Yên Phong,20,1,0,"2,5"',
  '27,Bắc Ninh,12346,"=HYPERLINK(""http://x"")",Yên Phong,1000,có,có,40',
  '27,Bắc Ninh,12347,Phường Đông Ngàn,Từ Sơn,,0,0,',
].join('\r\n');

describe.each(storeFactories)('portal on $name', (factory) => {
  async function setup(extra = {}) {
    const store = await factory.open();
    const { url } = await startCollector(store, now, extra);
    return { store, url };
  }

  it('refuses every page and export without a session (routes enumerated from the app)', async () => {
    const s = await setup();
    const app = buildCollectorApp({ store: s.store, now, accessLog: () => undefined });
    const routes: { method: string; url: string; access: unknown }[] = [];
    app.addHook('onRoute', (r) => {
      for (const method of [r.method].flat())
        if (method !== 'HEAD') routes.push({ method, url: r.url, access: (r.config as { access?: unknown } | undefined)?.access });
    });
    await app.ready();
    await app.close();
    const open = new Set(['POST /api/enrol', 'POST /api/upload', 'GET /healthz', 'GET /static/:name', 'GET /lang/:lang', 'GET /signin', 'POST /signin']);
    const guarded = routes.filter((r) => !open.has(`${r.method} ${r.url}`));
    expect(guarded.length).toBeGreaterThanOrEqual(14);
    for (const r of guarded) expect(Array.isArray(r.access), `${r.method} ${r.url} declares its roles`).toBe(true);
    for (const r of routes.filter((x) => open.has(`${x.method} ${x.url}`) && !['/api/upload', '/api/enrol', '/healthz'].includes(x.url)))
      expect(r.access, r.url).toBe('public');
    for (const r of guarded) {
      const path = r.url.replace(':code', '12345').replace(':id', '1');
      for (const accept of ['text/html', 'application/json']) {
        const response = await fetch(new URL(path.slice(1) + (path.includes('report.') ? '?period=2026' : ''), s.url), {
          method: r.method,
          redirect: 'manual',
          headers: { accept, ...(r.method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
          ...(r.method === 'POST' ? { body: '_csrf=x' } : {}),
        });
        expect([303, 401], `${r.method} ${r.url} (${accept})`).toContain(response.status);
        if (response.status === 303) expect(response.headers.get('location')).toMatch(/^\/signin/);
        expect(await response.text()).not.toMatch(/Xã|Thống kê thư viện cơ sở —|PK/);
      }
    }
  });

  it('locks an account under 50 parallel wrong passwords; the right one is then refused', async () => {
    const s = await setup({ rateLimits: { signIn: 1000 } });
    await createAccount(s.store, { username: 'quantri', displayName: 'Quản trị', role: 'admin', password: TEST_PASSWORD }, NOW);
    const attempt = (password: string) => fetch(new URL('signin', s.url), { method: 'POST', redirect: 'manual', ...form({ username: 'quantri', password }) });
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => attempt(`sai-mat-khau-${i}`)));
    expect(results.every((r) => r.status === 401 || r.status === 423)).toBe(true);
    expect(results.filter((r) => r.status === 401).length).toBe(5);
    const right = await attempt(TEST_PASSWORD);
    expect(right.status).toBe(423);
    expect(await right.text()).toContain('tạm khóa');
    expect(right.headers.getSetCookie()).toEqual([]);
    const account = await s.store.accountByUsername('quantri');
    await s.store.unlock(account!.id);
    expect((await attempt(TEST_PASSWORD)).status).toBe(303);
  });

  it('a session cookie is HttpOnly SameSite=Strict; sessions expire; sign-out ends them', async () => {
    let clock = NOW;
    const store = await factory.open();
    const { url } = await startCollector(store, () => clock);
    await createAccount(store, { username: 'xem', displayName: 'Xem', role: 'viewer', password: TEST_PASSWORD }, NOW);
    const r = await fetch(new URL('signin', url), {
      method: 'POST',
      redirect: 'manual',
      ...form({ username: 'xem', password: TEST_PASSWORD, next: '//evil.example/' }),
    });
    expect(r.headers.get('location')).toBe('/');
    const setCookie = r.headers.getSetCookie()[0]!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    const cookie = setCookie.split(';')[0]!;
    expect((await fetch(new URL('report', url), { headers: { cookie }, redirect: 'manual' })).status).toBe(200);
    clock += 29 * 60_000; // used within the idle time: slides
    expect((await fetch(new URL('report', url), { headers: { cookie }, redirect: 'manual' })).status).toBe(200);
    clock += 31 * 60_000;
    expect((await fetch(new URL('report', url), { headers: { cookie }, redirect: 'manual' })).status).toBe(401);
  });

  it('roles: a viewer is refused at administrator pages, a commune viewer sees only their commune, POSTs need the CSRF token', async () => {
    const s = await setup();
    await s.store.upsertCommunes([
      { code: '12345', name: 'Xã Minh Hòa', provinceCode: '27', district: null, population: 1000, rural: true, disadvantaged: false, minorityPct: null },
      { code: '12346', name: 'Xã Hòa Bình', provinceCode: '27', district: null, population: 2000, rural: false, disadvantaged: false, minorityPct: null },
    ]);
    const viewer = await signInAs(s.store, s.url, 'viewer', NOW);
    for (const path of ['admin/accounts', 'admin/targets', 'admin/communes']) {
      const r = await fetch(new URL(path, s.url), { headers: { cookie: viewer.cookie } });
      expect(r.status, path).toBe(403);
      expect(await r.text()).toContain('không có quyền');
    }
    const post = await fetch(new URL('admin/accounts', s.url), {
      method: 'POST',
      headers: { cookie: viewer.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: viewer.csrf, username: 'x' }),
    });
    expect(post.status).toBe(403);
    const commune = await signInAs(s.store, s.url, 'commune', NOW, '12345');
    const own = await fetch(new URL('', s.url), { headers: { cookie: commune.cookie } });
    expect(own.url).toMatch(/\/communes\/12345/);
    expect(await own.text()).toContain('Xã Minh Hòa');
    expect((await fetch(new URL('communes/12346', s.url), { headers: { cookie: commune.cookie } })).status).toBe(403);
    expect(await (await fetch(new URL('export.csv?period=2026', s.url), { headers: { cookie: commune.cookie } })).text()).not.toContain('Hòa Bình');
    const admin = await signInAs(s.store, s.url, 'admin', NOW);
    const noToken = await fetch(new URL('admin/accounts', s.url), {
      method: 'POST',
      headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: 'moi' }),
    });
    expect(noToken.status).toBe(403);
    expect(await noToken.text()).toContain('Biểu mẫu đã cũ');
    const created = await fetch(new URL('admin/accounts', s.url), {
      method: 'POST',
      headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        _csrf: admin.csrf,
        username: 'canbo.xa',
        displayName: 'Cán bộ xã',
        role: 'commune',
        communeCode: '12346',
        password: 'mat-khau-du-dai',
      }),
    });
    expect(await created.text()).toContain('Đã tạo tài khoản canbo.xa');
  });

  it('sends security headers and logs each request without address, account or query', async () => {
    const lines: AccessLogLine[] = [];
    const s = await setup({ accessLog: (l: AccessLogLine) => lines.push(l) });
    const admin = await signInAs(s.store, s.url, 'admin', NOW);
    const r = await fetch(new URL('?period=2026-H2', s.url), { headers: { cookie: admin.cookie } });
    expect(r.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(r.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    const text = JSON.stringify(lines);
    expect(text).not.toMatch(/127\.0\.0\.1|admin-|2026-H2|portal_session|mat-khau/);
    expect(lines.find((l) => l.route === '/' && l.status === 200)).toMatchObject({ method: 'GET', role: 'admin' });
  });

  it('rate-limits sign-in attempts per address', async () => {
    const s = await setup({ rateLimits: { signIn: 3 } });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await fetch(new URL('signin', s.url), { method: 'POST', ...form({ username: 'ai-do', password: 'x' }) })).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });

  it('imports the commune register (CSV and XLSX), refuses a bad file whole, and edits targets', async () => {
    const s = await setup();
    const admin = await signInAs(s.store, s.url, 'admin', NOW);
    const upload = async (name: string, content: Buffer | string) => {
      const body = new FormData();
      body.append('_csrf', admin.csrf);
      body.append('file', new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), name);
      const r = await fetch(new URL('admin/communes', s.url), { method: 'POST', headers: { cookie: admin.cookie }, body });
      return { status: r.status, text: await r.text() };
    };
    expect((await upload('dm.csv', REGISTER_CSV)).text).toContain('Đã nhập: 3 xã mới, 0 xã cập nhật.');
    expect((await upload('dm.csv', REGISTER_CSV)).text).toContain('Đã nhập: 0 xã mới, 3 xã cập nhật.');
    const bad = await upload('dm.csv', `${REGISTER_CSV}\r\n27,Bắc Ninh,123456,Xã Lỗi,,,,,`);
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('Dòng 5: mã xã');
    const xlsx = await writeXlsxFile([
      [{ value: 'MA TINH' }, { value: 'Ma xa' }, { value: 'Ten xa' }, { value: 'Dan so' }],
      [{ value: '27' }, { value: '12348' }, { value: 'Xã Tam Sơn' }, { value: 5400 }],
    ]).toBuffer();
    expect((await upload('dm.xlsx', xlsx)).text).toContain('Đã nhập: 1 xã mới, 0 xã cập nhật.');
    const register = await s.store.communeRegister();
    expect(register.find((c) => c.code === '12345')).toMatchObject({
      population: 20,
      rural: true,
      disadvantaged: false,
      minorityPct: 2.5,
      district: 'Yên Phong',
    });
    expect(register.find((c) => c.code === '12348')).toMatchObject({ name: 'Xã Tam Sơn', population: 5400 });

    const page = await (await fetch(new URL('admin/targets?year=2026', s.url), { headers: { cookie: admin.cookie } })).text();
    expect(page).toContain('name="visits.min" inputmode="decimal" value="7"');
    const values: Record<string, string> = { _csrf: admin.csrf, year: '2026' };
    for (const [k, v] of Object.entries({
      visits: 5,
      items_served: 10,
      rotation_loans: 8,
      items_added: 8,
      residents_share: 14,
      rural_reach: 25,
      disadvantaged_reach: 20,
    })) {
      values[`${k}.min`] = String(v);
      values[`${k}.max`] = String(k === 'visits' ? 6 : v);
    }
    const saved = await fetch(new URL('admin/targets', s.url), {
      method: 'POST',
      headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(values),
    });
    expect(await saved.text()).toContain('Đã lưu chỉ tiêu.');
    expect((await s.store.targetRows()).find((t) => t.indicator === 'visits' && t.year === 2026)).toMatchObject({ minPct: 5, maxPct: 6 });
  });

  it('a national register pages the list of all communes; at most 50 communes behind are listed first', async () => {
    const s = await setup();
    const code = (i: number) => String(20000 + i);
    await s.store.upsertCommunes(
      Array.from({ length: 450 }, (_, i) => ({
        code: code(i),
        name: `Xã số ${i}`,
        provinceCode: String(1 + (i % 34)).padStart(2, '0'),
        district: null,
        population: 5000,
        rural: true,
        disadvantaged: false,
        minorityPct: null,
      })),
    );
    // 60 communes served fewer readers than the year before: all behind their targets.
    for (let i = 0; i < 60; i++) {
      const { terminal } = await registerTerminal(s.store, { communeCode: code(i), communeName: `Xã số ${i}`, provinceCode: '01', name: 'Kiosk' }, NOW);
      await seedDay(s.store, terminal.id, code(i), '2025-03-02', 100, 100);
      await seedDay(s.store, terminal.id, code(i), '2026-03-02', 10, 10);
    }
    const viewer = await signInAs(s.store, s.url, 'viewer', NOW);
    const get = async (query: string) => {
      const response = await fetch(new URL(query, s.url), { headers: { cookie: viewer.cookie } });
      return { status: response.status, html: await response.text() };
    };
    const rowsIn = (html: string, from: string, to: string) =>
      (html.slice(html.indexOf(from), html.indexOf(to)).match(/<a href="\/communes\/\d{5}/g) ?? []).length;
    const first = await get('?period=2026');
    expect(first.status).toBe(200);
    expect(rowsIn(first.html, 'Các xã chưa đạt', 'id="all-communes"')).toBe(50);
    expect(first.html).toContain('Còn 10 xã chưa đạt khác');
    expect(rowsIn(first.html, 'id="all-communes"', 'aria-label="Các trang')).toBe(200);
    expect(first.html).toContain('Trang 1/3');
    expect(first.html).toContain('href="/?period=2026&amp;page=2#all-communes"');
    const last = await get('?period=2026&page=3');
    expect(rowsIn(last.html, 'id="all-communes"', 'aria-label="Các trang')).toBe(50);
    expect(last.html).toContain('<span aria-current="page" class="button current">3</span>');
    // A page past the end shows the last; nonsense is refused with the period help kept.
    expect((await get('?period=2026&page=40')).html).toContain('Trang 3/3');
    for (const bad of ['?page=0', '?page=abc', '?page=2.5', '?period=2026&page=1&x=1']) expect((await get(bad)).status).toBe(400);
    // A province's own few hundred communes (under 200) fit on one page: no pager at all.
    const small = await setup();
    await small.store.upsertCommunes([
      { code: '27001', name: 'Xã Một', provinceCode: '27', district: null, population: null, rural: false, disadvantaged: false, minorityPct: null },
    ]);
    const smallViewer = await signInAs(small.store, small.url, 'viewer', NOW);
    const one = await (await fetch(new URL('?period=2026', small.url), { headers: { cookie: smallViewer.cookie } })).text();
    expect(one).not.toContain('aria-label="Các trang');
  });

  it('the official report states numbers and targets met, with formulas neutralised in the XLSX', async () => {
    const s = await setup();
    const { terminal } = await registerTerminal(s.store, { communeCode: '12345', communeName: 'Xã Minh Hòa', provinceCode: '27', name: 'Kiosk' }, NOW);
    const { terminal: other } = await registerTerminal(
      s.store,
      { communeCode: '12346', communeName: '=HYPERLINK("http://x")', provinceCode: '27', name: '+Kiosk' },
      NOW,
    );
    await seedDay(s.store, terminal.id, '12345', '2025-03-02', 1000, 500);
    await seedDay(s.store, terminal.id, '12345', '2026-03-02', 1082, 520);
    await seedDay(s.store, other.id, '12346', '2026-03-03', 10, 10);
    const admin = await signInAs(s.store, s.url, 'admin', NOW);
    const xlsx = await fetch(new URL('report.xlsx?period=2026-H1', s.url), { headers: { cookie: admin.cookie } });
    expect(xlsx.headers.get('content-disposition')).toContain('bao-cao-2026-H1.xlsx');
    const file = await xlsx.arrayBuffer();
    const cells = await xlsxTexts(file);
    expect(cells).toContain('Số lượt người sử dụng thư viện tăng 9,2 % so với cùng kỳ, đạt chỉ tiêu 7–9 %.');
    expect(cells).toContain('Số lượt tài liệu phục vụ tăng 6 % so với cùng kỳ, chưa đạt chỉ tiêu 10 %.');
    expect(cells).toContain(`'=HYPERLINK("http://x")`);
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    expect(await xlsxFormulaCount(file)).toBe(0);
    const csv = await (await fetch(new URL('export.csv?period=2026', s.url), { headers: { cookie: admin.cookie } })).text();
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    const pdf = Buffer.from(await (await fetch(new URL('report.pdf?period=2026', s.url), { headers: { cookie: admin.cookie } })).arrayBuffer());
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    expect(pdf.toString('latin1')).toMatch(/DejaVuSans/);
  });

  it('the share of residents counts the residents served from 1 January, as the kiosk does, and is judged on a whole year only', async () => {
    const s = await setup();
    await s.store.upsertCommunes([
      { code: '12345', name: 'Xã Minh Hòa', provinceCode: '27', district: null, population: 1000, rural: true, disadvantaged: false, minorityPct: null },
      { code: '12346', name: 'Xã Hòa Bình', provinceCode: '27', district: null, population: 3850, rural: false, disadvantaged: true, minorityPct: null },
    ]);
    const { terminal } = await registerTerminal(s.store, { communeCode: '12345', communeName: 'Xã Minh Hòa', provinceCode: '27', name: 'Kiosk' }, NOW);
    const { terminal: other } = await registerTerminal(s.store, { communeCode: '12346', communeName: 'Xã Hòa Bình', provinceCode: '27', name: 'Kiosk' }, NOW);
    // Residents served late last year count for last year only; this year's count from 1 January.
    await seedDay(s.store, terminal.id, '12345', '2025-12-30', 5, 5, 900);
    await seedDay(s.store, terminal.id, '12345', '2026-01-01', 5, 5, 60);
    await seedDay(s.store, terminal.id, '12345', '2026-06-30', 5, 5, 40);
    await seedDay(s.store, terminal.id, '12345', '2026-07-01', 5, 5, 50);
    await seedDay(s.store, other.id, '12346', '2026-03-03', 5, 5, 1);

    const year = await assess(s.store, parsePeriod('2026')!);
    const minhHoa = year.communes.find((c) => c.commune.code === '12345')!;
    expect(minhHoa).toMatchObject({ servedThisYear: 150, sharePct: 15, shareMet: true });
    // One resident of 3,850 reads as 0.03 %, not 0 %.
    expect(year.communes.find((c) => c.commune.code === '12346')).toMatchObject({ servedThisYear: 1, sharePct: 0.03, shareMet: false });
    expect(year.province).toMatchObject({ servedThisYear: 151, sharePct: 3.11, shareMet: false });
    expect(year).toMatchObject({ shareYearToDate: false, ruralReachPct: 15, ruralReachMet: false, disadvantagedReachPct: 0.03, disadvantagedReachMet: false });

    // The second half counts from 1 January too (each resident once a year) and, ending the year, is judged.
    const h2 = await assess(s.store, parsePeriod('2026-H2')!);
    expect(h2.communes.find((c) => c.commune.code === '12345')).toMatchObject({ servedThisYear: 150, sharePct: 15, shareMet: true });
    // The first half is the year so far: not judged yet.
    const h1 = await assess(s.store, parsePeriod('2026-H1')!);
    expect(h1).toMatchObject({ servedFrom: '2026-01-01', shareYearToDate: true, ruralReachMet: null });
    expect(h1.communes.find((c) => c.commune.code === '12345')).toMatchObject({ servedThisYear: 100, sharePct: 10, shareMet: null });

    const admin = await signInAs(s.store, s.url, 'admin', NOW);
    const page = await (await fetch(new URL('?period=2026-H1', s.url), { headers: { cookie: admin.cookie } })).text();
    expect(page).toContain('Tính từ đầu năm; đánh giá khi hết năm');
    const cells = await xlsxTexts(await (await fetch(new URL('report.xlsx?period=2026-H1', s.url), { headers: { cookie: admin.cookie } })).arrayBuffer());
    expect(cells).toContain('Tỷ lệ dân sử dụng thư viện từ 01/01 đến 30/06: 2,08 %; chỉ tiêu cả năm 14–20 %, đánh giá khi hết năm.');
  });
});
