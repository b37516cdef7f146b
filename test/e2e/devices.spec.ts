// Devices end to end: the diagnostics page lists the (simulated) devices, a simulated HID POS scan
// reaches the screen with CCCD masked, and a keyboard-wedge scan never lands in the focused field.
import type { Page } from '@playwright/test';
import { expect, snapshot, test } from './fixtures';
import { simulateScan, wedgeScan } from './scan';

const CCCD = '001099012345|123456789|Nguyễn Văn An|01021999|Nam|Thôn 1, xã Minh Hòa|15062021';

async function openDevicesPage(page: Page, url: string) {
  await page.goto(`${url}#/staff`);
  await page.getByLabel('Số thẻ cán bộ').fill('KT0001');
  await page.getByLabel('Mã PIN', { exact: true }).click();
  for (const digit of '246813') await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('button', { name: 'Thiết bị quét' }).click();
  await expect(page.getByRole('heading', { name: 'Thiết bị quét' })).toBeVisible();
}

test('the diagnostics page lists the devices and shows a simulated HID POS scan, CCCD masked', async ({ page, kiosk }) => {
  await openDevicesPage(page, kiosk.url);
  const table = page.getByRole('table', { name: 'Danh sách thiết bị' });
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table.getByText('Máy quét mô phỏng (HID POS)')).toBeVisible();
  await expect(table.getByText('Đang kết nối')).toHaveCount(3);

  const scans = await simulateScan(page, CCCD, 'hid-pos');
  expect(scans).toEqual([expect.objectContaining({ kind: 'cccd', source: 'hid-pos', symbology: 'qr' })]);
  await expect(page.getByTestId('last-scan')).toHaveText('Vừa quét: mã QR trên CCCD (từ máy quét HID POS).');
  const recent = page.getByRole('list', { name: 'Các lần quét gần đây' });
  await expect(recent.getByText('001*******45|…')).toBeVisible();
  await expect(page.getByText('001099012345')).toHaveCount(0);
  await expect(page.getByText('Nguyễn Văn An')).toHaveCount(0);

  await simulateScan(page, 'TV000045', 'hid-keyboard');
  await expect(page.getByTestId('last-scan')).toHaveText('Vừa quét: mã sách (từ đầu đọc bàn phím HID).');
  await snapshot(page, 'devices-diagnostics');
});

test('a wedge scan while a text field is focused does not change the field; typing does', async ({ page, kiosk }) => {
  await openDevicesPage(page, kiosk.url);
  const field = page.getByLabel('Ô thử');
  await field.click();
  await page.keyboard.type('sach', { delay: 120 });
  await expect(field).toHaveValue('sach');

  await wedgeScan(page, kiosk, '9786041234567');
  await expect(page.getByTestId('last-scan')).toHaveText('Vừa quét: mã ISBN (từ máy quét kiểu bàn phím).');
  await expect(field).toHaveValue('sach');
  await expect(field).toBeFocused();

  await wedgeScan(page, kiosk, 'BD000123');
  await expect(page.getByTestId('last-scan')).toHaveText('Vừa quét: thẻ thư viện (từ máy quét kiểu bàn phím).');
  await expect(field).toHaveValue('sach');

  // A person typing the same digits slowly gets them in the field, and no scan.
  await page.keyboard.type('123456', { delay: 120 });
  await expect(field).toHaveValue('sach123456');
  await snapshot(page, 'devices-wedge-trial');
});
