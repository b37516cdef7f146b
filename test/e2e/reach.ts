// "Every action in reach" (issue #21, item 3), shared by the action-bar specs: the four displays a
// resident can choose on the home screen, and the check that a state's primary buttons are inside the
// window as first shown, at 1366×768 and 1920×1080, with no scrolling.
import type { Page } from '@playwright/test';
import { expect, openHome, snapshot } from './fixtures';

export const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

/** Each display gets its own demo card and books, so no two tests touch the same loans. */
export const DISPLAYS = [
  { lang: 'vi', large: false, card: 'BD000002', books: ['TV000002', 'TV000003', 'TV000004'] },
  { lang: 'vi', large: true, card: 'BD000003', books: ['TV000005', 'TV000006', 'TV000007'] },
  { lang: 'en', large: false, card: 'BD000004', books: ['TV000008', 'TV000009', 'TV000010'] },
  { lang: 'en', large: true, card: 'BD000005', books: ['TV000011', 'TV000012', 'TV000013'] },
] as const;

export type Display = (typeof DISPLAYS)[number];

export const say = <T extends string | RegExp>(d: Display, vi: T, en: T): T => (d.lang === 'vi' ? vi : en);

export const displayName = (d: Display) => `${d.lang}${d.large ? ', large text' : ''}`;

/** Home, in the display the resident chose; the choice stays while they use the services. */
export async function chooseDisplay(page: Page, url: string, d: Display): Promise<void> {
  await page.setViewportSize(SIZES[0]);
  await openHome(page, url);
  if (d.lang === 'en') await page.getByRole('button', { name: 'English' }).click();
  if (d.large) await page.getByRole('button', { name: /Chữ lớn|Large text/ }).click();
  // The choice has taken effect before the test scans anything.
  await expect(page.locator('html')).toHaveAttribute('lang', d.lang);
  if (d.large) await expect(page.locator('html')).toHaveAttribute('data-text-size', 'large');
}

/**
 * Each named button's whole box is inside the window at the top of the page, at both sizes, and
 * nothing covers it (the fixed action bar over the end of a list, say). A name shown twice (the
 * screen's own "home" beside the top bar's) is checked wherever it is shown.
 */
export async function inReach(page: Page, d: Display, state: string, names: (string | RegExp)[]): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.evaluate(() => window.scrollTo(0, 0));
    for (const name of names) {
      const where = `${state} (${displayName(d)}) at ${size.width}×${size.height}: "${String(name)}"`;
      const named = page.getByRole('button', { name, exact: true });
      // As boundingBox() did before: wait for the screen to show it, within the test's own time.
      await named.first().waitFor({ state: 'visible' });
      const shown = [];
      for (const button of await named.all()) if (await button.isVisible()) shown.push(button);
      for (const button of shown) {
        const box = (await button.boundingBox())!;
        expect(box.y, `${where} is above the window`).toBeGreaterThanOrEqual(0);
        expect(box.y + box.height, `${where} is below the window`).toBeLessThanOrEqual(size.height);
        const covered = await button.evaluate((el) => {
          const r = el.getBoundingClientRect();
          const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
          return !(top && (top === el || el.contains(top)));
        });
        expect(covered, `${where} is covered by something else`).toBe(false);
      }
    }
  }
  await page.setViewportSize(SIZES[0]);
  await page.evaluate(() => window.scrollTo(0, 0));
  await snapshot(page, `action-bar-${state}-1366x768-${d.lang}${d.large ? '-large' : ''}`);
}
