// Card care at the staff desk (issue #21): on a resident's record, staff replace a lost card (asked
// twice), the old number is then refused at the kiosk with what to do, and a duplicate record is
// merged. Screenshots at 1366×768 in Vietnamese and English.
import { expect, openHome, snapshot, test } from './fixtures';
import { openRecord, signInStaff } from './screens';
import { simulateScan } from './scan';

test('staff replace a lost card and merge a duplicate from the record; the old numbers are refused at the kiosk', async ({ page, kiosk }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await signInStaff(page, kiosk.url);
  await openRecord(page, 'BD000003');
  const reissue = page.getByRole('region', { name: 'Cấp lại thẻ bị mất' });
  await expect(reissue.getByRole('button', { name: 'Cấp thẻ mới' })).toBeDisabled();
  await reissue.getByLabel('Lý do').fill('mất thẻ ở chợ');
  await reissue.getByRole('button', { name: 'Cấp thẻ mới' }).click();
  await expect(reissue.getByRole('alertdialog')).toContainText('Thẻ BD000003 sẽ không dùng được nữa.');
  await snapshot(page, 'card-care-reissue-confirm-1366x768-vi');
  await reissue.getByRole('button', { name: 'Đồng ý' }).click();
  const notice = page.locator('.banner.success');
  await expect(notice).toContainText(/Đã cấp thẻ mới BD\d{6}\S* thay cho thẻ BD000003/);
  const fresh = /thẻ mới (\S+) thay/.exec((await notice.textContent()) ?? '')![1]!;
  await expect(page.getByRole('heading', { name: `Thông tin thư viện đang lưu về thẻ ${fresh}` })).toBeVisible();

  // A duplicate record made by mistake is folded into this one.
  const merge = page.getByRole('region', { name: 'Gộp hồ sơ trùng' });
  await merge.getByLabel('Số thẻ trùng').fill('BD000004');
  await merge.getByLabel('Lý do').fill('làm thẻ hai lần');
  await merge.getByRole('button', { name: 'Gộp vào thẻ này' }).click();
  await merge.getByRole('button', { name: 'Đồng ý' }).click();
  await expect(notice).toContainText(`Đã gộp thẻ BD000004 vào thẻ ${fresh}.`);
  await snapshot(page, 'card-care-merged-1366x768-vi');
  await page
    .getByRole('button', { name: /Đăng xuất/ })
    .first()
    .click();

  // At the kiosk, both retired numbers say where the card went instead of "not found".
  await openHome(page, kiosk.url);
  await simulateScan(page, 'BD000003');
  await expect(page.locator('.circ-problem')).toContainText('Thẻ đã được thay');
  await expect(page.locator('.circ-problem')).toContainText('Vui lòng dùng thẻ mới');
  await openHome(page, kiosk.url);
  await simulateScan(page, 'BD000004');
  await expect(page.locator('.circ-problem')).toContainText('gộp vào một thẻ khác');
});

test('the card-care forms in English', async ({ page, kiosk }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openHome(page, kiosk.url);
  await page.getByRole('button', { name: 'English' }).click();
  await signInStaff(page, kiosk.url);
  await openRecord(page, 'BD000002');
  const category = page.getByRole('region', { name: 'Change the reader category' });
  await category.scrollIntoViewIfNeeded();
  await expect(category).toContainText('Current category:');
  await category.getByLabel('New category').selectOption({ index: 1 });
  await category.getByLabel('Reason').fill('turned 16');
  await category.getByRole('button', { name: 'Change category' }).click();
  await expect(page.locator('.banner.success')).toContainText('Card BD000002 is now in the category');
  await snapshot(page, 'card-care-category-1366x768-en');
});
