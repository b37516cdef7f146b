// Residents' PIN and rights in Chromium (issue #16): a category that requires the resident PIN
// cannot borrow on a scanned or typed card without it, and can with it (staff set it on Bạn đọc và
// thẻ, the resident types it on the on-screen digits); and an erase request handled at the staff
// desk with its receipt. Screenshots at 1366×768 in Vietnamese and English, and in large text.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { hashPin } from '../../electron/core/staff/pin';
import { expect, openHome, kioskCli, snapshot, startKiosk, stopKiosk, test } from './fixtures';
import { simulateScan } from './scan';

const STAFF = { card: 'NV0001', pin: '147258' };

function cli(dataDir: string, ...args: string[]): unknown {
  return kioskCli([...args, '--data-dir', dataDir]);
}

async function staffSignIn(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: /Dành cho cán bộ|For staff/ }).click();
  await page.getByLabel(/Số thẻ cán bộ|Staff card number/).fill(STAFF.card);
  await page.getByLabel(/^(Mã PIN|PIN)$/).click();
  for (const digit of STAFF.pin) await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: /^(Đăng nhập|Sign in)$/ }).click();
}

async function openRecord(page: Page, card: string): Promise<void> {
  await page.getByRole('button', { name: /Bạn đọc và thẻ|Readers and cards/ }).click();
  await page.getByRole('button', { name: /^(Tất cả|All)$/ }).click();
  await page.locator(`tr[data-card="${card}"]`).getByRole('button', { name: /^(Hồ sơ|Record)$/ }).click();
}

test('a resident whose category requires a PIN borrows only after typing it, on a scanned or a typed card', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-'));
  writeFileSync(
    join(dataDir, 'kiosk.config.json'),
    JSON.stringify({
      library: { name: 'Thư viện xã Thử Nghiệm', communeCode: '12345' },
      circulation: {
        categories: [
          { id: 'adult', name: 'Người lớn', policy: { loanDays: 21, maxLoans: 5, renewals: 2 }, requirePin: true },
          { id: 'child', name: 'Trẻ em', policy: { loanDays: 14, maxLoans: 3, renewals: 1 } },
        ],
      },
    }),
  );
  cli(dataDir, 'catalogue', 'import', resolve('resources/catalogue/mau-nhap-sach.csv'));
  // A card made before the category required a PIN: it has none yet.
  const card = (cli(dataDir, 'patron', 'add', '--name', 'Phạm Văn Bình', '--category', 'adult', '--birth-year', '1975') as { patron: { cardNumber: string } }).patron.cardNumber;
  const db = new Database(join(dataDir, 'kiosk.sqlite'));
  db.prepare("INSERT INTO staff (card_number, display_name, role, pin_hash, created_at) VALUES (?, 'Cán bộ Thử', 'staff', ?, '2026-01-01')").run(STAFF.card, await hashPin(STAFF.pin));
  db.close();
  const kiosk = await startKiosk({ dataDir });
  try {
    // Without a PIN on the card, the scan is refused with what to do.
    await openHome(page, kiosk.url);
    await simulateScan(page, card);
    await expect(page.locator('.circ-problem')).toContainText('gặp cán bộ thư viện để đặt mã PIN');
    await expect(page.getByRole('heading', { name: /Xin chào/ })).toHaveCount(0);

    // Staff set the resident's PIN on the resident's record.
    await staffSignIn(page, kiosk.url);
    await openRecord(page, card);
    await expect(page.getByRole('heading', { name: `Thông tin thư viện đang lưu về thẻ ${card}` })).toBeVisible();
    await page.getByLabel('Mã PIN mới (bạn đọc tự gõ)').fill('2580');
    await page.getByRole('button', { name: 'Đặt mã PIN' }).click();
    await expect(page.locator('.banner.success')).toContainText(`Đã đặt mã PIN cho thẻ ${card}.`);
    await snapshot(page, 'rights-staff-record-pin-1366x768-vi');
    await page.getByRole('button', { name: 'Đóng' }).click();
    await page.getByRole('button', { name: /Đăng xuất/ }).first().click();

    // Scanned: the PIN screen comes first; a wrong PIN is said, the right one signs in.
    await openHome(page, kiosk.url);
    await simulateScan(page, card);
    await expect(page.getByRole('heading', { name: 'Nhập mã PIN của bạn' })).toBeVisible();
    await snapshot(page, 'rights-resident-pin-1366x768-vi');
    for (const digit of '9137') await page.getByRole('button', { name: digit, exact: true }).click();
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await expect(page.locator('.circ-problem')).toContainText('Mã PIN không đúng');
    await expect(page.getByRole('heading', { name: 'Nhập mã PIN của bạn' })).toBeVisible();
    for (const digit of '2580') await page.getByRole('button', { name: digit, exact: true }).click();
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await expect(page.getByRole('heading', { name: 'Xin chào Bình P.' })).toBeVisible();
    await simulateScan(page, 'TV900001');
    await expect(page.locator('li[data-item="TV900001"]')).toContainText('Hạn trả');

    // Signed in with the PIN, "Thông tin của tôi" shows the whole record.
    await page.getByRole('button', { name: 'Thông tin của tôi' }).click();
    await expect(page.getByText('Phạm Văn Bình')).toBeVisible();
    await expect(page.getByText('Kỹ thuật trồng lúa nước')).toBeVisible();
    await snapshot(page, 'rights-my-data-1366x768-vi');
    await page.getByRole('button', { name: 'Quay lại mượn sách' }).click();
    await page.getByRole('button', { name: /Xong/ }).click();
    await page.getByRole('button', { name: 'Xong', exact: true }).click();

    // Typed: the same PIN screen; cancelling it leaves nobody signed in.
    await page.getByRole('button', { name: /Mượn \/ trả sách/ }).click();
    await page.getByLabel('Hoặc nhập số thẻ thư viện').fill(card);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page.getByRole('heading', { name: 'Nhập mã PIN của bạn' })).toBeVisible();
    await page.getByRole('button', { name: 'Huỷ' }).click();
    await expect(page.getByRole('heading', { name: /Xin chào/ })).toHaveCount(0);
    await page.getByLabel('Hoặc nhập số thẻ thư viện').fill(card);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByLabel('Mã PIN', { exact: true }).fill('2580');
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await expect(page.getByRole('heading', { name: 'Xin chào Bình P.' })).toBeVisible();
    await simulateScan(page, 'TV900003');
    await expect(page.locator('li[data-item="TV900003"]')).toContainText('Hạn trả');
    expect(cli(dataDir, 'loans', card)).toMatchObject({ loans: [expect.objectContaining({ item: 'TV900001' }), expect.objectContaining({ item: 'TV900003' })] });
  } finally {
    await stopKiosk(kiosk);
  }
});

test('staff erase a resident on request from Bạn đọc và thẻ, and print the receipt', async ({ page, kiosk }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await staffSignIn(page, kiosk.url);
  await openRecord(page, 'BD000002');
  await expect(page.getByRole('heading', { name: 'Thông tin thư viện đang lưu về thẻ BD000002' })).toBeVisible();
  await snapshot(page, 'rights-staff-record-1366x768-vi');
  await page.getByRole('heading', { name: 'Xóa thông tin theo yêu cầu' }).scrollIntoViewIfNeeded();
  await page.getByRole('region', { name: 'Xóa thông tin theo yêu cầu' }).getByLabel('Lý do').selectOption('resident_request');
  await page.getByRole('button', { name: 'Xóa thông tin bạn đọc…' }).click();
  await expect(page.getByRole('alertdialog')).toContainText('Xóa hẳn thông tin của thẻ BD000002?');
  await page.getByRole('button', { name: 'Xóa hẳn' }).click();
  await expect(page.getByRole('heading', { name: 'Đã xóa thông tin bạn đọc' })).toBeVisible();
  const receipt = page.getByTestId('erasure-receipt');
  await expect(receipt).toContainText('GIẤY XÁC NHẬN XÓA THÔNG TIN BẠN ĐỌC');
  await expect(receipt).toContainText('Thẻ: BD000002');
  await snapshot(page, 'rights-erasure-receipt-1366x768-vi');
  await page.getByRole('button', { name: 'Đóng' }).click();
  await expect(page.locator('tr[data-card="BD000002"]')).toHaveCount(0);
  expect(cli(kiosk.dataDir, 'patron', 'show', 'BD000002')).toMatchObject({ patron: { fullName: '', phone: null, birthYear: null } });
});

test('the record and the erase form in English and in large text', async ({ page, kiosk }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(kiosk.url);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: /Chữ lớn|Large text/ }).click();
  await page.getByRole('button', { name: /For staff|Dành cho cán bộ/ }).click();
  await page.getByLabel(/Staff card number|Số thẻ cán bộ/).fill(STAFF.card);
  await page.getByLabel(/^(Mã PIN|PIN)$/).click();
  for (const digit of STAFF.pin) await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: /^(Sign in|Đăng nhập)$/ }).click();
  await openRecord(page, 'BD000003');
  await expect(page.getByRole('heading', { name: 'What the library keeps about card BD000003' })).toBeVisible();
  await snapshot(page, 'rights-staff-record-1366x768-en-large');
  await page.getByRole('heading', { name: 'Erase on request' }).scrollIntoViewIfNeeded();
  await snapshot(page, 'rights-staff-erase-1366x768-en-large');
});

test('the staff home warns of residents past the retention period, and staff anonymise them after confirming', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-'));
  // The demo data is made at one instant; the kiosk then runs three years and a month later, nobody having come back.
  kioskCli(['patron', 'show', 'BD000001', '--data-dir', dataDir], '2026-12-02T10:00:00+07:00');
  const kiosk = await startKiosk({ dataDir, at: '2030-01-09T10:00:00+07:00' });
  try {
    await page.clock.setSystemTime(kiosk.startedAt);
    await staffSignIn(page, kiosk.url);
    const warning = page.locator('[data-attention="retention_due"]');
    await expect(warning).toContainText('Bạn đọc quá thời hạn lưu giữ');
    const due = Number(/(\d+) bạn đọc/.exec((await warning.textContent()) ?? '')?.[1]);
    expect(due).toBeGreaterThan(0);
    await snapshot(page, 'rights-staff-home-retention-1366x768-vi');
    await warning.getByRole('button').click();
    const panel = page.locator(`[data-retention-due="${due}"]`);
    await expect(panel).toContainText(`${due} bạn đọc không đến thư viện hơn 3 năm`);
    await panel.getByRole('button', { name: `Ẩn danh ${due} bạn đọc…` }).click();
    await snapshot(page, 'rights-retention-confirm-1366x768-vi');
    await panel.getByRole('button', { name: `Ẩn danh ${due} bạn đọc`, exact: true }).click();
    await expect(page.locator('.banner.success')).toContainText(`Đã ẩn danh ${due} bạn đọc.`);
    await expect(page.locator('[data-retention-due]')).toHaveCount(0);
  } finally {
    await stopKiosk(kiosk);
  }
});
