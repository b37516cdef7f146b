// The staff area: sign-in with card + PIN keypad, staff home, a staff page, sign-out, wrong PIN,
// pages hidden by role, and automatic sign-out after 15 idle minutes.
import type { Page } from '@playwright/test';
import { expect, snapshot, test } from './fixtures';

async function signIn(page: Page, card: string, pin: string) {
  await page.getByLabel('Số thẻ cán bộ').fill(card);
  await page.getByLabel('Mã PIN', { exact: true }).click();
  for (const digit of pin) await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

test('staff signs in with the keypad, opens a page, comes back and signs out', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  await page.getByRole('button', { name: 'Dành cho cán bộ' }).click();
  await expect(page.getByRole('heading', { name: 'Đăng nhập cán bộ' })).toBeVisible();
  await snapshot(page, 'staff-signin');
  await signIn(page, 'NV0001', '147258');

  await expect(page.getByRole('heading', { name: 'Trang cán bộ' })).toBeVisible();
  await expect(page.getByText('Cán bộ văn hóa xã (mẫu) · Cán bộ')).toBeVisible();
  await snapshot(page, 'staff-home');

  await page.getByRole('button', { name: 'Thông tin kiosk' }).click();
  await expect(page).toHaveURL(/#\/staff\/kiosk-info$/);
  await expect(page.getByRole('heading', { name: 'Thông tin kiosk' })).toBeVisible();
  await expect(page.getByText('Dữ liệu mẫu (chưa cấu hình)')).toBeVisible();
  await page.getByRole('button', { name: 'Về trang cán bộ' }).click();
  await expect(page.getByRole('heading', { name: 'Trang cán bộ' })).toBeVisible();

  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page.getByText('Quét thẻ thư viện hoặc mã QR trên CCCD để bắt đầu')).toBeVisible();
  // Signed out for real: the staff area asks for the PIN again.
  await page.getByRole('button', { name: 'Dành cho cán bộ' }).click();
  await expect(page.getByRole('heading', { name: 'Đăng nhập cán bộ' })).toBeVisible();
});

test('a wrong PIN shows a Vietnamese message and clears the PIN; the keyboard alone works too', async ({ page, kiosk }) => {
  await page.goto(`${kiosk.url}#/staff`);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.locator('.banner[role="alert"]')).toHaveText('Chưa có số thẻ cán bộ. Hãy quét thẻ hoặc nhập số thẻ.');

  await page.getByLabel('Số thẻ cán bộ').fill('nv0001');
  await page.keyboard.press('Tab');
  // Typed at human speed: a fast burst is what the keyboard-wedge scanner detector treats as a scan.
  await page.keyboard.type('9999', { delay: 120 });
  await page.keyboard.press('Enter');
  await expect(page.locator('.banner[role="alert"]')).toHaveText('Thẻ cán bộ hoặc mã PIN không đúng. Vui lòng thử lại.');
  await expect(page.getByLabel('Mã PIN', { exact: true })).toHaveValue('');
  await snapshot(page, 'staff-wrong-pin');

  await page.keyboard.type('12', { delay: 120 });
  await page.keyboard.press('Enter');
  await expect(page.locator('.banner[role="alert"]')).toHaveText('Mã PIN gồm 4 đến 12 chữ số. Hãy nhập lại mã PIN.');
});

test('repeated wrong PINs lock the account with the lockout message', async ({ page, kiosk }) => {
  await page.goto(`${kiosk.url}#/staff`);
  await page.getByLabel('Số thẻ cán bộ').fill('NV0001');
  for (let attempt = 0; attempt < 5; attempt += 1) {
    await page.getByLabel('Mã PIN', { exact: true }).fill('0000');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page.getByLabel('Mã PIN', { exact: true })).toHaveValue('');
  }
  await expect(page.locator('.banner[role="alert"]')).toHaveText('Tài khoản tạm khóa do nhập sai mã PIN nhiều lần. Vui lòng thử lại sau 5 phút.');
  await signIn(page, 'NV0001', '147258');
  await expect(page.locator('.banner[role="alert"]')).toHaveText(/Tài khoản tạm khóa do nhập sai mã PIN nhiều lần\. Vui lòng thử lại sau \d+ phút\./);
});

test('technician pages are hidden from staff and shown to technicians', async ({ page, kiosk }) => {
  await page.goto(`${kiosk.url}#/staff`);
  await signIn(page, 'NV0001', '147258');
  await expect(page.getByRole('heading', { name: 'Trang cán bộ' })).toBeVisible();
  const staffTiles = await page.locator('.staff-page-tile').count();
  await page.goto(`${kiosk.url}#/staff/self-test`);
  await expect(page.locator('.banner[role="alert"]')).toHaveText('Trang này chỉ dành cho kỹ thuật viên. Hãy đăng nhập bằng thẻ kỹ thuật viên.');
  await page.getByRole('button', { name: 'Đăng xuất' }).click();

  await page.goto(`${kiosk.url}#/staff`);
  await signIn(page, 'KT0001', '246813');
  await expect(page.getByText('· Kỹ thuật viên')).toBeVisible();
  expect(await page.locator('.staff-page-tile').count()).toBeGreaterThan(staffTiles);
});

test('the staff area signs itself out after 15 idle minutes', async ({ page, kiosk }) => {
  // The page's clock is already the test's (fixtures.ts installs it); here the test moves it.
  await page.goto(`${kiosk.url}#/staff`);
  await signIn(page, 'NV0001', '147258');
  await expect(page.getByRole('heading', { name: 'Trang cán bộ' })).toBeVisible();
  // The last minute is counted down; staying keeps the staff member signed in, here and in the core.
  await page.clock.runFor(14 * 60 * 1000 + 5_000);
  const countdown = page.getByRole('alertdialog', { name: 'Bạn vẫn đang dùng máy chứ?' });
  await expect(countdown.getByTestId('idle-countdown')).toHaveText(/Tự đăng xuất sau (5[0-9]|60) giây/);
  await countdown.getByRole('button', { name: 'Tôi vẫn đang dùng' }).click();
  await expect(countdown).toBeHidden();
  await page.clock.runFor(14 * 60 * 1000);
  await expect(page.getByRole('heading', { name: 'Trang cán bộ' })).toBeVisible();
  await page.clock.runFor(61 * 1000);
  await expect(page.locator('.banner[role="status"]')).toHaveText('Đã tự đăng xuất vì không có thao tác trong 15 phút. Hãy đăng nhập lại để tiếp tục.');
  await expect(page.getByRole('heading', { name: 'Đăng nhập cán bộ' })).toBeVisible();
});

test('a technician runs the self-test from the staff area', async ({ page, kiosk }) => {
  await page.goto(`${kiosk.url}#/staff`);
  await signIn(page, 'KT0001', '246813');
  await page.getByRole('button', { name: 'Tự kiểm tra kiosk' }).click();
  const list = page.getByRole('list', { name: 'Kết quả tự kiểm tra' });
  await expect(list.locator('[data-check="database"]')).toContainText('Cơ sở dữ liệu nguyên vẹn');
  await expect(list.locator('[data-check="config"]')).toHaveAttribute('data-status', 'warning');
  await snapshot(page, 'technician-self-test');
});
