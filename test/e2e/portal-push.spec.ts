// A kiosk and the provincial portal in one test (issue #19): the administrator pushes an
// announcement from the portal, the kiosk pulls it with its next upload (`kiosk upload --now`),
// verifies the portal's signature, shows it on its idle screen, and the portal shows it applied.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAccount } from '../../collector/accounts';
import { registerTerminal } from '../../collector/admin';
import { openSqliteStore } from '../../collector/store/sqlite';
import { localDay } from '../../common/calendar';
import { testClockArgs } from '../support/clock';
import { startCollectorProcess } from './collector-process';
import { distDir, expect, snapshot, test } from './fixtures';

const root = fileURLToPath(new URL('../../', import.meta.url));
const PASSWORD = 'mat-khau-thu-nghiem';

test('the administrator pushes an announcement; the kiosk shows it on its idle screen; the portal shows it applied', async ({ page, kiosk }) => {
  const dir = mkdtempSync(join(tmpdir(), 'portal-push-e2e-'));
  const db = join(dir, 'collector.sqlite');
  // The province registers the terminal and has an administrator (in-process, as the collector's CLI does).
  const store = openSqliteStore(db);
  await store.migrate();
  const { code } = await registerTerminal(
    store,
    { communeCode: '00000', communeName: 'Xã Minh Hòa', provinceCode: '27', name: 'Kiosk phòng đọc' },
    kiosk.startedAt,
  );
  await createAccount(store, { username: 'quantri', displayName: 'Nguyễn Thị Lan', role: 'admin', password: PASSWORD }, kiosk.startedAt);
  await store.close();
  const collector = await startCollectorProcess(db, kiosk.startedAt);
  try {
    // The technician enrols the kiosk: it learns the portal's signing key.
    const enrol = spawnSync(
      process.execPath,
      [join(distDir, 'cli.mjs'), 'enrol', collector.url, code, '--data-dir', kiosk.dataDir, '--json', ...testClockArgs(kiosk.startedAt)],
      { cwd: root, encoding: 'utf8' },
    );
    expect(JSON.parse(enrol.stdout)).toMatchObject({ ok: true, communeName: 'Xã Minh Hòa' });

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

    // The kiosk's next upload (here asked for with the technician's `kiosk upload --now`): the reply carries the
    // push, the kiosk verifies the portal's signature and applies it, and reports back in the same run.
    const upload = spawnSync(
      process.execPath,
      [join(distDir, 'cli.mjs'), 'upload', '--now', '--data-dir', kiosk.dataDir, '--json', ...testClockArgs(kiosk.startedAt)],
      { cwd: root, encoding: 'utf8' },
    );
    expect(JSON.parse(upload.stdout), upload.stderr).toMatchObject({ ok: true, state: { portalKey: { source: 'enrolment' } } });

    // Residents see it on the idle screen.
    await page.goto(kiosk.url);
    const card = page.locator('.attract-announcements .announcement-card', { hasText: 'Ngày hội đọc sách của tỉnh' });
    await expect(card).toContainText('Mời bà con đến nhà văn hóa xã đọc sách và nghe kể chuyện.');
    await snapshot(page, 'portal-push-kiosk-idle');

    // The portal counts one kiosk that applied it.
    await portal.goto(`${collector.url}pushes`); // not reload(): that would post the form again
    const cells = portal.getByRole('row', { name: /Ngày hội đọc sách của tỉnh/ }).getByRole('cell');
    await expect(cells.nth(5)).toHaveText('1');
    await expect(cells.nth(6)).toHaveText('0');
  } finally {
    collector.process.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
});
