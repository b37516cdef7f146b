// Every action in reach (issue #21, item 3). In each state of a resident's screen that ends with an
// action, the primary buttons are inside the window as first shown, with no scrolling. This is
// checked at 1366×768 and 1920×1080, in normal and large text, in Vietnamese and English. The states
// are reached as a resident reaches them: the consent to a new card, three books borrowed, the
// loans with their renew buttons, the receipt, an expired card, three books returned.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, kioskCli, startKiosk, stopKiosk, test } from './fixtures';
import { chooseDisplay, DISPLAYS, displayName, inReach, say } from './reach';
import { simulateScan } from './scan';

/** A CCCD the demo kiosk has never seen: it leads to the consent to a new card. */
const NEW_CCCD = '001189012345|123456789|Nguyễn Thị Lan|12041989|Nữ|Thôn Đông, xã Minh Hòa|01012021';

for (const d of DISPLAYS) {
  // Three short tests a display, so each stays well inside its time on a loaded machine.
  test.describe(`the primary actions are in reach without scrolling (${displayName(d)})`, () => {
    test('the consent to a new card, and an expired card', async ({ page, kiosk }) => {
      // The consent: the longest resident page.
      await chooseDisplay(page, kiosk.url, d);
      await simulateScan(page, NEW_CCCD);
      await expect(page.getByTestId('consent-retention')).toBeVisible();
      await inReach(page, d, 'consent', [say(d, 'Đồng ý và làm thẻ', 'Agree and make my card'), say(d, 'Không, cảm ơn', 'No, thank you')]);
      await page.getByRole('button', { name: say(d, 'Không, cảm ơn', 'No, thank you') }).click();

      // An expired card: told once, and the way out is in reach.
      await chooseDisplay(page, kiosk.url, d);
      await simulateScan(page, 'BD000006');
      await expect(page.locator('.circ-patron .banner.error')).toBeVisible();
      await inReach(page, d, 'expired-card', [say(d, 'Xong — đăng xuất', 'Done — sign out')]);
    });

    test('three books borrowed, then the receipt', async ({ page, kiosk }) => {
      await chooseDisplay(page, kiosk.url, d);
      await simulateScan(page, d.card);
      // As a resident would: greeted first, then the books.
      await expect(page.locator(`[data-card-signed-in="${d.card}"]`)).toBeVisible();
      for (const book of d.books) {
        await simulateScan(page, book);
        await expect(page.locator(`li[data-item="${book}"]`)).toBeVisible();
      }
      const finish = say(d, 'Xong — xem phiếu mượn', 'Done — show my receipt');
      await inReach(page, d, 'borrow-three-books', [finish, /^(Sách tôi đang mượn|My loans) \(\d+\)$/]);

      // Their loans, each with its renew button; a renewal refused is said where it can be seen.
      await page.getByRole('button', { name: /^(Sách tôi đang mượn|My loans) \(\d+\)$/ }).click();
      const titles = await Promise.all(d.books.map((book) => page.locator(`li[data-item="${book}"] .circ-title`).innerText()));
      // Two copies of one title are told apart by their barcode.
      const renew = titles.map((title, i) => say(d, `Gia hạn cuốn ${title} (mã ${d.books[i]})`, `Renew ${title} (${d.books[i]})`));
      await inReach(page, d, 'my-loans', [...renew, say(d, 'Quay lại mượn sách', 'Back to borrowing'), finish]);
      await page.getByRole('button', { name: renew[2]!, exact: true }).click();
      const refusal = page.locator('.circ-problem[data-reason="renew_too_early"]');
      await expect(refusal).toBeVisible();
      const box = (await refusal.boundingBox())!;
      expect(box.y, 'the refusal is above the window').toBeGreaterThanOrEqual(0);
      expect(box.y + box.height, 'the refusal is below the window').toBeLessThanOrEqual(768);
      await page.getByRole('button', { name: say(d, 'Quay lại mượn sách', 'Back to borrowing'), exact: true }).click();
      await page.getByRole('button', { name: finish }).click();
      await expect(page.getByTestId('receipt-text')).toBeVisible();
      await inReach(page, d, 'receipt', [say(d, 'Xong', 'Done')]);
    });

    test('three books returned, with nobody signed in', async ({ page }) => {
      // The books were lent before the kiosk started, through the CLI.
      const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-'));
      kioskCli(['checkout', d.card, ...d.books, '--data-dir', dataDir]);
      const kiosk = await startKiosk({ dataDir });
      try {
        await chooseDisplay(page, kiosk.url, d);
        for (const book of d.books) {
          await simulateScan(page, book);
          await expect(page.locator(`li[data-item="${book}"]`)).toBeVisible();
        }
        await inReach(page, d, 'return-three-books', [say(d, 'Xong — xem phiếu trả', 'Done — show my receipt')]);
      } finally {
        await stopKiosk(kiosk);
      }
    });
  });
}
