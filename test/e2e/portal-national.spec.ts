// The portal with a national register (issue #19, scale): 450 communes, of which 60 served fewer
// readers than the year before. The province overview lists the 50 furthest behind first, says how
// many more there are, and pages the list of all communes (200 a page); the pager is reachable by
// keyboard, axe-clean, and reads in both languages and with large text.
import AxeBuilder from '@axe-core/playwright';
import { registerTerminal } from '../../collector/admin';
import { createAccount } from '../../collector/accounts';
import { openSqliteStore } from '../../collector/store/sqlite';
import { portalForSpec } from './collector-process';
import { expect, snapshot, test } from './fixtures';

const PASSWORD = 'mat-khau-thu-nghiem';
const SEEDED_AT = Date.parse('2026-12-01T01:00:00Z');
const code = (i: number) => String(20000 + i);

async function seed(file: string): Promise<void> {
  const store = openSqliteStore(file);
  await store.migrate();
  await store.upsertCommunes(
    Array.from({ length: 450 }, (_, i) => ({
      code: code(i),
      name: `Xã Số ${i + 1}`,
      provinceCode: String(1 + (i % 34)).padStart(2, '0'),
      district: null,
      population: 6000,
      rural: true,
      disadvantaged: i % 5 === 0,
      minorityPct: null,
    })),
  );
  for (let i = 0; i < 60; i++) {
    const { terminal } = await registerTerminal(store, { communeCode: code(i), communeName: `Xã Số ${i + 1}`, provinceCode: '01', name: 'Kiosk' }, SEEDED_AT);
    const day = (d: string, visits: number) => {
      const totals = { visits, items_served: visits };
      const figures = Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, { total: v }]));
      return { day: d, revision: 1, digest: `${d}-${visits}`, figuresJson: JSON.stringify(figures), totals };
    };
    await store.applyUpload(terminal.id, code(i), '0.1.0', [day('2025-03-02', 100), day('2026-03-02', 10 + i)], new Date(SEEDED_AT).toISOString());
  }
  await createAccount(store, { username: 'so.vhttdl', displayName: 'Trần Văn Minh', role: 'viewer', password: PASSWORD }, SEEDED_AT);
  await store.close();
}

const portal = portalForSpec(seed);

test('450 communes: the 50 furthest behind first, the list of all communes in pages, by mouse and keyboard, vi and en', async ({ page }) => {
  await page.goto(`${portal.url}signin?next=${encodeURIComponent('/?period=2026')}`);
  await page.getByLabel('Tên đăng nhập').fill('so.vhttdl');
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('heading', { name: 'Tổng hợp toàn tỉnh' })).toBeVisible();

  const behind = page.locator('h2:has-text("Các xã chưa đạt chỉ tiêu") + .table-wrap tbody tr');
  await expect(behind).toHaveCount(50);
  await expect(page.getByText('Còn 10 xã chưa đạt khác')).toBeVisible();
  const all = page.locator('#all-communes + .table-wrap tbody tr');
  await expect(all).toHaveCount(200);
  const pager = page.getByRole('navigation', { name: 'Các trang của danh sách xã' });
  await expect(pager).toContainText('Trang 1/3');
  await pager.scrollIntoViewIfNeeded();
  await snapshot(page, 'portal-national-pager-vi');
  expect((await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze()).violations.map((v) => v.id)).toEqual([]);

  // The next page by mouse: the list moves on, the page comes back at the list.
  await pager.getByRole('link', { name: 'Trang sau' }).click();
  await expect(page).toHaveURL(/page=2#all-communes$/);
  await expect(page.getByRole('navigation', { name: 'Các trang của danh sách xã' })).toContainText('Trang 2/3');
  await expect(all.first()).toContainText(code(200));

  // The last page by keyboard: 50 communes left.
  await page.getByRole('navigation', { name: 'Các trang của danh sách xã' }).getByRole('link', { name: '3', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/page=3#all-communes$/);
  await expect(all).toHaveCount(50);
  await expect(page.getByRole('navigation', { name: 'Các trang của danh sách xã' }).locator('[aria-current="page"]')).toHaveText('3');

  // In English at 150 % zoom (Ctrl and +, as an officer with weak eyes sets it).
  await page.getByRole('link', { name: 'English' }).click();
  await page.evaluate(() => (document.documentElement.style.zoom = '150%'));
  const english = page.getByRole('navigation', { name: 'Pages of the commune list' });
  await expect(english).toContainText('Page 3 of 3');
  await english.scrollIntoViewIfNeeded();
  await snapshot(page, 'portal-national-pager-en-large');
});
