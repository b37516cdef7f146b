// WCAG 2.2 AA on every screen: axe-core with zero serious or critical violations on each route of
// the router (read from renderer/src/router.ts), the signed-in staff area, large-text and
// high-contrast modes and the out-of-service screen; touch targets of 48 px; visible focus.
import AxeBuilder from '@axe-core/playwright';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, startKiosk, stopKiosk, test } from './fixtures';
import { openScreen, ROUTES, signInStaff } from './screens';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

/** Buttons, links and form controls smaller than 48 × 48 CSS px (WCAG 2.5.8 asks 24; kiosks need more). */
async function smallTargets(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, a[href], input:not([type="hidden"]), select, textarea, summary, [role="button"]')]
      .filter((el) => el.offsetParent !== null && !el.closest('.visually-hidden'))
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ el, box }) => {
        // A checkbox or radio counts with its label, which is the touch target.
        const label = el.closest('label');
        const target =
          (el as HTMLInputElement).type === 'checkbox' || (el as HTMLInputElement).type === 'radio' ? (label?.getBoundingClientRect() ?? box) : box;
        return target.height < 48 || target.width < 48;
      })
      .map(
        ({ el, box }) =>
          `${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 40)}" ${Math.round(box.width)}×${Math.round(box.height)}`,
      ),
  );
}

for (const route of ROUTES) {
  test(`axe finds no serious violation on the ${route} screen, and its targets are large`, async ({ page, kiosk }) => {
    await openScreen(page, kiosk.url, route);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
  });
}

test('axe passes on the home screen in large-text and high-contrast mode, in English', async ({ page, kiosk }) => {
  await openScreen(page, kiosk.url, 'home');
  await page.getByRole('button', { name: 'Chữ lớn' }).click();
  await page.getByRole('button', { name: 'Tương phản cao' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-text-size', 'large');
  await expect(page.locator('html')).toHaveAttribute('data-contrast', 'high');
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect(await seriousViolations(page)).toEqual([]);
});

test('axe passes on the signed-in staff area and the announcements form', async ({ page, kiosk }) => {
  await signInStaff(page, kiosk.url);
  expect(await seriousViolations(page)).toEqual([]);
});

test('axe passes on the out-of-service screen of a misconfigured kiosk', async ({ page }) => {
  const broken = await startKiosk({
    args: [],
    dataDir: await (async () => {
      const { mkdtempSync } = await import('node:fs');
      const { tmpdir } = await import('node:os');
      const dir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-broken-'));
      writeFileSync(join(dir, 'kiosk.config.json'), JSON.stringify({ library: { name: 'Thư viện xã A', communeCode: '12' } }));
      return dir;
    })(),
  });
  try {
    await page.goto(broken.url);
    await expect(page.getByRole('heading', { name: 'Máy tạm ngừng phục vụ' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  } finally {
    await stopKiosk(broken);
  }
});

test('keyboard focus is always visible: every focusable element on home shows an outline', async ({ page, kiosk }) => {
  await openScreen(page, kiosk.url, 'home');
  const count = await page.locator('button:visible, a[href]:visible, input:visible').count();
  for (let i = 0; i < count; i++) {
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return 'none';
      const style = getComputedStyle(el);
      return `${style.outlineStyle} ${style.outlineWidth}`;
    });
    expect(outline).not.toMatch(/^none|0px$/);
  }
});
