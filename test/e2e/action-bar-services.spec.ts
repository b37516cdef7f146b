// Every action in reach (issue #21, item 3), beyond borrowing and returning: the resident's PIN and
// their own data, the hold dialog of Tra cứu sách, the internet PC from sign-in to the running
// session, the queue, its end, and a PDF, an EPUB story and a film in Thư viện số. Each state is reached as a resident reaches it, in
// the display they chose on the home screen, and its buttons must be inside the window at 1366×768
// and 1920×1080 without scrolling.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, kioskCli, newKioskPage, pausePageClock, startKiosk, stopKiosk, test } from './fixtures';
import { chooseDisplay, DISPLAYS, displayName, inReach, say } from './reach';

/** The demo staff card that may set a resident's PIN from the CLI. */
const STAFF = { card: 'NV0001', pin: '147258' };
const RESIDENT_PIN = '2580';

/** A title as a resident types it without diacritics. */
function withoutDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

for (const d of DISPLAYS) {
  test.describe(`the primary actions of the services are in reach without scrolling (${displayName(d)})`, () => {
    test('the PIN after a typed card, then my information', async ({ page }) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-'));
      kioskCli(['patron', 'pin', d.card, '--staff', STAFF.card, '--data-dir', dataDir], undefined, {
        KIOSK_PIN: STAFF.pin,
        KIOSK_RESIDENT_PIN: RESIDENT_PIN,
      });
      const kiosk = await startKiosk({ dataDir });
      try {
        // A typed card number of a resident who chose a PIN asks for it.
        await chooseDisplay(page, kiosk.url, d);
        await page.locator('[data-service="circulation"]').click();
        await page.getByLabel(say(d, 'Hoặc nhập số thẻ thư viện', 'Or type your library card number')).fill(d.card);
        await page.getByRole('button', { name: say(d, 'Đăng nhập', 'Sign in'), exact: true }).click();
        await expect(page.locator('#resident-pin')).toBeFocused();
        const confirm = say(d, 'Xác nhận', 'Confirm');
        await inReach(page, d, 'resident-pin', [confirm, say(d, 'Hủy', 'Cancel'), '0']);
        for (const digit of RESIDENT_PIN) await page.getByRole('button', { name: digit, exact: true }).click();
        await page.getByRole('button', { name: confirm, exact: true }).click();
        await expect(page.locator(`[data-card-signed-in="${d.card}"]`)).toBeVisible();
        await page.getByRole('button', { name: say(d, 'Thông tin của tôi', 'My information') }).click();
        await inReach(page, d, 'my-data', [say(d, 'In thông tin này', 'Print this information'), say(d, 'Quay lại mượn sách', 'Back to borrowing')]);
      } finally {
        await stopKiosk(kiosk);
      }
    });

    test('reserving a book that is out, by typing a card', async ({ page }) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-'));
      // Demo title 6 has one copy (TV000012); it is lent out, so the title can only be reserved.
      kioskCli(['checkout', 'BD000001', 'TV000012', '--data-dir', dataDir]);
      const [book] = kioskCli(['search', 'TV000012', '--data-dir', dataDir]) as { title: string }[];
      const kiosk = await startKiosk({ dataDir });
      try {
        await chooseDisplay(page, kiosk.url, d);
        await page.locator('[data-service="search"]').click();
        await page.getByLabel(say(d, 'Tên sách, tác giả hoặc chủ đề', 'Title, author or subject')).fill(withoutDiacritics(book!.title));
        await page
          .getByRole('button', { name: say(d, `Đặt trước cuốn ${book!.title}`, `Reserve ${book!.title}`), exact: true })
          .first()
          .click();
        const reserve = say(d, 'Đặt trước', 'Reserve');
        await inReach(page, d, 'hold-card', [reserve, say(d, 'Thôi, không đặt', 'Cancel')]);
        await page.getByLabel(say(d, 'Số thẻ thư viện', 'Library card number')).fill(d.card);
        await page.getByRole('button', { name: reserve, exact: true }).click();
        await expect(page.getByRole('dialog').getByRole('status')).toBeVisible();
        await inReach(page, d, 'hold-placed', [say(d, 'Xong', 'Done')]);
      } finally {
        await stopKiosk(kiosk);
      }
    });

    test('the internet PC: sign-in, welcome, the session, and the queue beside it', async ({ page, browser, kiosk }) => {
      await chooseDisplay(page, kiosk.url, d);
      await page.locator('[data-service="internet"]').click();
      const start = say(d, 'Bắt đầu', 'Start');
      await inReach(page, d, 'internet-sign-in', [start]);
      await page.getByLabel(say(d, /^Hoặc gõ số thẻ/, /^Or type your card number/)).fill(d.card);
      await page.getByRole('button', { name: start, exact: true }).click();
      const browse = say(d, 'Bắt đầu dùng Internet', 'Start using the internet');
      await inReach(page, d, 'internet-welcome', [browse]);
      await page.getByRole('button', { name: browse }).click();
      await expect(page.getByTestId('countdown')).toBeVisible();
      await inReach(page, d, 'internet-session', [
        say(d, 'Kết thúc phiên', 'End session'),
        say(d, 'Tạm rời máy', 'Step away'),
        say(d, 'Xin thêm giờ', 'Ask for more time'),
      ]);

      // Someone else at the same PC's home screen takes a place in the queue.
      const waiting = await newKioskPage(browser, kiosk);
      await chooseDisplay(waiting, kiosk.url, d);
      await waiting.getByRole('button', { name: say(d, 'Xếp hàng', 'Join the queue') }).click();
      await inReach(waiting, d, 'internet-queue', [say(d, 'Lấy số', 'Get a number')]);
      await waiting.context().close();

      // The resident ends the session: the question, then the screen that says it is over.
      await page.getByRole('button', { name: say(d, 'Kết thúc phiên', 'End session'), exact: true }).click();
      const end = say(d, 'Kết thúc', 'End');
      await inReach(page, d, 'internet-end', [end, say(d, 'Tiếp tục dùng', 'Keep using')]);
      // The ended screen goes home by itself a few seconds after the wipe; the page's clock stops here
      // so a loaded PC has time to measure it (nothing of the ending itself waits on a page timer).
      await pausePageClock(page, kiosk);
      await page.getByRole('button', { name: end, exact: true }).click();
      await expect(page.getByRole('heading', { name: say(d, 'Bạn đã kết thúc phiên Internet.', 'You ended your internet session.') })).toBeVisible();
      await inReach(page, d, 'internet-ended', [say(d, 'Về màn hình chính', 'Back to the home screen')]);
      await page.clock.resume();
    });

    test('a PDF in the digital library', async ({ page, kiosk }) => {
      await chooseDisplay(page, kiosk.url, d);
      await page.locator('[data-service="digital-library"]').click();
      await page.getByRole('searchbox', { name: say(d, 'Tìm tài liệu', 'Find a resource') }).fill('so tay trong lua');
      await page
        .getByTestId('results')
        .getByRole('button', { name: /Sổ tay trồng lúa tiết kiệm nước/ })
        .click();
      await expect(page.locator('.pdf-page')).toHaveAttribute('data-rendered', /[1-9]/);
      await inReach(page, d, 'digital-library-pdf', [say(d, 'Về Thư viện số', 'Back to the digital library'), say(d, 'Trang sau ▶', 'Next page ▶')]);
      const back = say(d, 'Về Thư viện số', 'Back to the digital library');
      await page.getByRole('button', { name: back, exact: true }).click();

      // The EPUB story a child opens, with its page and text-size buttons.
      const search = page.getByRole('searchbox', { name: say(d, 'Tìm tài liệu', 'Find a resource') });
      await search.fill('chu ech nho');
      await page
        .getByTestId('results')
        .getByRole('button', { name: /Chú ếch nhỏ đi học bơi/ })
        .click();
      await expect(page.locator('.epub-page')).toHaveAttribute('data-ready', 'true');
      await inReach(page, d, 'digital-library-epub', [back, say(d, 'Trang sau ▶', 'Next page ▶'), say(d, 'Chữ to hơn', 'Bigger text')]);
      await page.getByRole('button', { name: back, exact: true }).click();

      // The short film, with the kiosk's own large player buttons.
      await search.fill('thu hoach lua');
      await page
        .getByTestId('results')
        .getByRole('button', { name: /Thu hoạch và bảo quản lúa/ })
        .click();
      await inReach(page, d, 'digital-library-video', [back, say(d, '▶ Phát', '▶ Play')]);
    });
  });
}
