// Đặt trước in Chromium: a resident reserves a book whose only copy is out (typing the card), the
// copy comes back and is flagged for the staff shelf, staff see it on their page, the resident is
// told at sign-in and borrows it; a signed-in resident reserves a second book for their own card.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openHome, kioskCli, snapshot, startKiosk, stopKiosk, test, vietnamDay } from './fixtures';
import { simulateScan } from './scan';
import { signInStaff } from './screens';

/** The `kiosk` CLI on a data directory, before the host opens it (the test's instant, like the host). */
function cli(dataDir: string, ...args: string[]): unknown {
  return kioskCli([...args, '--data-dir', dataDir]);
}

/** The title as a resident types it without diacritics. */
function withoutDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

interface Book {
  title: string;
  authors: string[];
}

/** Types the title without diacritics and finds this book (the demo catalogue repeats titles by other authors). */
async function searchFor(page: Page, book: Book) {
  const box = page.getByLabel('Tên sách, tác giả hoặc chủ đề');
  await box.fill(withoutDiacritics(book.title));
  const result = page
    .getByTestId('search-result')
    .filter({ has: page.getByRole('heading', { name: book.title, exact: true }) })
    .filter({ hasText: book.authors[0]! });
  await expect(result).toBeVisible();
  return result;
}

test('reserve a book that is out, it comes back to the staff shelf, the resident is told and borrows it', async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-'));
  // Demo titles 6 and 7 have one copy each (TV000012, TV000013); both are lent out.
  cli(dataDir, 'checkout', 'BD000001', 'TV000012', 'TV000013');
  const [first] = cli(dataDir, 'search', 'TV000012') as Book[];
  const [second] = cli(dataDir, 'search', 'TV000013') as Book[];
  const kiosk = await startKiosk({ dataDir });
  try {
    await page.goto(`${kiosk.url}#/search`);
    const result = await searchFor(page, first!);
    await expect(result.locator('.availability')).toContainText('Đang được mượn hết');
    await result.getByRole('button', { name: `Đặt trước cuốn ${first!.title}` }).click();

    const dialog = page.getByRole('dialog', { name: `Đặt trước: ${first!.title}` });
    await expect(dialog.getByText('Quét thẻ thư viện hoặc mã QR trên CCCD, hoặc gõ số thẻ.')).toBeVisible();
    await expect(dialog.getByLabel('Số thẻ thư viện')).toBeFocused();
    // Tab never leaves the dialog for the results behind it (a modal <dialog>).
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null || document.activeElement === document.body)).toBe(true);
    }
    await dialog.getByLabel('Số thẻ thư viện').focus();
    // A card that does not exist says so and lets them try again.
    await dialog.getByLabel('Số thẻ thư viện').fill('BD999999');
    await dialog.getByRole('button', { name: 'Đặt trước', exact: true }).click();
    await expect(dialog.getByRole('alert')).toContainText('Không tìm thấy thẻ');
    await dialog.getByLabel('Số thẻ thư viện').fill('bd000002');
    await dialog.getByRole('button', { name: 'Đặt trước', exact: true }).click();
    await expect(dialog.getByRole('status')).toContainText('Đã đặt trước. Bạn là người thứ 1 đang chờ cuốn này.');
    await expect(dialog).toContainText('giữ sách cho bạn 7 ngày ở quầy cán bộ');
    await snapshot(page, 'catalogue-hold-placed');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Xong' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(result.locator('.availability')).toContainText('1 người đang chờ (đặt trước)');

    // The copy comes back: it goes to the staff shelf.
    await openHome(page, kiosk.url);
    await simulateScan(page, 'TV000012');
    await expect(page.locator('li[data-item="TV000012"]')).toContainText('Có người đặt: đưa cho cán bộ');
    // Across the screen, not only at the end of the row; and on the return receipt.
    const notice = page.locator('.circ-reserved-notice');
    await expect(notice).toContainText('Sách này có người đặt: đưa cho cán bộ, đừng để lên giá');
    await expect(notice).toContainText(first!.title);
    await snapshot(page, 'circulation-return-reserved');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Xong — xem phiếu trả' }).click();
    await expect(page.getByTestId('receipt-text')).toContainText('Mã TV000012 - đã trả\n   Có người đặt: đưa cho cán bộ, đừng để lên giá');

    // Staff see who it is kept for, and until when.
    await signInStaff(page, kiosk.url);
    await page.getByRole('button', { name: 'Sách đặt trước' }).click();
    const row = page.getByRole('table', { name: 'Sách đặt trước' }).locator('tr.hold-ready');
    await expect(row).toContainText('BD000002');
    await expect(row).toContainText(`Đã về: bản TV000012 (Kệ`);
    await expect(row).toContainText(`giữ đến hết ${vietnamDay(7)}`);
    await snapshot(page, 'staff-holds');

    // The resident signs in and is told; the book is theirs to borrow.
    await openHome(page, kiosk.url);
    await simulateScan(page, 'BD000002');
    await expect(page.getByRole('heading', { name: /Xin chào/ })).toBeVisible();
    await expect(page.getByText(`Sách bạn đặt trước đã về: "${first!.title}". Mời bạn nhận ở quầy cán bộ, muộn nhất ngày ${vietnamDay(7)}.`)).toBeVisible();
    await page.getByRole('button', { name: 'Sách của tôi (0 đang mượn, 1 đặt trước)' }).click();
    await expect(page.getByRole('list', { name: 'Sách bạn đặt trước' }).locator('li.hold-ready')).toContainText(`nhận ở quầy cán bộ đến hết ${vietnamDay(7)}`);
    await snapshot(page, 'circulation-holds-ready');
    await page.getByRole('button', { name: 'Quay lại mượn sách' }).click();
    await simulateScan(page, 'TV000012');
    await expect(page.locator('li[data-item="TV000012"]')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sách tôi đang mượn (1)' })).toBeVisible();

    // Still signed in, they reserve the other book for their own card, named in the dialog.
    await page.getByRole('button', { name: 'Về màn hình chính' }).click();
    await page.getByRole('button', { name: /Tra cứu sách/ }).click();
    const other = await searchFor(page, second!);
    await other.getByRole('button', { name: `Đặt trước cuốn ${second!.title}` }).click();
    const again = page.getByRole('dialog');
    await expect(again).toContainText('Đặt trước cho thẻ BD000002');
    await again.getByRole('button', { name: 'Đặt trước', exact: true }).click();
    await expect(again.getByRole('status')).toContainText('Bạn là người thứ 1');
    expect(cli(dataDir, 'holds')).toMatchObject({ holds: [expect.objectContaining({ card: 'BD000002', title: second!.title, status: 'waiting' })] });
  } finally {
    await stopKiosk(kiosk);
  }
});
