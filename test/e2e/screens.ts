// The list of screens the residents-first sweeps (axe, screenshots, overflow) visit. Read from
// renderer/src/router.ts so a service route added later is swept without editing this file.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';

const routerSource = readFileSync(fileURLToPath(new URL('../../renderer/src/router.ts', import.meta.url)), 'utf8');

/** Every route id in the ROUTES list of the router. */
export const ROUTES: string[] = (() => {
  const list = /const ROUTES[^=]*=\s*\[([^\]]*)\]/.exec(routerSource)?.[1] ?? '';
  const ids = [...list.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
  if (!ids.includes('home')) throw new Error('renderer/src/router.ts has no ROUTES list with home');
  return ids;
})();

export function urlFor(base: string, route: string): string {
  return route === 'home' ? base : `${base}#/${route}`;
}

/** Opens a screen and waits until it has rendered something beyond the loading line. */
export async function openScreen(page: Page, base: string, route: string): Promise<void> {
  await page.goto(urlFor(base, route));
  await page.locator('main, [role="main"]').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), undefined, { timeout: 10_000 }).catch(() => undefined);
  await page.waitForTimeout(300);
}

/** Signs in as the demo staff member through the staff screen's own form. */
export async function signInStaff(page: Page, base: string): Promise<void> {
  await page.goto(urlFor(base, 'staff'));
  await page.getByLabel(/Số thẻ cán bộ|Staff card/).fill('NV0001');
  await page.getByLabel(/^(Mã PIN|PIN)/).fill('147258');
  await page.getByRole('button', { name: /^(Đăng nhập|Sign in)$/ }).click();
  await page.getByRole('button', { name: /Đăng xuất|Sign out/ }).waitFor();
}

/** From the signed-in staff area: Bạn đọc và thẻ → all cards → this resident's record. */
export async function openRecord(page: Page, card: string): Promise<void> {
  await page.getByRole('button', { name: /Bạn đọc và thẻ|Readers and cards/ }).click();
  await page.getByRole('button', { name: /^(Tất cả|All)$/ }).click();
  await page
    .locator(`tr[data-card="${card}"]`)
    .getByRole('button', { name: /^(Hồ sơ|Record)$/ })
    .click();
}

/**
 * Records which spoken prompts start playing (the test's own record of play(); the kiosk keeps none).
 * Call before the page loads; the returned function reads the prompt ids in the order played.
 */
export async function recordPrompts(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const played: string[] = [];
    (window as unknown as { promptsPlayed: string[] }).promptsPlayed = played;
    const play = HTMLMediaElement.prototype.play;
    HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
      if (this.dataset.prompt) played.push(this.dataset.prompt);
      return play.call(this);
    };
  });
  return () => page.evaluate(() => (window as unknown as { promptsPlayed: string[] }).promptsPlayed.slice());
}
