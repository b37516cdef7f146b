// The staff reports page: figures for a half-year against last year and the programme targets,
// the chart, an XLSX export, and sending the figures to a provincial collector started for the test.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCollectorProcess } from './collector-process';
import { collectorEntry, distDir, expect, snapshot, test } from './fixtures';
import { testClockArgs } from '../support/clock';

const root = fileURLToPath(new URL('../../', import.meta.url));

async function signIn(page: Page) {
  await page.getByLabel('Số thẻ cán bộ').fill('NV0001');
  await page.getByLabel('Mã PIN', { exact: true }).click();
  for (const digit of '147258') await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

/** Writes a hand-made history straight into the kiosk's event log (as the features would). */
function seedHistory(dataDir: string, year: number) {
  const db = new Database(join(dataDir, 'kiosk.sqlite'));
  db.pragma('busy_timeout = 5000');
  const insert = db.prepare('INSERT INTO events (at, day, type, payload) VALUES (?, ?, ?, ?)');
  const dims = { category: 'adult', gender: 'female', ageBand: '36-59' };
  db.transaction(() => {
    for (const [y, loansPerMonth] of [
      [year - 1, 10],
      [year, 12],
    ] as const) {
      for (let m = 1; m <= 6; m++) {
        for (let i = 0; i < loansPerMonth + m; i++) {
          const day = `${y}-${String(m).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}`;
          insert.run(
            `${day}T03:00:00.000Z`,
            day,
            'loan.checkout',
            JSON.stringify({
              loanId: i,
              patronId: 1 + (i % 5),
              itemId: i,
              recordId: 1,
              collectionKind: i % 4 ? 'own' : 'rotation',
              dueDate: day,
              overrideBy: null,
              ...dims,
            }),
          );
          insert.run(
            `${day}T03:00:00.000Z`,
            day,
            'patron.signed_in',
            JSON.stringify({ patronId: 1 + (i % 5), service: 'circulation', method: 'card', ...dims }),
          );
        }
      }
    }
  })();
  db.close();
}

/** The kiosk's year in Vietnam at the test's instant. */
function kioskYear(at: number): number {
  return Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(at));
}

test('reports for a half-year, exports XLSX, and sends the figures to the province', async ({ page, kiosk }) => {
  const year = kioskYear(kiosk.startedAt);
  seedHistory(kiosk.dataDir, year);

  await page.goto(`${kiosk.url}#/staff`);
  await signIn(page);
  await page.getByRole('button', { name: 'Báo cáo thống kê' }).click();
  await expect(page).toHaveURL(/#\/staff\/reports$/);
  await expect(page.getByRole('heading', { name: 'Chỉ tiêu của Chương trình xây dựng xã hội học tập' })).toBeVisible();

  // First half of this year: 12+1 … 12+6 = 93 loans; last year 10+1 … 10+6 = 81 (+14.8 %).
  await page.getByLabel('Kỳ khác').fill(`${year}-H1`);
  await page.getByRole('button', { name: 'Xem' }).click();
  await expect(page.getByTestId('stats-range')).toContainText(`${year}-H1`);
  await expect(page.getByTestId('row-loans')).toContainText('93');
  await expect(page.getByTestId('row-loans')).toContainText('81');
  await expect(page.getByTestId('row-loans')).toContainText('+14,8 %');
  await expect(page.getByTestId('target-items_served')).toContainText('Đạt');
  await expect(page.getByRole('img', { name: 'Lượt tài liệu phục vụ' })).toBeVisible();
  await expect(page.getByText('Kiosk chưa đăng ký với máy chủ thống kê')).toBeVisible();
  await snapshot(page, 'statistics-report');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải Excel (XLSX)' }).click()]);
  expect(download.suggestedFilename()).toBe(`bao-cao-thong-ke-00000-${year}-H1.xlsx`);
  const file = await download.path();
  expect(readFileSync(file!).subarray(0, 2).toString()).toBe('PK');

  // The province: a collector with this terminal registered, the kiosk enrolled by the technician's CLI.
  const dir = mkdtempSync(join(tmpdir(), 'collector-e2e-'));
  const collector = await startCollectorProcess(join(dir, 'collector.sqlite'), kiosk.startedAt);
  try {
    const add = spawnSync(
      process.execPath,
      [
        collectorEntry(),
        'terminal',
        'add',
        '--commune',
        '00000',
        '--commune-name',
        'Xã Minh Hòa',
        '--province',
        '27',
        '--name',
        'Kiosk phòng đọc',
        '--json',
        '--db',
        join(dir, 'collector.sqlite'),
        ...testClockArgs(kiosk.startedAt),
      ],
      { cwd: root, encoding: 'utf8' },
    );
    const { code } = JSON.parse(add.stdout) as { code: string };
    const enrol = spawnSync(
      process.execPath,
      [join(distDir, 'cli.mjs'), 'enrol', collector.url, code, '--data-dir', kiosk.dataDir, '--json', ...testClockArgs(kiosk.startedAt)],
      { cwd: root, encoding: 'utf8' },
    );
    expect(JSON.parse(enrol.stdout)).toMatchObject({ ok: true, communeName: 'Xã Minh Hòa' });

    await page.reload();
    await signIn(page);
    await expect(page.getByRole('button', { name: 'Gửi ngay' })).toBeVisible();
    // The kiosk's own first attempt (20 s after start) may already have sent the days by the time the
    // enrolment lands on a loaded machine; either way "Gửi ngay" answers, and nothing is left to send.
    await page.getByRole('button', { name: 'Gửi ngay' }).click();
    await expect(page.getByText(/Đã gửi \d+ ngày số liệu\./)).toBeVisible();
    await expect(page.getByTestId('upload-pending')).toHaveText('0 ngày');
    await expect(page.getByTestId('upload-last-success')).not.toHaveText('chưa có');
    await snapshot(page, 'statistics-upload');

    // The province's first administrator, created from the collector's CLI, signs in to the portal.
    const admin = spawnSync(
      process.execPath,
      [collectorEntry(), 'admin', 'create', 'quantri', '--name', 'Nguyễn Thị Lan', '--db', join(dir, 'collector.sqlite')],
      { cwd: root, encoding: 'utf8', input: 'mat-khau-thu-nghiem\n' },
    );
    expect(admin.stdout).toContain('Đã tạo tài khoản quantri');
    const dashboard = await page.context().newPage();
    await dashboard.goto(`${collector.url}?period=${year}-H1`);
    await dashboard.getByLabel('Tên đăng nhập').fill('quantri');
    await dashboard.getByLabel('Mật khẩu').fill('mat-khau-thu-nghiem');
    await dashboard.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(dashboard.getByRole('cell', { name: 'Xã Minh Hòa' }).first()).toBeVisible();
    // The 93 loans of the half-year reached the province: the signed-in export carries them.
    const csv = await (await dashboard.request.get(`${collector.url}export.csv?period=${year}-H1`)).text();
    expect(
      csv
        .split('\r\n')
        .find((line) => line.includes('Xã Minh Hòa'))!
        .split(',')[8],
    ).toBe('93');
    await snapshot(dashboard, 'statistics-collector-dashboard');
  } finally {
    collector.process.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a period that is not understood says how to write one, next to the box, and the report shown stays', async ({ page, kiosk }) => {
  await page.goto(`${kiosk.url}#/staff/reports`);
  await signIn(page);
  await expect(page.getByRole('heading', { name: 'Tất cả chỉ tiêu' })).toBeVisible();
  const box = page.getByLabel('Kỳ khác');
  await page.getByRole('button', { name: 'Xem' }).click();
  await expect(page.locator('#stats-custom-error')).toHaveText('Ô này còn trống. Vui lòng nhập vào rồi bấm “Xem”.');
  await box.fill('năm ngoái');
  await expect(page.locator('#stats-custom-error')).toHaveCount(0);
  await page.getByRole('button', { name: 'Xem' }).click();
  await expect(page.locator('#stats-custom-error')).toHaveText('Kỳ báo cáo không đúng dạng. Ví dụ: 2026-H1, 2026-Q3, 2026-05, 2026-01-01..2026-03-31.');
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('.banner.error')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Tất cả chỉ tiêu' })).toBeVisible();
  await snapshot(page, 'statistics-period-field-error-vi');
});

test('the reports page passes axe (WCAG 2.2 AA) with large touch targets', async ({ page, kiosk }) => {
  seedHistory(kiosk.dataDir, kioskYear(kiosk.startedAt));
  await page.goto(`${kiosk.url}#/staff/reports`);
  await signIn(page);
  await expect(page.getByRole('heading', { name: 'Tất cả chỉ tiêu' })).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual(
    [],
  );
  const small = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.stats-page button, .stats-page input, .stats-page select')]
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.height < 48 || box.width < 48)
      .map(({ el, box }) => `${el.tagName} ${(el.textContent ?? '').trim()} ${Math.round(box.width)}x${Math.round(box.height)}`),
  );
  expect(small).toEqual([]);
});
