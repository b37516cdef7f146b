// Tra cứu sách: a resident types without diacritics and sees the right book and whether it is on
// the shelf; the filter and the no-results help; staff import a spreadsheet and the book appears.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mrcOf, sampleRecords } from '../unit/catalogue/fixtures';
import { openScreen, signInStaff } from './screens';
import { expect, snapshot, test } from './fixtures';

test('typing a query without diacritics finds the book with its availability', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  await page.getByRole('button', { name: /Tra cứu sách/ }).click();
  const box = page.getByLabel('Tên sách, tác giả hoặc chủ đề');
  await expect(box).toBeFocused();
  await box.pressSequentially('trong lua', { delay: 40 });

  const first = page.getByTestId('search-result').first();
  await expect(first.getByRole('heading')).toContainText('trồng lúa');
  await expect(first.locator('.availability')).toContainText(/Còn \d+ cuốn trên kệ/);
  await expect(first.locator('.availability')).toContainText(/Ở: Kệ \d+/);
  await expect(page.getByRole('status').filter({ hasText: /Tìm thấy \d+ đầu sách/ })).toBeVisible();
  await snapshot(page, 'catalogue-search-trong-lua');

  // Large touch targets.
  for (const target of [box, page.getByRole('button', { name: 'Chỉ sách còn trên kệ' }), page.getByRole('button', { name: 'Xóa chữ đã gõ' })]) {
    expect((await target.boundingBox())!.height).toBeGreaterThanOrEqual(48);
  }
});

test('the on-shelf filter and a helpful message when nothing matches', async ({ page, kiosk }) => {
  await page.goto(`${kiosk.url}#/search`);
  const box = page.getByLabel('Tên sách, tác giả hoặc chủ đề');
  await box.fill('xyzzy khong co sach nay');
  await expect(page.getByTestId('no-results')).toContainText('Không tìm thấy sách nào cho “xyzzy khong co sach nay”.');
  await expect(page.getByTestId('no-results')).toContainText('Gõ không dấu cũng được');
  await snapshot(page, 'catalogue-search-no-results');

  await box.fill('Truyện');
  await expect(page.getByTestId('search-result').first()).toBeVisible();
  const filter = page.getByRole('button', { name: 'Chỉ sách còn trên kệ' });
  await filter.press('Enter');
  await expect(filter).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('search-result').first().locator('.availability.ok')).toBeVisible();
  await box.press('Escape');
  await expect(box).toHaveValue('');
  await expect(page.getByRole('button', { name: 'trồng lúa' })).toBeVisible();
});

test('staff import the spreadsheet template and residents find the new book', async ({ page, kiosk }) => {
  await signInStaff(page, kiosk.url);
  await page.goto(`${kiosk.url}#/staff/catalogue-import`);
  await page.getByLabel('Tệp cần nhập').setInputFiles({
    name: 'mau-nhap-sach.csv',
    mimeType: 'text/csv',
    buffer: readFileSync(fileURLToPath(new URL('../../resources/catalogue/mau-nhap-sach.csv', import.meta.url))),
  });
  await page.getByRole('button', { name: 'Nhập tệp' }).click();
  const report = page.getByTestId('import-report');
  await expect(report).toContainText('Định dạng csv, bảng mã utf-8, 2 biểu ghi.');
  await expect(report.locator('dd').first()).toHaveText('2');
  await snapshot(page, 'catalogue-staff-import');

  await page.goto(`${kiosk.url}#/search`);
  await page.getByLabel('Tên sách, tác giả hoặc chủ đề').fill('dang thi hanh');
  const hit = page.getByTestId('search-result').first();
  await expect(hit.getByRole('heading')).toHaveText('Truyện cổ tích Việt Nam');
  await expect(hit.locator('.availability')).toContainText('Còn 1 cuốn trên kệ');
});

test("a large MARC file is read and written on the import's own threads by the built kiosk, and imported whole", async ({ page, kiosk }) => {
  const records = sampleRecords(5200, 5);
  const file = mrcOf(records);
  expect(file.length).toBeGreaterThan(1 << 20);
  await signInStaff(page, kiosk.url);
  await page.goto(`${kiosk.url}#/staff/catalogue-import`);
  await page.getByLabel('Tệp cần nhập').setInputFiles({ name: 'tinh-gui.mrc', mimeType: 'application/marc', buffer: file });
  await page.getByRole('button', { name: 'Nhập tệp' }).click();
  const report = page.getByTestId('import-report');
  await expect(report).toContainText('Định dạng marc21, bảng mã utf-8, 5200 biểu ghi.', { timeout: 30_000 });
  await expect(report.locator('dd').first()).toHaveText('5200');
  // The bundle found its worker threads (dist/catalogue-import-worker.mjs, dist/catalogue-read-worker.mjs).
  expect(kiosk.output()).toContain('"event":"catalogue.import_read","reader":"worker"');
  expect(kiosk.output()).toMatch(/"event":"catalogue.index_merged","steps":[1-9]/);
  expect(kiosk.output()).toMatch(/"event":"store.bulk_write_finished","pages":[1-9]/);

  await page.goto(`${kiosk.url}#/search`);
  const last = records.at(-1)!;
  await page.getByLabel('Tên sách, tác giả hoặc chủ đề').fill(last.title);
  await expect(page.getByTestId('search-result').getByRole('heading', { name: last.title, exact: true }).first()).toBeVisible();
});

test('in English, staff read why a file was refused and why a record was rejected in English', async ({ page, kiosk }) => {
  await openScreen(page, kiosk.url, 'home');
  await page.getByRole('button', { name: 'English' }).click();
  await page.evaluate(() => (location.hash = '#/staff'));
  await page.getByLabel('Staff card').fill('NV0001');
  await page.getByLabel(/^PIN/).fill('147258');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  await page.evaluate(() => (location.hash = '#/staff/catalogue-import'));

  const file = mrcOf(sampleRecords(3, 8));
  await page.getByLabel('File to import').setInputFiles({ name: 'cut.mrc', mimeType: 'application/marc', buffer: file.subarray(0, file.length - 40) });
  await page.getByRole('button', { name: 'Import file' }).click();
  await expect(page.locator('.banner.error')).toHaveText(/^The file could not be imported. The MARC file ends in the middle of a record/);

  const rows = ['Số kiểm soát,Nhan đề,Tác giả,Số đăng ký cá biệt/mã vạch', 'EN001,Sách có tên,Tác giả A,EN-1', 'EN002,,Tác giả B,EN-2'].join('\r\n');
  await page.getByLabel('File to import').setInputFiles({ name: 'rows.csv', mimeType: 'text/csv', buffer: Buffer.from(rows) });
  await page.getByRole('button', { name: 'Import file' }).click();
  const report = page.getByTestId('import-report');
  await expect(report.getByRole('listitem')).toHaveText(['Line 3 has no title. Add the title, then import again.']);
  await snapshot(page, 'catalogue-staff-import-rejections-en');
});

for (const language of ['vi', 'en'] as const) {
  test(`staff follow a large import on a progress bar counting records saved (${language}), while the kiosk keeps answering`, async ({
    page,
    kiosk,
  }, testInfo) => {
    const texts = {
      vi: {
        file: 'Tệp cần nhập',
        start: 'Nhập tệp',
        saving: /Đang lưu vào kho sách/,
        count: /\d+% — đã lưu [\d.]+ \/ 6\.000 biểu ghi/,
        done: 'Định dạng marc21, bảng mã utf-8, 6000 biểu ghi.',
      },
      en: {
        file: 'File to import',
        start: 'Import file',
        saving: /Saving to the catalogue/,
        count: /\d+% — [\d,]+ of 6,000 records saved/,
        done: 'Format marc21, encoding utf-8, 6000 records.',
      },
    }[language];
    // Picked from disk as staff pick it from a USB stick (a buffer this size is slow to hand to the page).
    const file = join(testInfo.outputDir, 'tinh-gui.mrc');
    mkdirSync(testInfo.outputDir, { recursive: true });
    writeFileSync(file, mrcOf(sampleRecords(6000, 9)));
    await page.setViewportSize({ width: 1366, height: 768 });
    if (language === 'en') {
      await openScreen(page, kiosk.url, 'home');
      await page.getByRole('button', { name: 'English' }).click();
      await page.evaluate(() => (location.hash = '#/staff'));
      await page.getByLabel('Staff card').fill('NV0001');
      await page.getByLabel(/^PIN/).fill('147258');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('button', { name: 'Sign out' }).waitFor();
      await page.evaluate(() => (location.hash = '#/staff/catalogue-import'));
    } else {
      await signInStaff(page, kiosk.url);
      await page.goto(`${kiosk.url}#/staff/catalogue-import`);
    }
    await page.getByLabel(texts.file).setInputFiles(file);
    await page.getByRole('button', { name: texts.start }).click();
    const progress = page.getByTestId('import-progress');
    await expect(progress).toContainText(texts.saving, { timeout: 60_000 });
    await expect(progress).toContainText(texts.count, { timeout: 60_000 });
    await snapshot(page, `catalogue-staff-import-progress-${language}`);
    // A second page (another screen of the room) is answered while the import saves.
    const other = await page.context().newPage();
    await other.goto(`${kiosk.url}#/search`);
    // Another resident's screen starts in Vietnamese whatever the staff page's language.
    await other.getByLabel('Tên sách, tác giả hoặc chủ đề').fill('lua');
    await expect(other.getByTestId('search-result').first()).toBeVisible();
    await expect(page.getByTestId('import-report')).toContainText(texts.done, { timeout: 120_000 });
    await other.close();
  });
}
