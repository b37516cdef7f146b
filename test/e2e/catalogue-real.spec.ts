// Real catalogues (issue #17) on the staff screen: a provincial file of 20 records with mistyped
// ISBNs imports whole, with a warning per record; a resident finds one by the ISBN printed on the
// book; staff export the holdings as MARC from the same page; a VNI file is recognised.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { badIsbnMrc } from '../fixtures/catalogue/bad-isbn';
import { signInStaff } from './screens';
import { expect, snapshot, test } from './fixtures';

test('staff import 20 records with bad ISBNs (20 of 20, warnings listed), a resident finds one by its ISBN, staff export MARC', async ({ page, kiosk }) => {
  await signInStaff(page, kiosk.url);
  await page.goto(`${kiosk.url}#/staff/catalogue-import`);
  await page.getByLabel('Tệp cần nhập').setInputFiles({ name: 'tinh-gui.mrc', mimeType: 'application/marc', buffer: badIsbnMrc() });
  await page.getByRole('button', { name: 'Nhập tệp' }).click();
  const report = page.getByTestId('import-report');
  await expect(report).toContainText('Định dạng marc21, bảng mã utf-8, 20 biểu ghi.');
  await expect(report.locator('dd').first()).toHaveText('20');
  const warnings = page.getByTestId('import-warnings').getByRole('listitem');
  await expect(warnings).toHaveCount(20);
  await expect(warnings.first()).toContainText('Bản ghi số 1 có ISBN "978-604-2-14567-4" không hợp lệ');
  await snapshot(page, 'catalogue-staff-import-bad-isbn');

  await page.getByRole('radio', { name: 'MARCXML (.xml)' }).check();
  await page.getByRole('button', { name: 'Xuất tệp MARC' }).click();
  const exported = page.getByRole('status').filter({ hasText: /Đã xuất \d+ biểu ghi, \d+ cuốn vào .*von-sach-00000-\d{4}-\d\d-\d\d\.xml/ });
  await expect(exported).toBeVisible();
  await exported.scrollIntoViewIfNeeded();
  await snapshot(page, 'catalogue-staff-marc-export');

  await page.goto(`${kiosk.url}#/search`);
  await page.getByLabel('Tên sách, tác giả hoặc chủ đề').fill('978-604-2-14567-4');
  const hit = page.getByTestId('search-result').first();
  await expect(hit.getByRole('heading')).toHaveText('Dế Mèn phiêu lưu ký');
  await expect(hit.getByTestId('invalid-isbn')).toHaveText('ISBN: 9786042145674 (không hợp lệ, giữ như in trên sách)');
  await snapshot(page, 'catalogue-search-invalid-isbn');
});

test('a spreadsheet saved in VNI-Windows is recognised and imported in Vietnamese', async ({ page, kiosk }) => {
  await signInStaff(page, kiosk.url);
  await page.goto(`${kiosk.url}#/staff/catalogue-import`);
  const vni = readFileSync(fileURLToPath(new URL('../fixtures/catalogue/encodings/vni.csv', import.meta.url)));
  await page.getByLabel('Tệp cần nhập').setInputFiles({ name: 'vni.csv', mimeType: 'text/csv', buffer: vni });
  await page.getByRole('button', { name: 'Nhập tệp' }).click();
  const report = page.getByTestId('import-report');
  await expect(report).toContainText('Định dạng csv, bảng mã vni, 10 biểu ghi.');
  await expect(report).toContainText('Kiosk nhận ra bảng mã cũ với độ tin cậy 100%.');
  await snapshot(page, 'catalogue-staff-import-vni');
  await page.goto(`${kiosk.url}#/search`);
  await page.getByLabel('Tên sách, tác giả hoặc chủ đề').fill('de men phieu luu ky');
  await expect(page.getByTestId('search-result').first().getByRole('heading')).toHaveText('Dế Mèn phiêu lưu ký');
});
