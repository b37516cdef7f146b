// Idle safety with one rule (issue #21): every resident route — Mượn / trả sách (start, signed in,
// registration), Tra cứu sách and its Đặt trước dialog, Thư viện số and a viewer, Internet sign-in,
// queue and a running session — is given something typed, then left alone; each returns home after
// its idle time, with the countdown and "I'm still here" on the way, and nothing of the last person
// remains. Time passes only through the page's clock and the kiosk's test clock.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, kioskCli, snapshot, startKiosk, stopKiosk, test } from './fixtures';
import { simulateScan } from './scan';
import { recordPrompts } from './screens';

const SCREEN_IDLE_S = 120; // residents.screenIdleSeconds
const READING_IDLE_S = 600; // residents.readingIdleSeconds
const COUNTDOWN_S = 15; // residents.idleCountdownSeconds
const SIGNED_IN_IDLE_S = 60; // circulation.idleSeconds
const SIGNED_IN_COUNTDOWN_S = 10; // circulation.countdownSeconds

/** Leaves the screen alone: the countdown shows (its button keeps the screen once), then home returns. */
async function leaveIdle(page: Page, idleSeconds: number, countdownSeconds: number, shot?: string): Promise<void> {
  const countdown = page.getByRole('alertdialog', { name: 'Bạn còn dùng máy không?' });
  await page.clock.fastForward((idleSeconds - countdownSeconds + 1) * 1000);
  await expect(countdown.getByTestId('idle-countdown')).toHaveText(/Máy sẽ về màn hình chính sau \d+ giây/);
  if (shot) await snapshot(page, shot);
  await countdown.getByRole('button', { name: 'Tôi vẫn đang dùng' }).click();
  await expect(countdown).toBeHidden();
  await page.clock.fastForward((idleSeconds + 1) * 1000);
  await expect(page.locator('#attract-title')).toBeVisible();
}

/** None of the texts is anywhere on the page: not shown, not in a field's value. */
async function expectForgotten(page: Page, texts: string[]): Promise<void> {
  const left = await page.evaluate((secrets) => {
    const seen = [document.body.innerText, ...[...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')].map((f) => f.value)]
      .join('\n')
      .toLowerCase();
    return secrets.filter((s) => seen.includes(s.toLowerCase()));
  }, texts);
  expect(left).toEqual([]);
}

test('every resident screen left alone returns home and forgets the last person', async ({ page }) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-'));
  // Demo title 6 has one copy (TV000012), lent out: it can be reserved.
  kioskCli(['checkout', 'BD000001', 'TV000012', '--data-dir', dataDir]);
  const [book] = kioskCli(['search', 'TV000012', '--data-dir', dataDir]) as { title: string }[];
  const kiosk = await startKiosk({ dataDir });
  try {
    // Mượn / trả sách, nobody signed in: a card number half typed.
    await page.goto(`${kiosk.url}#/circulation`);
    await page.getByLabel('Hoặc nhập số thẻ thư viện').fill('BD000004');
    await leaveIdle(page, SCREEN_IDLE_S, COUNTDOWN_S);
    await page.goto(`${kiosk.url}#/circulation`);
    await expect(page.getByLabel('Hoặc nhập số thẻ thư viện')).toHaveValue('');
    await expectForgotten(page, ['BD000004']);

    // Signed in: the visit's own (shorter) idle time, then the resident is gone.
    await page.getByLabel('Hoặc nhập số thẻ thư viện').fill('BD000003');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    const greeting = page.getByRole('heading', { name: /Xin chào/ });
    await expect(greeting).toBeVisible();
    const name = ((await greeting.textContent()) ?? '').replace('Xin chào ', '');
    await leaveIdle(page, SIGNED_IN_IDLE_S, SIGNED_IN_COUNTDOWN_S);
    await page.goto(`${kiosk.url}#/circulation`);
    await expect(page.getByRole('heading', { name: 'Mượn sách' })).toBeVisible();
    await expectForgotten(page, [name, 'BD000003']);

    // Registration from an unknown CCCD, with the village typed.
    await page.goto(kiosk.url);
    await simulateScan(page, '001189012345|123456789|Nguyễn Thị Lan|12041989|Nữ|Thôn Đông, xã Minh Hòa|01012021');
    await expect(page.getByRole('heading', { name: 'Chào Nguyễn Thị Lan, bạn chưa có thẻ thư viện' })).toBeVisible();
    await page.getByLabel('Thôn / tổ dân phố (không bắt buộc)').fill('Xóm Bến Đò');
    await leaveIdle(page, SIGNED_IN_IDLE_S, SIGNED_IN_COUNTDOWN_S);
    await page.goto(`${kiosk.url}#/circulation`);
    await expectForgotten(page, ['Nguyễn Thị Lan', 'Xóm Bến Đò', '1989']);

    // Tra cứu sách: a query, then the Đặt trước dialog with a card typed into it.
    await page.goto(`${kiosk.url}#/search`);
    const box = page.getByLabel('Tên sách, tác giả hoặc chủ đề');
    await box.fill(book!.title);
    await page
      .getByRole('button', { name: `Đặt trước cuốn ${book!.title}` })
      .first()
      .click();
    const dialog = page.getByRole('dialog', { name: `Đặt trước: ${book!.title}` });
    await dialog.getByLabel('Số thẻ thư viện').fill('BD000002');
    await leaveIdle(page, SCREEN_IDLE_S, COUNTDOWN_S, 'idle-countdown-search');
    await page.goto(`${kiosk.url}#/search`);
    await expect(box).toHaveValue('');
    await expect(dialog).toHaveCount(0);
    await expectForgotten(page, [book!.title, 'BD000002']);

    // Thư viện số: a search, then a document open in its viewer (the longer reading time).
    await page.goto(`${kiosk.url}#/digital-library`);
    const libraryBox = page.getByRole('searchbox', { name: 'Tìm tài liệu' });
    await libraryBox.fill('so tay trong lua');
    await expect(page.getByTestId('results').getByRole('button', { name: /Sổ tay trồng lúa tiết kiệm nước/ })).toBeVisible();
    await leaveIdle(page, SCREEN_IDLE_S, COUNTDOWN_S);
    await page.goto(`${kiosk.url}#/digital-library`);
    await expect(libraryBox).toHaveValue('');
    await libraryBox.fill('so tay trong lua');
    await page
      .getByTestId('results')
      .getByRole('button', { name: /Sổ tay trồng lúa tiết kiệm nước/ })
      .click();
    await expect(page.getByTestId('pdf-page')).toHaveText('Trang 1 / 6');
    // Two minutes of reading is not idle...
    await page.clock.fastForward((SCREEN_IDLE_S + 5) * 1000);
    await expect(page.getByTestId('pdf-page')).toBeVisible();
    await expect(page.getByRole('alertdialog')).toHaveCount(0);
    // ...and turning a page is use: the reading time starts again from here...
    await page.getByRole('button', { name: 'Trang sau ▶' }).click();
    await expect(page.getByTestId('pdf-page')).toHaveText('Trang 2 / 6');
    // ...until it runs out.
    await leaveIdle(page, READING_IDLE_S, COUNTDOWN_S);
    await expectForgotten(page, ['Sổ tay trồng lúa']);

    // Internet: a card typed at sign-in, and at the queue.
    for (const route of ['internet', 'internet/queue']) {
      await page.goto(`${kiosk.url}#/${route}`);
      const field = page.getByRole('textbox').first();
      await field.fill('BD000005');
      await leaveIdle(page, SCREEN_IDLE_S, COUNTDOWN_S);
      await page.goto(`${kiosk.url}#/${route}`);
      await expect(page.getByRole('textbox').first()).toHaveValue('');
      await expectForgotten(page, ['BD000005']);
    }

    // A running internet session: after five minutes without input the kiosk asks; an answer keeps
    // the session, no answer within a minute ends it and wipes it.
    await page.goto(`${kiosk.url}#/internet`);
    await page.getByLabel(/Hoặc gõ số thẻ/).fill('BD000003');
    await page.getByRole('button', { name: 'Bắt đầu', exact: true }).click();
    await page.getByRole('button', { name: 'Bắt đầu dùng Internet' }).click();
    await page.getByLabel('Địa chỉ trang web').fill('zalo.me/ca-nhan-bi-mat');
    const question = page.getByTestId('still-using');
    await kiosk.advanceClock(5 * 60_000 + 1000, [page]);
    await expect(question).toContainText('Bạn còn dùng máy không?');
    await expect(question).toContainText(/phiên sẽ kết thúc sau \d+ giây/);
    await snapshot(page, 'internet-still-using');
    await question.getByRole('button', { name: 'Tôi vẫn đang dùng' }).click();
    await expect(question).toBeHidden();
    await expect(page.getByTestId('countdown')).toBeVisible();

    await kiosk.advanceClock(5 * 60_000 + 1000, [page]);
    await expect(question).toBeVisible();
    await kiosk.advanceClock(61_000, [page]);
    await expect(page.getByRole('heading', { name: /Phiên Internet đã kết thúc vì lâu không có ai dùng máy/ })).toBeVisible();
    await page.clock.fastForward(10_000);
    await expect(page.locator('#attract-title')).toBeVisible({ timeout: 15_000 });
    await page.goto(`${kiosk.url}#/internet`);
    await expect(page.getByRole('heading', { name: 'Đăng nhập để dùng Internet' })).toBeVisible();
    await expectForgotten(page, ['zalo.me', 'BD000003']);
  } finally {
    await stopKiosk(kiosk);
  }
});

test('in English and large text: the countdown speaks, the speaker switch and the choices reset at idle, the keyboard has digits', async ({ page, kiosk }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const played = await recordPrompts(page);
  await page.goto(kiosk.url);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Large text' }).click();
  await expect(page.getByRole('switch', { name: /Spoken guidance/ })).toHaveAttribute('aria-checked', 'true');
  await page.getByRole('button', { name: /Find a book/ }).click();

  // The on-screen keyboard types digits as digits.
  const box = page.getByRole('searchbox').first();
  await page.getByRole('button', { name: 'Keyboard' }).click();
  const keyboard = page.getByRole('group', { name: 'On-screen Vietnamese keyboard' });
  for (const key of ['t', 'o', 'a', 'n', ' ', '5']) await keyboard.getByRole('button', { name: key === ' ' ? 'Space' : key, exact: true }).click();
  await expect(box).toHaveValue('toan 5');
  await snapshot(page, 'keyboard-digits-en-large');

  const countdown = page.getByRole('alertdialog', { name: 'Are you still using the computer?' });
  await page.clock.fastForward((SCREEN_IDLE_S - COUNTDOWN_S + 1) * 1000);
  await expect(countdown).toContainText(/Going back to the home screen in \d+ seconds/);
  await snapshot(page, 'idle-countdown-search-en-large');
  await expect.poll(played).toContain('stillHere');
  await countdown.getByRole('button', { name: 'I am still here' }).click();

  // The resident silences the kiosk: the next countdown says nothing...
  const speaker = page.getByRole('switch', { name: /Spoken guidance/ });
  await speaker.click();
  await expect(speaker).toHaveAttribute('aria-checked', 'false');
  await expect(speaker).toContainText('Off');
  const before = (await played()).length;
  await page.clock.fastForward((SCREEN_IDLE_S - COUNTDOWN_S + 1) * 1000);
  await expect(countdown).toBeVisible();
  expect((await played()).length).toBe(before);
  await page.clock.fastForward(COUNTDOWN_S * 1000);
  // ...and once home, everything is back for the next person: language, text size, the speaker on.
  await expect(page.locator('#attract-title')).toHaveText('Quét thẻ thư viện hoặc mã QR trên CCCD để bắt đầu');
  expect(await page.evaluate(() => document.documentElement.dataset.textSize ?? null)).toBeNull();
  await expect(page.getByRole('switch', { name: /Giọng đọc/ })).toHaveAttribute('aria-checked', 'true');
  await snapshot(page, 'home-speaker-switch');
});

test("a box sent empty is answered in the kiosk's words next to it, never the browser's", async ({ page, kiosk }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${kiosk.url}#/circulation`);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  const card = page.getByLabel('Hoặc nhập số thẻ thư viện');
  await expect(page.locator('#manual-card-error')).toHaveText('Ô này còn trống. Vui lòng nhập vào rồi bấm “Đăng nhập”.');
  await expect(card).toHaveAttribute('aria-invalid', 'true');
  expect(await card.evaluate((input: HTMLInputElement) => input.validationMessage)).toBe('');
  await snapshot(page, 'circulation-empty-card');
  await card.fill('B');
  await expect(page.locator('#manual-card-error')).toHaveCount(0);
});
