// Keyboard only: a resident with no mouse or touch screen completes a catalogue search (also typed
// in Telex) and a checkout with Tab, Shift+Tab, Enter, Space and typing; every stop shows its focus.
import type { Locator, Page } from '@playwright/test';
import { expect, snapshot, test, vietnamDay } from './fixtures';

/** Presses Tab (or Shift+Tab) until `target` has the focus; fails if it is never reached. */
async function tabTo(page: Page, target: Locator, { backwards = false, max = 40 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) {
      await expectVisibleFocus(page);
      return;
    }
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`not reached with ${backwards ? 'Shift+Tab' : 'Tab'} in ${max} presses: ${target.toString()}`);
}

/** The focused element draws a focus ring (outline or box shadow) a sighted keyboard user can see. */
async function expectVisibleFocus(page: Page): Promise<void> {
  const ring = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'nothing focused';
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    const shadow = style.boxShadow !== 'none';
    return outline || shadow ? 'visible' : `no focus ring on <${el.tagName.toLowerCase()}> ${el.textContent?.slice(0, 40) ?? ''}`;
  });
  expect(ring).toBe('visible');
}

/** Typing at a person's pace: fast keys followed by Enter would read as a barcode scan. */
const type = (page: Page, text: string) => page.keyboard.type(text, { delay: 80 });

test('a catalogue search with the keyboard alone, typed in Telex with and without conversion', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  await tabTo(page, page.getByRole('button', { name: /Tra cứu sách/ }));
  await page.keyboard.press('Enter');
  const box = page.getByRole('searchbox', { name: 'Tên sách, tác giả hoặc chủ đề' });
  await expect(box).toBeFocused();
  await expectVisibleFocus(page);

  // Gõ dấu is on: the field turns the Telex keys into Vietnamese as the resident types.
  await type(page, 'kyx thuaajt');
  await expect(box).toHaveValue('kỹ thuật');
  // Results come as the resident types: wait for those of the whole word, not of "kỹ thuậ" before it.
  const results = page.locator('ol.search-results');
  await expect(results).toHaveAttribute('data-query', 'kỹ thuật');
  const first = page.getByTestId('search-result').first();
  await expect(first.getByRole('heading')).toContainText(/kỹ thuật/i);
  const withMarks = await page.getByTestId('search-result').getByRole('heading').allTextContents();
  await snapshot(page, 'keyboard-search-telex');

  // Gõ dấu off: the keys stay as typed and the search still reads them as Telex.
  const toggle = page.getByRole('button', { name: 'Gõ dấu: Bật' });
  await tabTo(page, toggle);
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Gõ dấu: Tắt' })).toHaveAttribute('aria-pressed', 'false');
  await tabTo(page, box, { backwards: true });
  await page.keyboard.press('Escape');
  await expect(box).toHaveValue('');
  await type(page, 'kyx thuaajt');
  await expect(box).toHaveValue('kyx thuaajt');
  await expect(results).toHaveAttribute('data-query', 'kyx thuaajt');
  await expect(page.getByRole('status').filter({ hasText: /Tìm thấy/ })).toBeVisible();
  await expect(page.getByTestId('search-result').getByRole('heading')).toHaveText(withMarks);

  // The on-shelf filter is a toggle reached and switched with the keyboard.
  const filter = page.getByRole('button', { name: 'Chỉ sách còn trên kệ' });
  await tabTo(page, filter);
  await page.keyboard.press('Space');
  await expect(filter).toHaveAttribute('aria-pressed', 'true');
});

test('a checkout with the keyboard alone: card number, book barcode, due date', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  await tabTo(page, page.getByRole('button', { name: /Mượn.*trả sách/ }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/circulation/);

  const card = page.getByLabel('Hoặc nhập số thẻ thư viện');
  await tabTo(page, card);
  await type(page, 'BD000003');
  await tabTo(page, page.getByRole('button', { name: 'Đăng nhập' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /Xin chào/ })).toBeVisible();

  const item = page.getByLabel('Hoặc nhập mã vạch sách');
  await tabTo(page, item);
  await type(page, 'TV000002');
  await tabTo(page, page.getByRole('button', { name: 'Mượn', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.locator('li[data-item="TV000002"]')).toContainText(`Hạn trả ${vietnamDay(21)}`);
  await snapshot(page, 'keyboard-checkout');

  // Done: sign out with the keyboard too; the receipt shows the due date, then the home screen.
  await tabTo(page, page.getByRole('button', { name: /Xong/ }), { backwards: true });
  await page.keyboard.press('Enter');
  await expect(page.getByText(`Mã TV000002 - hạn trả ${vietnamDay(21)}`)).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'Xong', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Quét thẻ thư viện hoặc mã QR trên CCCD để bắt đầu')).toBeVisible();
  await expect(page.getByText('TV000002')).toHaveCount(0);
});
