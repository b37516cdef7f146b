// The room's console in Chromium (issue #18, item 4), on real kiosk processes: each test a hub and
// paired PCs of its own. Máy 1 has a resident browsing, Máy 2's resident stepped away, Máy 3 was never
// started: staff at the hub see each PC's state, and staff at Máy 2 (in English, large text) see the
// same. Staff at Máy 2 lock and unlock the session on Máy 1, and end it, which Máy 1 carries out
// within a few seconds each time. Staff at the hub close the whole room's internet in an emergency and
// reopen it, and put two PCs into maintenance and back.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { expect, kioskCli, newKioskPage, openHome, snapshot, startKiosk, stopKiosk, test, type RunningKiosk } from './fixtures';
import { pageReply } from '../support/page-call';

const running: RunningKiosk[] = [];
test.afterEach(async () => {
  for (const kiosk of running.splice(0).reverse()) await stopKiosk(kiosk);
});

/** A hub on free loopback ports, serving, and PCs paired with it (not started): their data folders. */
async function room(...names: string[]): Promise<{ hub: RunningKiosk; dirs: string[] }> {
  const hubDir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-hub-'));
  kioskCli(['room', 'hub', '--port', '0', '--pairing-port', '0', '--data-dir', hubDir]);
  const hub = await startKiosk({ dataDir: hubDir });
  running.push(hub);
  const pairing = /ROOM_PAIRING=(\S+)/.exec(hub.stdout())![1]!;
  const dirs = names.map((name) => {
    const { code } = kioskCli(['room', 'pair-code', '--data-dir', hubDir]) as { code: string };
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-pc-'));
    kioskCli(['room', 'join', pairing, code, '--name', name, '--data-dir', dir]);
    return dir;
  });
  return { hub, dirs };
}

/** Staff sign in through the staff screen's form, keeping the language the page shows, then open the console. */
async function openConsole(page: Page): Promise<void> {
  await page.evaluate(() => (location.hash = '#/staff'));
  await page.getByLabel(/^(Số thẻ cán bộ|Staff card number)/).fill('NV0001');
  await page.getByLabel(/^(Mã PIN|PIN)$/).fill('147258');
  await page.getByRole('button', { name: /^(Đăng nhập|Sign in)$/ }).click();
  await page.getByRole('button', { name: /Đăng xuất|Sign out/ }).waitFor();
  await page.evaluate(() => (location.hash = '#/staff/room-console'));
}

const card = (page: Page, name: string) => page.locator(`li.pc-card[data-pc="${name}"]`);

/** A hub (staff at its console, in Vietnamese) and the first two of `names` started, each with a page at its home screen. */
async function roomWithConsole(browser: Browser, ...names: string[]) {
  const { hub, dirs } = await room(...names);
  // The PCs start side by side, as a room's PCs do in the morning.
  const started = await Promise.all(dirs.slice(0, 2).map((dir) => startKiosk({ dataDir: dir })));
  running.push(...started);
  const [atHub, atPc1, atPc2] = await Promise.all(
    [hub, ...started].map(async (kiosk) => {
      const page = await newKioskPage(browser, kiosk);
      await page.setViewportSize({ width: 1366, height: 768 });
      await openHome(page, kiosk.url);
      return page;
    }),
  );
  return { atHub: atHub!, atPc1: atPc1!, atPc2: atPc2! };
}

/** The home screen's choice of English and large text (a resident's, or staff's before they sign in). */
async function englishLarge(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: /Large text/ }).click();
}

/** A resident browsing at Máy 1, and staff at Máy 2 (in English, large text) seeing it on the console. */
async function sessionOnPc1ConsoleAtPc2(browser: Browser) {
  const { atPc1, atPc2 } = await roomWithConsole(browser, 'Máy 1', 'Máy 2');
  expect((await pageReply(atPc1, 'internet.signIn', { kind: 'card', text: 'BD000003' })).ok).toBe(true);
  await englishLarge(atPc2);
  await openConsole(atPc2);
  await expect(card(atPc2, 'Máy 1')).toHaveAttribute('data-state', 'in_session');
  return { atPc1, atPc2 };
}

test('staff see every PC of the room in its state, at the hub in Vietnamese and at another PC in English and large text', async ({ browser }) => {
  // Máy 1: a resident browses. Máy 2: a resident browses, then steps away. Máy 3 never starts.
  const { atHub, atPc1, atPc2 } = await roomWithConsole(browser, 'Máy 1', 'Máy 2', 'Máy 3');
  expect((await pageReply(atPc1, 'internet.signIn', { kind: 'card', text: 'BD000003' })).ok).toBe(true);
  expect((await pageReply(atPc2, 'internet.signIn', { kind: 'card', text: 'BD000004' })).ok).toBe(true);
  expect((await pageReply(atPc2, 'internet.stepAway', {})).ok).toBe(true);

  // Staff at the hub, in Vietnamese.
  await openConsole(atHub);
  await expect(card(atHub, 'Máy 1')).toHaveAttribute('data-state', 'in_session');
  await expect(card(atHub, 'Máy 2')).toHaveAttribute('data-state', 'away');
  await expect(card(atHub, 'Máy 3')).toHaveAttribute('data-state', 'offline');
  await expect(card(atHub, 'Máy 1')).toContainText('Đang có người dùng');
  await expect(card(atHub, 'Máy 2')).toContainText('Người dùng tạm rời máy');
  await expect(card(atHub, 'Máy 3')).toContainText('Chưa liên lạc lần nào');
  await expect(atHub.locator('li.pc-card').first()).toContainText('Máy trung tâmĐang trống');
  await snapshot(atHub, 'room-console-1366x768-vi');
  const axe = await new AxeBuilder({ page: atHub }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  // Staff at Máy 2, in English and large text: the same room, from the hub.
  await englishLarge(atPc2);
  await openConsole(atPc2);
  await expect(card(atPc2, 'Máy 1')).toContainText('In use');
  await expect(card(atPc2, 'Máy 3')).toContainText('Offline');
  await snapshot(atPc2, 'room-console-1366x768-en-large');
});

test('staff at another PC lock and unlock the session on Máy 1 from the console', async ({ browser }) => {
  const { atPc1, atPc2 } = await sessionOnPc1ConsoleAtPc2(browser);

  // From Máy 2, lock the session on Máy 1: within seconds Máy 1's pages step aside and its screen
  // asks the resident to see staff, in Vietnamese; the card says the session is locked. Unlocked, the
  // resident's session bar is back.
  await atPc1.evaluate(() => (location.hash = '#/internet'));
  await expect(atPc1.getByTestId('countdown')).toBeVisible();
  await card(atPc2, 'Máy 1').getByRole('button', { name: 'Lock session' }).click();
  await expect(card(atPc2, 'Máy 1')).toContainText('Lock sent to Máy 1');
  await expect(atPc1.getByRole('heading', { name: 'Máy đang tạm khóa' })).toBeVisible({ timeout: 20_000 });
  await expect(atPc1.getByTestId('countdown')).toHaveCount(0);
  await snapshot(atPc1, 'internet-locked-1366x768-vi');
  await expect(card(atPc2, 'Máy 1')).toContainText('The session is locked', { timeout: 20_000 });
  // The card's state says so too, not "In use".
  await expect(card(atPc2, 'Máy 1')).toHaveAttribute('data-state', 'locked');
  await expect(card(atPc2, 'Máy 1').locator('.pc-state')).toHaveText('Session locked');
  await snapshot(atPc2, 'room-console-locked-1366x768-en-large');
  await card(atPc2, 'Máy 1').getByRole('button', { name: 'Unlock session' }).click();
  await expect(atPc1.getByTestId('countdown')).toBeVisible({ timeout: 20_000 });
  await expect(card(atPc2, 'Máy 1')).toHaveAttribute('data-state', 'in_session', { timeout: 20_000 });
});

test('staff at another PC end the session on Máy 1 from the console', async ({ browser }) => {
  const { atPc1, atPc2 } = await sessionOnPc1ConsoleAtPc2(browser);

  // From Máy 2, end the session on Máy 1: asked twice, sent, carried out there within seconds.
  await card(atPc2, 'Máy 1').getByRole('button', { name: 'End the session now' }).click();
  await card(atPc2, 'Máy 1').getByRole('button', { name: 'Yes' }).click();
  await expect(card(atPc2, 'Máy 1')).toContainText('End of session sent to Máy 1');
  await expect(card(atPc2, 'Máy 1')).toHaveAttribute('data-state', 'free', { timeout: 20_000 });
  expect((await pageReply(atPc1, 'internet.status', {})).value).toMatchObject({ phase: 'free', session: null });
});

test("staff close the whole room's internet in an emergency and reopen it", async ({ browser }) => {
  // Máy 2's resident has stepped away from a session.
  const { atHub, atPc2 } = await roomWithConsole(browser, 'Máy 1', 'Máy 2');
  expect((await pageReply(atPc2, 'internet.signIn', { kind: 'card', text: 'BD000004' })).ok).toBe(true);
  expect((await pageReply(atPc2, 'internet.stepAway', {})).ok).toBe(true);
  await openConsole(atHub);
  await expect(card(atHub, 'Máy 2')).toHaveAttribute('data-state', 'away');

  // An emergency, from the hub: the whole room's internet closes, asked twice; the PCs follow within
  // seconds (Máy 2's session ends), the console says since when and by whom, and one button reopens the room.
  await atHub.getByRole('button', { name: 'Đóng Internet cả phòng (khẩn cấp)' }).click();
  await atHub.locator('.room-emergency').getByRole('button', { name: 'Đồng ý' }).click();
  await expect(atHub.locator('.room-emergency')).toContainText('Internet cả phòng đang đóng từ');
  await expect(card(atHub, 'Máy 1')).toHaveAttribute('data-state', 'closed', { timeout: 20_000 });
  await expect(card(atHub, 'Máy 2')).toHaveAttribute('data-state', 'closed', { timeout: 20_000 });
  await snapshot(atHub, 'room-console-emergency-1366x768-vi');
  await atHub.getByRole('button', { name: 'Mở lại Internet cả phòng' }).click();
  await expect(card(atHub, 'Máy 1')).toHaveAttribute('data-state', 'free', { timeout: 20_000 });
  await expect(atHub.getByRole('button', { name: 'Đóng Internet cả phòng (khẩn cấp)' })).toBeVisible();
});

test('staff put two PCs into maintenance and back; their resident screens follow', async ({ browser }) => {
  // Máy 2's resident chose English and large text.
  const { atHub, atPc1, atPc2 } = await roomWithConsole(browser, 'Máy 1', 'Máy 2');
  await englishLarge(atPc2);
  await openConsole(atHub);
  await expect(card(atHub, 'Máy 2')).toHaveAttribute('data-state', 'free');

  // Máy 1 and Máy 2 go into maintenance from the hub: their resident screens say so within seconds
  // (Máy 2's in the English large text its resident chose), and come back when staff put them back.
  for (const name of ['Máy 1', 'Máy 2']) {
    await card(atHub, name).getByRole('button', { name: 'Chuyển sang bảo trì' }).click();
    await expect(card(atHub, name)).toHaveAttribute('data-state', 'maintenance');
  }
  await expect(card(atHub, 'Máy 1')).toContainText('Bảo trì từ');
  await snapshot(atHub, 'room-console-maintenance-1366x768-vi');
  await expect(atPc1.getByText('Máy này đang được bảo trì.', { exact: false })).toBeVisible({ timeout: 20_000 });
  await snapshot(atPc1, 'maintenance-1366x768-vi');
  await expect(atPc2.getByText('This PC is under maintenance.', { exact: false })).toBeVisible({ timeout: 20_000 });
  await snapshot(atPc2, 'maintenance-1366x768-en-large');
  for (const name of ['Máy 1', 'Máy 2']) await card(atHub, name).getByRole('button', { name: 'Phục vụ lại' }).click();
  await expect(atPc1.locator('#attract-title')).toBeVisible({ timeout: 20_000 });
  await expect(atPc2.locator('#attract-title')).toBeVisible({ timeout: 20_000 });
});
