// A kiosk and the provincial portal in one test (issue #19): the administrator pushes an
// announcement from the portal, the kiosk pulls it with its next upload (staff press "Gửi ngay"),
// verifies the portal's signature, shows it on its idle screen, and the portal shows it applied.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { localDay } from '../../common/calendar';
import { testClockArgs } from '../support/clock';
import { startCollectorProcess } from './collector-process';
import { collectorEntry, distDir, expect, snapshot, test } from './fixtures';

const root = fileURLToPath(new URL('../../', import.meta.url));
const PASSWORD = 'mat-khau-thu-nghiem';

async function staffSignIn(page: Page) {
  await page.getByLabel('Số thẻ cán bộ').fill('NV0001');
  await page.getByLabel('Mã PIN', { exact: true }).click();
  for (const digit of '147258') await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

test('the administrator pushes an announcement; the kiosk shows it on its idle screen; the portal shows it applied', async ({ page, kiosk }) => {
  const dir = mkdtempSync(join(tmpdir(), 'portal-push-e2e-'));
  const db = join(dir, 'collector.sqlite');
  const collector = await startCollectorProcess(db, kiosk.startedAt);
  try {
    // The province registers the terminal; the technician enrols the kiosk (it learns the portal's key).
    const add = spawnSync(process.execPath, [collectorEntry(), 'terminal', 'add', '--commune', '00000', '--commune-name', 'Xã Minh Hòa', '--province', '27', '--name', 'Kiosk phòng đọc', '--json', '--db', db, ...testClockArgs(kiosk.startedAt)], { cwd: root, encoding: 'utf8' });
    const { code } = JSON.parse(add.stdout) as { code: string };
    const enrol = spawnSync(process.execPath, [join(distDir, 'cli.mjs'), 'enrol', collector.url, code, '--data-dir', kiosk.dataDir, '--json', ...testClockArgs(kiosk.startedAt)], { cwd: root, encoding: 'utf8' });
    expect(JSON.parse(enrol.stdout)).toMatchObject({ ok: true, communeName: 'Xã Minh Hòa' });
    const admin = spawnSync(process.execPath, [collectorEntry(), 'admin', 'create', 'quantri', '--name', 'Nguyễn Thị Lan', '--db', db], { cwd: root, encoding: 'utf8', input: `${PASSWORD}\n` });
    expect(admin.stdout).toContain('Đã tạo tài khoản quantri');

    // The administrator signs the announcement for this commune on the portal.
    const portal = await page.context().newPage();
    await portal.goto(`${collector.url}pushes`);
    await portal.getByLabel('Tên đăng nhập').fill('quantri');
    await portal.getByLabel('Mật khẩu').fill(PASSWORD);
    await portal.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(portal.getByRole('heading', { name: 'Gửi xuống kiosk', level: 1 })).toBeVisible();
    const today = localDay(kiosk.startedAt);
    await portal.getByLabel('Loại').selectOption('announcement');
    await portal.getByLabel('Mã xã').fill('00000');
    await portal.getByLabel('Tiêu đề').fill('Ngày hội đọc sách của tỉnh');
    await portal.getByLabel('Nội dung').fill('Mời bà con đến nhà văn hóa xã đọc sách và nghe kể chuyện.');
    await portal.getByLabel('Hiện từ ngày').fill(today);
    await portal.getByLabel('Đến ngày').fill(today);
    await portal.getByRole('button', { name: 'Ký và gửi' }).click();
    await expect(portal.getByRole('status')).toContainText('Đã ký và xếp lần gửi số 1');
    const row = portal.getByRole('row', { name: /Ngày hội đọc sách của tỉnh/ });
    await expect(row).toContainText('00000');

    // Staff send the figures now: the reply carries the push, the kiosk verifies and applies it, and reports back.
    await page.goto(`${kiosk.url}#/staff/reports`);
    await staffSignIn(page);
    await page.getByRole('button', { name: 'Gửi ngay' }).click();
    await expect(page.getByText(/Đã gửi \d+ ngày số liệu\./)).toBeVisible();

    // Residents see it on the idle screen.
    await page.goto(kiosk.url);
    const card = page.locator('.attract-announcements .announcement-card', { hasText: 'Ngày hội đọc sách của tỉnh' });
    await expect(card).toContainText('Mời bà con đến nhà văn hóa xã đọc sách và nghe kể chuyện.');
    await snapshot(page, 'portal-push-kiosk-idle');

    // The portal counts one kiosk that applied it.
    await portal.reload();
    const cells = portal.getByRole('row', { name: /Ngày hội đọc sách của tỉnh/ }).getByRole('cell');
    await expect(cells.nth(5)).toHaveText('1');
    await expect(cells.nth(6)).toHaveText('0');
    const axe = await new AxeBuilder({ page: portal }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
    await snapshot(portal, 'portal-pushes-vi');
    await portal.getByRole('link', { name: 'English' }).click();
    await expect(portal.getByRole('heading', { name: 'Push to kiosks', level: 1 })).toBeVisible();
    await snapshot(portal, 'portal-pushes-en');
  } finally {
    collector.process.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
});
