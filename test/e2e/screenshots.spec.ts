// Screenshots of every screen (routes read from the router) at 1366×768 and 1920×1080, in
// Vietnamese and English, into test-results/screenshots/ for review; and nothing overflows
// sideways or has its text clipped.
import type { Page } from '@playwright/test';
import { expect, snapshot, test } from './fixtures';
import { openScreen, ROUTES } from './screens';

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

async function overflowProblems(page: Page) {
  return page.evaluate(() => {
    const problems: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth)
      problems.push(`page ${document.documentElement.scrollWidth}px wider than ${window.innerWidth}px`);
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      if (el.offsetParent === null || el.closest('.visually-hidden')) continue;
      const style = getComputedStyle(el);
      const clips = style.overflowX === 'hidden' || style.overflowX === 'clip' || style.textOverflow === 'ellipsis';
      const hasText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
      if (clips && hasText && el.scrollWidth > el.clientWidth + 1) problems.push(`text clipped in <${el.tagName.toLowerCase()} class="${el.className}">`);
      const box = el.getBoundingClientRect();
      if (hasText && box.right > window.innerWidth + 1)
        problems.push(`<${el.tagName.toLowerCase()} class="${el.className}"> ends at ${Math.round(box.right)}px`);
    }
    return problems.slice(0, 10);
  });
}

for (const language of ['vi', 'en'] as const) {
  for (const size of SIZES) {
    test(`every screen at ${size.width}×${size.height} in ${language}: screenshot, no overflow`, async ({ page, kiosk }) => {
      await page.setViewportSize(size);
      for (const route of ROUTES) {
        await openScreen(page, kiosk.url, 'home');
        if (language === 'en') await page.getByRole('button', { name: 'English' }).click();
        if (route !== 'home') {
          await page.evaluate((r) => (location.hash = `#/${r}`), route);
          await page.waitForTimeout(400);
        }
        await expect(page.locator('html')).toHaveAttribute('lang', language);
        await snapshot(page, `${route}-${size.width}x${size.height}-${language}`);
        expect(await overflowProblems(page), `${route} ${language} ${size.width}`).toEqual([]);
      }
    });
  }
}

/** The bottom of the element is inside the window as first shown (no scrolling needed). */
async function visibleWithoutScrolling(page: Page, name: string | RegExp): Promise<boolean> {
  const box = await page.getByRole('button', { name }).first().boundingBox();
  const height = page.viewportSize()!.height;
  return box !== null && box.y >= 0 && box.y + box.height <= height;
}

for (const language of ['vi', 'en'] as const) {
  for (const size of SIZES) {
    test(`home at ${size.width}×${size.height} in ${language}: the display options show without scrolling, also in large text`, async ({ page, kiosk }) => {
      await page.setViewportSize(size);
      await openScreen(page, kiosk.url, 'home');
      if (language === 'en') await page.getByRole('button', { name: 'English' }).click();
      const options = language === 'vi' ? [/Tiếng Việt/, 'English', /Chữ lớn/, /Tương phản cao/] : [/Tiếng Việt/, /English/, /Large text/, /High contrast/];
      for (const name of options) expect(await visibleWithoutScrolling(page, name), `${String(name)}`).toBe(true);
      await page.getByRole('button', { name: options[2]! }).click();
      await expect(page.locator('html')).toHaveAttribute('data-text-size', 'large');
      await page.evaluate(() => window.scrollTo(0, 0));
      for (const name of options) expect(await visibleWithoutScrolling(page, name), `${String(name)} (large text)`).toBe(true);
      await snapshot(page, `home-large-text-${size.width}x${size.height}-${language}`);
    });
  }
}
