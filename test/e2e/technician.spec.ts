// Technician screens in browser mode: staff-home figures, backups taken and copied to a chosen
// folder (standing in for a USB stick) sealed with the technician's passphrase, and the sealed
// diagnostics bundle export.
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
    if ((await page.getByLabel('Đường dẫn thư mục đích').inputValue()) === '') {
      await expect(page.locator('.banner[role="alert"]')).toHaveText('Chưa chọn nơi lưu. Hãy chọn USB hoặc gõ đường dẫn thư mục.');
    }
    // Nothing leaves the PC without the passphrase, typed twice; the page warns that a lost passphrase is a lost copy.
    await expect(page.getByRole('note')).toContainText('Mất mật khẩu là mất bản sao');
    await page.getByLabel('Đường dẫn thư mục đích').fill(usb);
    await page.getByRole('button', { name: 'Xuất gói chẩn đoán' }).click();
    await expect(page.locator('.banner[role="alert"]')).toHaveText('Mật khẩu cần ít nhất 10 ký tự. Hãy chọn một câu dễ nhớ, khó đoán.');
    await page.getByLabel('Mật khẩu (ít nhất 10 ký tự)').fill('ba con cá bơi trong ao');
    await page.getByLabel('Nhập lại mật khẩu').fill('ba con cá bơi trong hồ');
    await page.getByRole('button', { name: 'Xuất gói chẩn đoán' }).click();
    await expect(page.locator('.banner[role="alert"]')).toHaveText('Hai lần nhập mật khẩu không giống nhau. Hãy nhập lại cho khớp.');
    await page.getByLabel('Nhập lại mật khẩu').fill('ba con cá bơi trong ao');
    await page.getByLabel('Đường dẫn thư mục đích').fill(join(usb, 'khong-co'));
    await page.getByRole('button', { name: 'Xuất gói chẩn đoán' }).click();
    await expect(page.locator('.banner[role="alert"]')).toContainText('Hãy cắm lại USB hoặc chọn thư mục khác.');

    await page.getByLabel('Đường dẫn thư mục đích').fill(usb);
    await page.getByRole('button', { name: 'Xuất gói chẩn đoán' }).click();
    await expect(page.locator('.banner[role="status"]')).toContainText('Đã xuất gói chẩn đoán đã mã hóa');
    await list.getByRole('button', { name: 'Chép vào USB' }).first().click();
    await expect(page.locator('.banner[role="status"]')).toContainText('Đã chép bản sao lưu đã mã hóa vào');
    await snapshot(page, 'technician-maintenance');
    await page.getByRole('button', { name: 'Xuất khóa CCCD (chuyển sang máy mới)' }).click();
    // The demo kiosk has registered nobody by CCCD: there is no key to export, and it says so.
    await expect(page.locator('.banner[role="alert"]')).toContainText('chưa có khóa CCCD');
    await page.getByRole('heading', { name: 'Mật khẩu bảo vệ bản sao mang ra khỏi máy' }).scrollIntoViewIfNeeded();
    await snapshot(page, 'technician-maintenance-passphrase');
    const files = readdirSync(usb);
    expect(files.some((f) => /^kiosk-chan-doan-.*\.zip\.sealed$/.test(f))).toBe(true);
    expect(files.some((f) => /^kiosk-\d{8}-\d{6}\.sqlite\.sealed$/.test(f))).toBe(true);
    // Only sealed files on the stick.
    expect(files.every((f) => f.endsWith('.sealed'))).toBe(true);
    expect(existsSync(join(kiosk.dataDir, 'logs', 'kiosk.log'))).toBe(true);
  } finally {
    rmSync(usb, { recursive: true, force: true });
  }
});
