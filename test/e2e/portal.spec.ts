// The provincial portal in Chromium, as province staff use it: the collector started by its own
// command on a SQLite file seeded with a commune register, terminals and two years of figures.
// Sign-in; a viewer refused at an administrator page; the dashboard with targets; drill-down to a
// commune and its kiosks; the official report downloaded; axe; screenshots in vi and en.
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { registerTerminal } from '../../collector/admin';
import { createAccount } from '../../collector/accounts';
import { healthReasons } from '../../collector/fleet';
import { openSqliteStore } from '../../collector/store/sqlite';
import { portalForSpec } from './collector-process';
import { expect, snapshot, test } from './fixtures';

const PASSWORD = 'mat-khau-thu-nghiem';
const SEEDED_AT = Date.parse('2026-12-01T01:00:00Z');

async function seed(file: string): Promise<void> {
  const store = openSqliteStore(file);
  await store.migrate();
  const communes = [
    { code: '12345', name: 'Xã Minh Hòa', district: 'Yên Phong', population: 8000, rural: true, disadvantaged: false },
    { code: '12346', name: 'Xã Hòa Bình', district: 'Yên Phong', population: 12000, rural: true, disadvantaged: true },
    { code: '12347', name: 'Phường Đông Ngàn', district: 'Từ Sơn', population: 30000, rural: false, disadvantaged: false },
  ];
  await store.upsertCommunes(communes.map((c) => ({ ...c, provinceCode: '27', minorityPct: null })));
  for (const [i, c] of communes.entries()) {
    const { terminal } = await registerTerminal(store, { communeCode: c.code, communeName: c.name, provinceCode: '27', name: 'Kiosk phòng đọc' }, SEEDED_AT);
    // Two years of month-start days; commune i grows by 12 %, 6 % and 0 % a year.
    for (const year of [2025, 2026]) {
      const days = [];
      for (let m = 1; m <= 11; m++) {
        const base = 300 + 40 * m;
        const visits = Math.round(year === 2026 ? base * [1.12, 1.06, 1][i]! : base);
        const items = Math.round(visits * 0.8);
        const totals = {
          visits,
          items_served: items,
          rotation_loans: Math.round(items / 4),
          items_added: year === 2026 ? 11 : 10,
          cards_new: [60, 30, 40][i]!,
          // Each resident counts once a year, on the day of their first use: Minh Hòa reaches 1,320 of 8,000.
          residents_first_served: [120, 40, 60][i]!,
        };
        const figures = Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, { total: v }]));
        days.push({ day: `${year}-${String(m).padStart(2, '0')}-05`, revision: 1, digest: `${year}-${m}-${i}`, figuresJson: JSON.stringify(figures), totals });
      }
      await store.applyUpload(terminal.id, c.code, '0.1.0', days, new Date(SEEDED_AT).toISOString());
    }
    if (c.code === '12346') {
      // Hòa Bình's kiosk has reported trouble since 20/11: nearly full disk, clock two hours ahead, an old
      // backup, a failing self-test step; and since 25/11 a copy of its disk runs on another PC.
      const health = {
        sentAt: '2026-11-20T04:01:00.000Z',
        version: '0.9.0',
        backupAgeHours: 150,
        freeDiskMb: 512,
        diskLow: true,
        selfTestFailures: ['database'],
        cloned: false,
        uploadErrors: { last24h: 5, last: { at: '2026-11-20T01:00:00.000Z', kind: 'unreachable' as const } },
      };
      await store.recordHealth(terminal.id, JSON.stringify(health), 7260, healthReasons(health, 7260), '2026-11-20T02:00:00.000Z');
      await store.recordClone(terminal.id, '2026-11-25T03:00:00.000Z');
    }
  }
  // A code issued long ago for a PC that was never enrolled: the technician's attention list shows it.
  await registerTerminal(
    store,
    { communeCode: '12347', communeName: 'Phường Đông Ngàn', provinceCode: '27', name: 'Kiosk nhà văn hóa' },
    Date.parse('2020-01-02T03:00:00Z'),
  );
  await createAccount(store, { username: 'kythuat', displayName: 'Lê Văn Hùng', role: 'technician', password: PASSWORD }, SEEDED_AT);
  await createAccount(store, { username: 'quantri', displayName: 'Nguyễn Thị Lan', role: 'admin', password: PASSWORD }, SEEDED_AT);
  await createAccount(store, { username: 'so.vhttdl', displayName: 'Trần Văn Minh', role: 'viewer', password: PASSWORD }, SEEDED_AT);
  await store.close();
}

const portal = portalForSpec(seed);

async function signIn(page: import('@playwright/test').Page, username: string, password = PASSWORD) {
  await page.goto(`${portal.url}?period=2026-01-01..2026-11-30`);
  await expect(page).toHaveURL(/\/signin/);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

const axe = async (page: import('@playwright/test').Page) => {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`);
};

test('sign-in: a wrong password is refused, the right one opens the dashboard with targets', async ({ page }) => {
  await page.goto(`${portal.url}signin`);
  await page.getByLabel('Tên đăng nhập').fill('quantri');
  await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('alert')).toHaveText('Tên đăng nhập hoặc mật khẩu không đúng. Hãy nhập lại.');
  await snapshot(page, 'portal-signin-vi');

  await signIn(page, 'quantri');
  await expect(page.getByRole('heading', { name: 'Tổng hợp toàn tỉnh' })).toBeVisible();
  const visits = page.getByRole('row', { name: /Lượt người sử dụng thư viện/ }).first();
  await expect(visits).toContainText('+6 %');
  await expect(visits).toContainText('+7–9 %');
  await expect(visits).toContainText('Chưa đạt');
  // Communes behind their targets come first: Hòa Bình (+6 %) and Đông Ngàn (0 %); Minh Hòa (+12 %) is not listed.
  const behind = page.locator('h2:has-text("Các xã chưa đạt chỉ tiêu") + .table-wrap tbody tr');
  await expect(behind).toHaveCount(2);
  await expect(behind.first()).not.toContainText('Minh Hòa');
  await expect(page.locator('#trend-chart canvas')).toHaveCount(1);
  await snapshot(page, 'portal-dashboard-vi');
  expect(await axe(page)).toEqual([]);
});

test('drill-down to a commune and its kiosks', async ({ page }) => {
  await signIn(page, 'quantri');
  await page.getByRole('link', { name: 'Xã Minh Hòa' }).first().click();
  await expect(page.getByRole('heading', { name: 'Xã Minh Hòa', level: 1 })).toBeVisible();
  await expect(page.getByRole('row', { name: /Lượt người sử dụng thư viện/ }).first()).toContainText('Đạt');
  await expect(page.getByRole('row', { name: /Tỷ lệ dân sử dụng/ }).first()).toContainText('16,5 %');
  await expect(page.getByRole('cell', { name: 'Kiosk phòng đọc' })).toBeVisible();
  await snapshot(page, 'portal-commune-vi');
  expect(await axe(page)).toEqual([]);
});

test('the official report downloads as XLSX and PDF', async ({ page }) => {
  await signIn(page, 'quantri');
  await page.getByRole('link', { name: 'Báo cáo' }).click();
  await snapshot(page, 'portal-report-vi');
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'XLSX' }).first().click()]);
  expect(
    readFileSync((await xlsx.path())!)
      .subarray(0, 2)
      .toString(),
  ).toBe('PK');
  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'PDF' }).nth(2).click()]);
  expect(pdf.suggestedFilename()).toMatch(/^bao-cao-\d{4}\.pdf$/);
  expect(
    readFileSync((await pdf.path())!)
      .subarray(0, 4)
      .toString(),
  ).toBe('%PDF');
});

test('in English', async ({ page }) => {
  await signIn(page, 'quantri');
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Province overview' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Library visits/ }).first()).toContainText('Not met');
  await snapshot(page, 'portal-dashboard-en');
  expect(await axe(page)).toEqual([]);
  await page.getByRole('link', { name: 'Xã Hòa Bình' }).first().click();
  await expect(page.getByRole('heading', { name: 'Xã Hòa Bình', level: 1 })).toBeVisible();
  await snapshot(page, 'portal-commune-en');
});

test('a province viewer is refused at administrator pages', async ({ page }) => {
  await signIn(page, 'so.vhttdl');
  await expect(page.getByRole('heading', { name: 'Tổng hợp toàn tỉnh' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Tài khoản' })).toHaveCount(0);
  const response = await page.goto(`${portal.url}admin/accounts`);
  expect(response!.status()).toBe(403);
  await expect(page.getByRole('alert')).toContainText('không có quyền xem trang này');
  await snapshot(page, 'portal-viewer-refused-vi');
});

test('the technician sees the terminals needing attention, with the reason and since when', async ({ page }) => {
  await signIn(page, 'kythuat');
  await expect(page.getByRole('heading', { name: 'Máy trạm cần xử lý' })).toBeVisible();
  const row = page.getByRole('row', { name: /Kiosk nhà văn hóa/ });
  await expect(row).toContainText('Đã cấp mã đăng ký nhưng chưa đăng ký máy');
  await expect(row).toContainText('02/01/2020');
  await expect(page.getByRole('link', { name: 'Tổng hợp' })).toHaveCount(0);
  // What the kiosks' own health records said, one row per reason, with the detail and since when.
  const hoaBinh = page.getByRole('row', { name: /Xã Hòa Bình/ });
  await expect(hoaBinh).toHaveCount(6);
  await expect(hoaBinh.filter({ hasText: 'Ổ đĩa sắp đầy' })).toContainText('Còn trống 512 MB.');
  await expect(hoaBinh.filter({ hasText: 'Ổ đĩa sắp đầy' })).toContainText('20/11/2026');
  await expect(hoaBinh.filter({ hasText: 'Đồng hồ kiosk bị lệch' })).toContainText('Đồng hồ kiosk nhanh hơn máy chủ 2 giờ 1 phút.');
  await expect(hoaBinh.filter({ hasText: 'Bản sao lưu đã cũ' })).toContainText('Bản gần nhất cách đây 6 ngày 6 giờ.');
  await expect(hoaBinh.filter({ hasText: 'Tự kiểm tra báo lỗi' })).toContainText('Bước lỗi: database.');
  await expect(hoaBinh.filter({ hasText: 'Gửi số liệu bị lỗi nhiều lần' })).toContainText('5 lần lỗi trong 24 giờ; lần cuối: không kết nối được.');
  await expect(hoaBinh.filter({ hasText: 'Một bản sao ổ đĩa' })).toContainText('25/11/2026');
  expect(await axe(page)).toEqual([]);
  await snapshot(page, 'portal-fleet-vi');
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.getByRole('row', { name: /Kiosk nhà văn hóa/ })).toContainText('Enrolment code issued but not enrolled');
  await expect(page.getByRole('row', { name: /Xã Hòa Bình/ }).filter({ hasText: 'Kiosk clock is off' })).toContainText(
    'Kiosk clock ahead of the server by 2 h 1 min.',
  );
  expect(await axe(page)).toEqual([]);
  await snapshot(page, 'portal-fleet-en');
});

test('the push page of the administrator: the signing key, the form, axe-clean in both languages', async ({ page }) => {
  await signIn(page, 'quantri');
  await page.getByRole('link', { name: 'Gửi xuống kiosk' }).click();
  await expect(page.getByRole('heading', { name: 'Gửi xuống kiosk', level: 1 })).toBeVisible();
  await expect(page.getByText(/^Khóa ký của cổng: (\S{4} ){10}\S{3} /)).toBeVisible();
  await page.getByLabel('Loại').selectOption('blocklist');
  await page.getByLabel('Tên miền cần chặn').fill('co-bac.example\nxo-so.example');
  await page.getByRole('button', { name: 'Ký và gửi' }).click();
  await expect(page.getByRole('status')).toContainText('Đã ký và xếp lần gửi số');
  await expect(page.getByRole('row', { name: /co-bac\.example, xo-so\.example/ })).toContainText('Tất cả các xã');
  expect(await axe(page)).toEqual([]);
  await snapshot(page, 'portal-pushes-vi');
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Push to kiosks', level: 1 })).toBeVisible();
  await expect(page.getByRole('row', { name: /co-bac\.example/ })).toContainText('Block more hosts');
  expect(await axe(page)).toEqual([]);
  await snapshot(page, 'portal-pushes-en');
});

test('the dashboard fits a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'so.vhttdl');
  await expect(page.getByRole('heading', { name: 'Tổng hợp toàn tỉnh' })).toBeVisible();
  // Measured once the stylesheets have loaded (the load event): the heading has a box before them, and a
  // page laid out without its styles is one nobody sees (the browser does not paint it).
  await page.waitForLoadState('load');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await snapshot(page, 'portal-dashboard-phone-vi');
});
