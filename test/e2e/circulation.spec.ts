// Self-service circulation in Chromium: card sign-in and checkout with receipt, return without a
// card, a refusal, CCCD self-registration with consent, and the idle time-out.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { expect, kioskCli, snapshot, startKiosk, stopKiosk, test as base, vietnamDay, type RunningKiosk } from './fixtures';
import { simulateScan } from './scan';

/** The `kiosk` CLI on a data directory, before the host opens it (the test's instant, like the host). */
function cli(dataDir: string, ...args: string[]): unknown {
  return kioskCli([...args, '--data-dir', dataDir]);
}

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
}

const test = base.extend<{ sim: RunningKiosk }>({
  sim: async ({}, use) => {
    const kiosk = await startKiosk({ args: ['--simulate-devices'] });
    await use(kiosk);
    await stopKiosk(kiosk);
  },
});

test('sign in by card → check out two books → due dates → receipt', async ({ page, sim }) => {
  await page.goto(sim.url);
  await expect(page.getByText('Quét thẻ thư viện hoặc mã QR trên CCCD để bắt đầu')).toBeVisible();
  await simulateScan(page, 'BD000003');
  await expect(page).toHaveURL(/#\/circulation/);
  await expect(page.getByRole('heading', { name: /Xin chào/ })).toBeVisible();

  const due = vietnamDay(21); // BD000003 is an adult: 21 days
  await simulateScan(page, 'TV000002');
  await expect(page.locator('li[data-item="TV000002"]')).toContainText(`Hạn trả ${due}`);
  await simulateScan(page, 'TV000004');
  await expect(page.locator('li[data-item="TV000004"]')).toContainText(`Hạn trả ${due}`);
  // The same book scanned again stays one loan.
  await simulateScan(page, 'TV000004');
  await expect(page.getByRole('list', { name: 'Sách vừa mượn' }).locator('li')).toHaveCount(2);
  await snapshot(page, 'circulation-checkout-two-books');
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Sách tôi đang mượn (2)' }).click();
  await expect(page.getByRole('button', { name: /Gia hạn cuốn/ })).toHaveCount(2);
  await page.getByRole('button', { name: 'Quay lại mượn sách' }).click();

  await page.getByRole('button', { name: 'Xong — xem phiếu mượn' }).click();
  await expect(page.getByRole('heading', { name: 'Phiếu mượn sách' })).toBeVisible();
  const receipt = page.getByTestId('receipt-text');
  await expect(receipt).toContainText('Thư viện xã Minh Hòa');
  await expect(receipt).toContainText(`Mã TV000002 - hạn trả ${due}`);
  await expect(receipt).toContainText('Thẻ: BD****03');
  await expect(page.getByTestId('receipt-qr')).toBeVisible();
  await snapshot(page, 'circulation-receipt');
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Xong', exact: true }).click();
  await expect(page.getByText('Quét thẻ thư viện hoặc mã QR trên CCCD để bắt đầu')).toBeVisible();
});

test('return without signing in, by scan and by typed barcode', async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-'));
  cli(dataDir, 'checkout', 'BD000002', 'TV000002', 'TV000004');
  const kiosk = await startKiosk({ dataDir, args: ['--simulate-devices'] });
  try {
    await page.goto(kiosk.url);
    // The home screen listens for scans once it shows; a scan before that has nobody to hear it.
    await expect(page.getByText('Quét thẻ thư viện hoặc mã QR trên CCCD để bắt đầu')).toBeVisible();
    await simulateScan(page, 'TV000002');
    await expect(page.getByRole('heading', { name: 'Trả sách', exact: true })).toBeVisible();
    await expect(page.locator('li[data-item="TV000002"]')).toContainText('Đúng hạn');
    // A resident without a scanner that reads the label types the barcode.
    await page.getByLabel('Hoặc nhập mã vạch sách').fill('tv000004');
    await page.getByRole('button', { name: 'Trả sách', exact: true }).click();
    await expect(page.locator('li[data-item="TV000004"]')).toContainText('Để lên giá trả sách');
    await snapshot(page, 'circulation-return');
    await page.getByRole('button', { name: 'Xong — xem phiếu trả' }).click();
    await expect(page.getByTestId('receipt-text')).toContainText('PHIẾU TRẢ SÁCH');
    expect(cli(dataDir, 'loans', 'BD000002')).toMatchObject({ loans: [] });
  } finally {
    await stopKiosk(kiosk);
  }
});

function isoDay(offsetDays: number): string {
  const [d, m, y] = vietnamDay(offsetDays).split('/');
  return `${y}-${m}-${d}`;
}

test('my loans: an overdue book is highlighted and a book near its due date is renewed', async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-'));
  cli(dataDir, 'checkout', 'BD000004', 'TV000002', 'TV000004');
  // Move the loans back in time: one is 3 days overdue, one is due tomorrow.
  const db = new Database(join(dataDir, 'kiosk.sqlite'));
  db.prepare("UPDATE loans SET due_date = ? WHERE item_id = (SELECT id FROM items WHERE barcode = 'TV000002')").run(isoDay(-3));
  db.prepare("UPDATE loans SET due_date = ? WHERE item_id = (SELECT id FROM items WHERE barcode = 'TV000004')").run(isoDay(1));
  db.close();
  const kiosk = await startKiosk({ dataDir });
  try {
    await page.goto(`${kiosk.url}#/circulation`);
    await page.getByLabel('Hoặc nhập số thẻ thư viện').fill('BD000004');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page.getByText('Bạn có 1 cuốn đã quá hạn trả. Vui lòng trả sớm.')).toBeVisible();
    await page.getByRole('button', { name: 'Sách tôi đang mượn (2)' }).click();
    const overdue = page.locator('li[data-item="TV000002"]');
    await expect(overdue).toHaveClass(/overdue/);
    await expect(overdue).toContainText(`Quá hạn 3 ngày (hạn ${vietnamDay(-3)})`);
    await snapshot(page, 'circulation-my-loans');
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('li[data-item="TV000004"]').getByRole('button', { name: 'Gia hạn' }).click();
    await expect(page.locator('.banner.success')).toContainText(`Hạn trả mới: ${vietnamDay(21)}.`);
    await expect(page.locator('li[data-item="TV000004"]')).toContainText(`Hạn trả ${vietnamDay(21)}`);
  } finally {
    await stopKiosk(kiosk);
  }
});

test('refusals are Vietnamese sentences that say what to do next', async ({ page, kiosk }) => {
  await page.goto(`${kiosk.url}#/circulation`);
  // Manual card entry, as for a card whose barcode will not scan.
  await page.getByLabel('Hoặc nhập số thẻ thư viện').fill('BD000006');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  // Told once, with what to do; not invited to scan books that would each be refused again.
  const refusal = page.locator('.banner.error[role="alert"]');
  await expect(refusal).toContainText('Thẻ của bạn đã hết hạn');
  await expect(refusal).toContainText('gặp cán bộ thư viện để gia hạn thẻ');
  await expect(page.getByText('hết hạn', { exact: false })).toHaveCount(1);
  const problem = page.locator('.circ-problem');
  await expect(problem).toHaveCount(0);
  await expect(page.getByLabel('Hoặc nhập mã vạch sách')).toHaveCount(0);
  await expect(page.getByText('quét mã vạch', { exact: false })).toHaveCount(0);
  await snapshot(page, 'circulation-refusal-expired');
  await page.getByRole('button', { name: 'Xong — đăng xuất' }).click();

  await page.getByLabel('Hoặc nhập số thẻ thư viện').fill('BD000001');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  // As a resident would: wait to be greeted before scanning the first book.
  await expect(page.getByRole('heading', { name: /Xin chào/ })).toBeVisible();
  await page.getByLabel('Hoặc nhập mã vạch sách').fill('TV000001'); // the reference copy
  await page.getByRole('button', { name: 'Mượn', exact: true }).click();
  await expect(problem).toContainText('Sách chỉ đọc tại chỗ');
  await expect(problem).toContainText('không cho mượn về nhà');
});

test('an unknown CCCD leads to the consent screen and a new printable card', async ({ page, sim }) => {
  await page.goto(sim.url);
  // 001 Hà Nội, 1 = woman born in the 1900s, 89 = 1989.
  await simulateScan(page, '001189012345|123456789|Nguyễn Thị Lan|12041989|Nữ|Thôn Đông, xã Minh Hòa|01012021');
  await expect(page.getByRole('heading', { name: 'Chào Nguyễn Thị Lan, bạn chưa có thẻ thư viện' })).toBeVisible();
  await expect(page.getByText('Năm sinh: 1989')).toBeVisible();
  await expect(page.getByText(/Số CCCD, địa chỉ, ngày cấp và toàn bộ nội dung mã QR không được lưu/)).toBeVisible();
  await snapshot(page, 'circulation-consent');
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByLabel('Thôn / tổ dân phố (không bắt buộc)').fill('Thôn Đông');
  await page.getByRole('button', { name: 'Đồng ý và làm thẻ' }).click();
  await expect(page.getByText(/Số thẻ của bạn là BD000007[A-Z]\./)).toBeVisible();
  await expect(page.getByTestId('library-card').locator('svg[data-barcode^="BD000007"] rect').first()).toBeAttached();
  await snapshot(page, 'circulation-new-card');
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await expect(page.getByRole('heading', { name: 'Xin chào Lan N.' })).toBeVisible();
  await page.getByRole('button', { name: 'Xong — đăng xuất' }).click();

  // Next time the same CCCD signs straight in.
  await simulateScan(page, '001189012345|123456789|Nguyễn Thị Lan|12041989|Nữ|Thôn Đông, xã Minh Hòa|01012021');
  await expect(page.getByRole('heading', { name: 'Xin chào Lan N.' })).toBeVisible();
});

test('an idle session ends with a countdown and leaves nothing for the next resident', async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-'));
  writeFileSync(
    join(dataDir, 'kiosk.config.json'),
    JSON.stringify({ library: { name: 'Thư viện xã Thử Nghiệm', communeCode: '12345' }, circulation: { idleSeconds: 12, countdownSeconds: 8 } }),
  );
  // A new card carries a check character (BD000001 plus a letter): type the number the CLI issued.
  const added = cli(dataDir, 'patron', 'add', '--name', 'Phạm Văn Bình', '--category', 'adult', '--birth-year', '1975') as { patron: { cardNumber: string } };
  const kiosk = await startKiosk({ dataDir });
  try {
    await page.goto(`${kiosk.url}#/circulation`);
    await page.getByLabel('Hoặc nhập số thẻ thư viện').fill(added.patron.cardNumber);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page.getByRole('heading', { name: 'Xin chào Bình P.' })).toBeVisible();
    const countdown = page.getByTestId('idle-countdown');
    await expect(countdown).toContainText(/Máy sẽ về màn hình chính sau \d giây/, { timeout: 12_000 });
    await snapshot(page, 'circulation-idle-countdown');
    // Touching the screen keeps the session...
    await page.getByRole('button', { name: 'Tôi vẫn đang dùng' }).click();
    await expect(countdown).toBeHidden();
    await expect(page.getByRole('heading', { name: 'Xin chào Bình P.' })).toBeVisible();
    // ...and leaving it alone ends it: home screen, and the resident's name is gone.
    await expect(page.getByText('Quét thẻ thư viện hoặc mã QR trên CCCD để bắt đầu')).toBeVisible({ timeout: 20_000 });
    await page.getByRole('button', { name: /Mượn \/ trả sách/ }).click();
    await expect(page.getByRole('heading', { name: 'Mượn sách' })).toBeVisible();
    await expect(page.getByText('Phạm Văn Bình')).toHaveCount(0);
  } finally {
    await stopKiosk(kiosk);
  }
});

test('staff block and unblock a card, issue and print a card, and override a refusal', async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-'));
  cli(dataDir, 'checkout', 'BD000003', 'TV000002'); // seeds the demo data and one loan
  const kiosk = await startKiosk({ dataDir });
  try {
    await page.goto(kiosk.url);
    await page.getByRole('button', { name: 'Dành cho cán bộ' }).click();
    await page.getByLabel('Số thẻ cán bộ').fill('NV0001');
    await page.getByLabel('Mã PIN', { exact: true }).click();
    for (const digit of '147258') await page.getByRole('button', { name: digit, exact: true }).click();
    await page.getByRole('button', { name: 'Đăng nhập' }).click();

    await page.getByRole('button', { name: 'Bạn đọc và thẻ' }).click();
    await page.getByRole('button', { name: 'Tất cả' }).click();
    const row = page.locator('tr[data-card="BD000002"]');
    await page.getByLabel('Lý do (ghi trước khi khóa thẻ hoặc gia hạn thẻ)').fill('Làm rách sách');
    await row.getByRole('button', { name: 'Khóa thẻ' }).click();
    await expect(page.locator('.banner.success')).toContainText('Đã cập nhật thẻ BD000002: Bị khóa.');
    await expect(row).toContainText('Bị khóa');
    await row.getByRole('button', { name: 'Mở khóa' }).click();
    await expect(row).toContainText('Đang hoạt động');

    await page.getByLabel('Họ và tên').fill('Đỗ Thị Hoa');
    await page.getByLabel('Năm sinh').fill('1950');
    await page.getByLabel('Loại bạn đọc').selectOption('senior');
    await page.getByLabel(/Bạn đọc đã được đọc cho nghe thông tin sẽ lưu/).check();
    await page.getByRole('button', { name: 'Cấp thẻ' }).click();
    await expect(page.getByTestId('library-card')).toContainText('Đỗ Thị Hoa');
    await expect(page.getByTestId('library-card').locator('svg[data-barcode^="BD000007"]')).toBeAttached();
    await snapshot(page, 'circulation-staff-new-card');
    await page.getByRole('button', { name: 'Đóng' }).click();

    await page.getByRole('button', { name: 'Về trang cán bộ' }).click();
    await page.getByRole('button', { name: 'Cho mượn ngoại lệ' }).click();
    await page.getByLabel('Số thẻ bạn đọc').fill('BD000006');
    await page.getByLabel('Mã vạch sách').fill('TV000004');
    await page.getByLabel('Lý do cho mượn ngoại lệ').fill('Bạn đọc đã nộp đơn gia hạn thẻ');
    await page.getByRole('button', { name: 'Cho mượn' }).click();
    await expect(page.locator('.banner.success')).toContainText('Đã cho mượn');
    expect(cli(dataDir, 'loans', 'BD000006')).toMatchObject({ loans: [expect.objectContaining({ item: 'TV000004' })] });

    // The expired card is renewed by the card period, with the reason typed first.
    await page.getByRole('button', { name: 'Về trang cán bộ' }).click();
    await expect(page.getByRole('heading', { name: 'Chức năng' })).toBeVisible();
    await page.getByRole('button', { name: 'Bạn đọc và thẻ' }).click();
    await page.getByRole('button', { name: 'Tất cả' }).click();
    const expired = page.locator('tr[data-card="BD000006"]');
    await expect(expired).toContainText('Hết hạn');
    await page.getByLabel('Lý do (ghi trước khi khóa thẻ hoặc gia hạn thẻ)').fill('Gia hạn hằng năm');
    await expired.getByRole('button', { name: 'Gia hạn thẻ' }).click();
    await expect(page.locator('.banner.success')).toContainText('Đã gia hạn thẻ BD000006 đến hết ngày');
    await expect(expired).toContainText('Đang hoạt động');
    await snapshot(page, 'circulation-staff-card-renewed');
    expect(cli(dataDir, 'patron', 'show', 'BD000006')).toMatchObject({ patron: { expired: false } });
  } finally {
    await stopKiosk(kiosk);
  }
});
