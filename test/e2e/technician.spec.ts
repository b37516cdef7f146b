// Technician screens in browser mode: staff-home figures, backups taken and copied to a chosen
// folder (standing in for a USB stick), and the diagnostics bundle export.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, snapshot, test } from './fixtures';

test('a technician backs up, copies the backup and exports diagnostics to a folder', async ({ page, kiosk }) => {
  const usb = mkdtempSync(join(tmpdir(), 'kiosk-usb-'));
  try {
    await page.goto(`${kiosk.url}#/staff`);
    await page.getByLabel('Số thẻ cán bộ').fill('KT0001');
    await page.getByLabel('Mã PIN', { exact: true }).fill('246813');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page.getByRole('heading', { name: 'Hôm nay' })).toBeVisible();
    await expect(page.locator('[data-figure="loans"] .value')).toHaveText(/^\d+$/);
    await snapshot(page, 'staff-home-technician');

    await page.getByRole('button', { name: 'Sao lưu và chẩn đoán' }).click();
    const list = page.getByRole('list', { name: 'Bản sao lưu' });
    // The kiosk took its first daily backup when it started.
    await expect(list.locator('li')).toHaveCount(1);

    await page.getByRole('button', { name: 'Xuất gói chẩn đoán' }).click();
    if (await page.getByLabel('Đường dẫn thư mục đích').inputValue() === '') {
      await expect(page.locator('.banner[role="alert"]')).toHaveText('Chưa chọn nơi lưu. Hãy chọn USB hoặc gõ đường dẫn thư mục.');
    }
    await page.getByLabel('Đường dẫn thư mục đích').fill(join(usb, 'khong-co'));
    await page.getByRole('button', { name: 'Xuất gói chẩn đoán' }).click();
    await expect(page.locator('.banner[role="alert"]')).toContainText('Hãy cắm lại USB hoặc chọn thư mục khác.');

    await page.getByLabel('Đường dẫn thư mục đích').fill(usb);
    await page.getByRole('button', { name: 'Xuất gói chẩn đoán' }).click();
    await expect(page.locator('.banner[role="status"]')).toContainText('Đã xuất gói chẩn đoán');
    await list.getByRole('button', { name: 'Chép vào USB' }).first().click();
    await expect(page.locator('.banner[role="status"]')).toContainText('Đã chép bản sao lưu vào');
    await snapshot(page, 'technician-maintenance');
    const files = readdirSync(usb);
    expect(files.some((f) => /^kiosk-chan-doan-.*\.zip$/.test(f))).toBe(true);
    expect(files.some((f) => /^kiosk-\d{8}-\d{6}\.sqlite$/.test(f))).toBe(true);
    expect(existsSync(join(kiosk.dataDir, 'logs', 'kiosk.log'))).toBe(true);
  } finally {
    rmSync(usb, { recursive: true, force: true });
  }
});
