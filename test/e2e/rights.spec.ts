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
import { openRecord } from './screens';
import { simulateScan } from './scan';
import { printed } from './print';

const STAFF = { card: 'NV0001', pin: '147258' };

function cli(dataDir: string, ...args: string[]): unknown {
  return kioskCli([...args, '--data-dir', dataDir]);
}

async function staffSignIn(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await staffSignInHere(page);
}

/** Signs staff in from the home screen already open (its language and text size kept). */
async function staffSignInHere(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Dành cho cán bộ|For staff/ }).click();
  await page.getByLabel(/Số thẻ cán bộ|Staff card number/).fill(STAFF.card);
  await page.getByLabel(/^(Mã PIN|PIN)$/).click();
  for (const digit of STAFF.pin) await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: /^(Đăng nhập|Sign in)$/ }).click();
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
  const card = (cli(dataDir, 'patron', 'add', '--name', 'Phạm Văn Bình', '--category', 'adult', '--birth-year', '1975') as { patron: { cardNumber: string } })
    .patron.cardNumber;
  const db = new Database(join(dataDir, 'kiosk.sqlite'));
  db.prepare("INSERT INTO staff (card_number, display_name, role, pin_hash, created_at) VALUES (?, 'Cán bộ Thử', 'staff', ?, '2026-01-01')").run(
    STAFF.card,
    await hashPin(STAFF.pin),
  );
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
    await page
      .getByRole('button', { name: /Đăng xuất/ })
      .first()
      .click();

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
    await page.getByRole('button', { name: 'Hủy' }).click();
    await expect(page.getByRole('heading', { name: /Xin chào/ })).toHaveCount(0);
    await page.getByLabel('Hoặc nhập số thẻ thư viện').fill(card);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByLabel('Mã PIN', { exact: true }).fill('2580');
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await expect(page.getByRole('heading', { name: 'Xin chào Bình P.' })).toBeVisible();
    await simulateScan(page, 'TV900003');
    await expect(page.locator('li[data-item="TV900003"]')).toContainText('Hạn trả');
    expect(cli(dataDir, 'loans', card)).toMatchObject({
      loans: [expect.objectContaining({ item: 'TV900001' }), expect.objectContaining({ item: 'TV900003' })],
    });
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
  await expect(page.getByText('Đã xóa thông tin bạn đọc', { exact: true })).toBeVisible();
  const receipt = page.getByTestId('erasure-receipt');
  await expect(receipt.getByRole('heading', { name: 'Giấy xác nhận xóa thông tin bạn đọc' })).toBeVisible();
  await expect(receipt).toContainText('BD000002');
  await expect(receipt).toContainText('Theo yêu cầu của bạn đọc');
  await snapshot(page, 'rights-erasure-receipt-1366x768-vi');
  // The printer gets the receipt alone: no buttons, no staff menu.
  const paper = await printed(page, 'rights-erasure-receipt-print-vi');
  expect(paper).toContain('Giấy xác nhận xóa thông tin bạn đọc');
  expect(paper).toContain('Cán bộ thư viện (ký, ghi rõ họ tên)');
  expect(paper).not.toContain('In giấy xác nhận');
  await page.getByRole('button', { name: 'Đóng' }).click();
  await expect(page.locator('tr[data-card="BD000002"]')).toHaveCount(0);
  expect(cli(kiosk.dataDir, 'patron', 'show', 'BD000002')).toMatchObject({ patron: { fullName: '', phone: null, birthYear: null } });
});

test('the record and the erase form in English and in large text', async ({ page, kiosk }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(kiosk.url);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: /Chữ lớn|Large text/ }).click();
  await staffSignInHere(page);
  await openRecord(page, 'BD000003');
  await expect(page.getByRole('heading', { name: 'What the library keeps about card BD000003' })).toBeVisible();
  await snapshot(page, 'rights-staff-record-1366x768-en-large');
  await page.getByRole('heading', { name: 'Erase on request' }).scrollIntoViewIfNeeded();
  await snapshot(page, 'rights-staff-erase-1366x768-en-large');
  // On an English screen the receipt the resident takes home is in English, on paper too.
  await page.getByRole('region', { name: 'Erase on request' }).getByLabel('Reason').selectOption('moved_away');
  await page.getByRole('button', { name: /^Erase the resident's information/ }).click();
  await page.getByRole('button', { name: 'Erase for good' }).click();
  const receipt = page.getByTestId('erasure-receipt');
  await expect(receipt.getByRole('heading', { name: "Receipt: a resident's information erased" })).toBeVisible();
  await expect(receipt).toContainText('The resident moved away');
  await expect(receipt).not.toContainText('Thẻ');
  await snapshot(page, 'rights-erasure-receipt-1366x768-en-large');
  const paper = await printed(page, 'rights-erasure-receipt-print-en');
  expect(paper).toContain("Receipt: a resident's information erased");
  expect(paper).toContain('This card can no longer be used.');
  expect(paper).not.toMatch(/Giấy xác nhận|Lý do/);
});

test('the staff home says who the kiosk will anonymise on which day; staff keep one still in touch and anonymise the rest now', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-'));
  // The demo data is made at one instant; the kiosk then runs three years and a month later, nobody
  // having come back: its daily run tells staff today, so the automatic day is 30 days on (8 February).
  kioskCli(['patron', 'show', 'BD000001', '--data-dir', dataDir], '2026-12-02T10:00:00+07:00');
  const kiosk = await startKiosk({ dataDir, at: '2030-01-09T10:00:00+07:00' });
  try {
    await page.clock.setSystemTime(kiosk.startedAt);
    await staffSignIn(page, kiosk.url);
    const warning = page.locator('[data-attention="retention_notice"]');
    await expect(warning).toContainText('Sắp ẩn danh bạn đọc lâu không đến');
    await expect(warning).toContainText('Ngày 08/02/2030, kiosk sẽ tự ẩn danh');
    const scheduled = Number(/ẩn danh (\d+) bạn đọc/.exec((await warning.textContent()) ?? '')?.[1]);
    expect(scheduled).toBeGreaterThan(1);
    await snapshot(page, 'rights-staff-home-retention-1366x768-vi');
    await warning.getByRole('button').click();
    const panel = page.locator('.circ-retention');
    await expect(panel).toHaveAttribute('data-retention-scheduled', String(scheduled));
    await expect(panel).toContainText(`${scheduled} bạn đọc sẽ được ẩn danh tự động, sớm nhất ngày 08/02/2030`);
    await expect(panel.locator('tr[data-card="BD000003"]')).toContainText('08/02/2030');
    await snapshot(page, 'rights-retention-panel-1366x768-vi');
    // BD000003 telephoned the library: staff keep them; it counts as a visit today.
    await panel.getByRole('button', { name: 'Bạn đọc BD000003 vẫn liên hệ với thư viện: giữ lại thông tin' }).click();
    await expect(page.locator('.banner.success')).toContainText('Đã giữ lại thẻ BD000003');
    await expect(page.locator('.banner.success')).toContainText('09/01/2033');
    await expect(panel).toHaveAttribute('data-retention-scheduled', String(scheduled - 1));
    await expect(panel.locator('tr[data-card="BD000003"]')).toHaveCount(0);
    // The rest are past the period: staff need not wait for the day.
    await panel.getByRole('button', { name: `Ẩn danh ngay ${scheduled - 1} bạn đọc đã quá hạn…` }).click();
    await snapshot(page, 'rights-retention-confirm-1366x768-vi');
    await panel.getByRole('button', { name: `Ẩn danh ${scheduled - 1} bạn đọc`, exact: true }).click();
    await expect(page.locator('.banner.success')).toContainText(`Đã ẩn danh ${scheduled - 1} bạn đọc.`);
    await expect(page.locator('.circ-retention')).toHaveCount(0);
  } finally {
    await stopKiosk(kiosk);
  }
});

test('the host anonymises by itself on the day it told staff, and the notice reads in English and large text', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-'));
  kioskCli(['patron', 'show', 'BD000001', '--data-dir', dataDir], '2026-12-02T10:00:00+07:00');
  const first = await startKiosk({ dataDir, at: '2030-01-09T10:00:00+07:00' });
  try {
    await page.clock.setSystemTime(first.startedAt);
    await page.goto(first.url);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: /Chữ lớn|Large text/ }).click();
    await staffSignInHere(page);
    const warning = page.locator('[data-attention="retention_notice"]');
    await expect(warning).toContainText('On 08/02/2030 the kiosk will anonymise');
    await snapshot(page, 'rights-staff-home-retention-1366x768-en-large');
    await warning.getByRole('button').click();
    await expect(page.locator('.circ-retention')).toContainText('will be anonymised automatically, the first on 08/02/2030');
    await snapshot(page, 'rights-retention-panel-1366x768-en-large');
  } finally {
    await stopKiosk(first, false);
  }
  // The kiosk is next switched on the morning of 8 February: its start-up run anonymises them.
  const second = await startKiosk({ dataDir, at: '2030-02-08T07:30:00+07:00' });
  try {
    await page.clock.setSystemTime(second.startedAt);
    await staffSignIn(page, second.url);
    await expect(page.locator('ul.figures')).toHaveAttribute('aria-busy', 'false');
    await expect(page.locator('[data-attention="retention_notice"]')).toHaveCount(0);
    const db = new Database(join(dataDir, 'kiosk.sqlite'), { readonly: true });
    try {
      const erased = db.prepare("SELECT count(*) AS n FROM events WHERE type = 'patron.erased' AND json_extract(payload, '$.staffId') IS NULL").get() as {
        n: number;
      };
      expect(erased.n).toBeGreaterThan(1);
      expect(db.prepare("SELECT count(*) AS n FROM patrons WHERE erased_at IS NULL AND full_name <> ''").get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
    // The host's log says how many, never who.
    expect(second.output()).toMatch(/"event":"rights.retention_run".*"anonymised":\d+/);
    expect(second.output()).not.toMatch(/BD0000\d\d/);
  } finally {
    await stopKiosk(second);
  }
});

test('the consent screen names the retention period the kiosk is configured with, in Vietnamese and English', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-'));
  writeFileSync(
    join(dataDir, 'kiosk.config.json'),
    JSON.stringify({ library: { name: 'Thư viện xã Thử Nghiệm', communeCode: '12345' }, circulation: { retentionYears: 5 } }),
  );
  const kiosk = await startKiosk({ dataDir });
  const qr = '001189012345|123456789|Nguyễn Thị Lan|12041989|Nữ|Thôn Đông, xã Minh Hòa|01012021';
  try {
    await openHome(page, kiosk.url);
    await simulateScan(page, qr);
    const retention = page.getByTestId('consent-retention');
    await expect(retention).toHaveText(/^Nếu bạn không đến thư viện 5 năm, thông tin cá nhân được ẩn danh tự động/);
    await retention.scrollIntoViewIfNeeded();
    await snapshot(page, 'rights-consent-retention-1366x768-vi');
    await page.getByRole('button', { name: 'Không, cảm ơn' }).click();

    await openHome(page, kiosk.url);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: /Chữ lớn|Large text/ }).click();
    await simulateScan(page, qr);
    await expect(retention).toHaveText(/^If you do not come to the library for 5 years, your personal details are anonymised automatically/);
    await retention.scrollIntoViewIfNeeded();
    await snapshot(page, 'rights-consent-retention-1366x768-en-large');
  } finally {
    await stopKiosk(kiosk);
  }
});
