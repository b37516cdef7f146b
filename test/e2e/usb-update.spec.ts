// The technician's "Cập nhật phần mềm" page (issue #15, finding 7): a signed update on a USB stick,
// made here with a key generated here, is shown (version, signer, size) and installed only on
// "Cài đặt"; a tampered stick is refused with a Vietnamese sentence saying what to do. The kiosk
// runs in this process so the test can hand it the stick, its key and the shell's installer.
import { test, expect, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { attachUpdateInstaller, configureUsbUpdates, keyFingerprint } from '../../electron/core/updates/usb-update';
import { DEFAULT_INSTANT } from '../support/clock';
import { newUpdateKey, publishUpdate } from '../support/update-stick';
import { kioskClock, snapshot } from './fixtures';
import { startInProcessKiosk, type InProcessKiosk } from './in-process-kiosk';

const province = newUpdateKey();
const installer = randomBytes(1.5 * 1024 * 1024);
let work: string;
let running: InProcessKiosk;

test.beforeEach(async () => {
  work = mkdtempSync(join(tmpdir(), 'kiosk-usb-update-'));
  running = await startInProcessKiosk(work);
});

test.afterEach(async () => {
  await running?.close();
  rmSync(work, { recursive: true, force: true });
});

async function signInTechnician(page: Page, labels = { card: 'Số thẻ cán bộ', pin: 'Mã PIN', submit: 'Đăng nhập' }) {
  await page.getByLabel(labels.card).fill('KT0001');
  await page.getByLabel(labels.pin, { exact: true }).fill('246813');
  await page.getByRole('button', { name: labels.submit }).click();
}

/** A stick with the update `version`, the test's key trusted, and the shell's installer recording what it runs. */
function stickWith(version: string) {
  const { kiosk } = running;
  const media = join(work, 'USB THU VIEN');
  const stick = join(media, 'kiosk-update');
  const file = publishUpdate(stick, { version, key: province.privateKey, installer });
  const installed: Buffer[] = [];
  configureUsbUpdates(kiosk.ctx, { media: () => [media], publicKey: () => province.publicPem, version: '1.3.0' });
  attachUpdateInstaller(kiosk.ctx, { install: async (path) => void installed.push(readFileSync(path)) });
  return { stick, file, installed };
}

/** The technician's update page, signed in as KT0001 on the kiosk's clock. */
async function openUpdatePage(page: Page, url: string): Promise<void> {
  await kioskClock(page.context(), DEFAULT_INSTANT);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${url}#/staff`);
  await signInTechnician(page);
  await page.getByRole('button', { name: 'Cập nhật phần mềm' }).click();
}

test('a technician sees the signed update on the stick and installs it', async ({ page }) => {
  const { host } = running;
  const { installed } = stickWith('1.4.0');
  await openUpdatePage(page, host.url);
  const card = page.getByTestId('usb-update-found');
  await expect(card).toContainText('1.4.0');
  await expect(card).toContainText(keyFingerprint(province.publicPem));
  await expect(card).toContainText('1,5 MB');
  await snapshot(page, 'technician-usb-update-vi');
  expect(installed).toEqual([]);
  await card.getByRole('button', { name: 'Cài đặt' }).click();
  await expect(page.locator('.banner[role="status"]')).toHaveText('Đang cài bản 1.4.0. Kiosk sẽ khởi động lại trong giây lát.');
  expect(installed).toEqual([installer]);
});

test('a stick whose installer was edited after signing is refused with what to do, and nothing installs', async ({ page }) => {
  const { host } = running;
  const { file, installed } = stickWith('1.4.0');
  writeFileSync(file, Buffer.concat([installer, Buffer.from('x')]));
  await openUpdatePage(page, host.url);
  await expect(page.getByTestId('usb-update-refused')).toHaveText(
    'Tệp cài đặt không khớp với chữ ký (bị sửa hoặc chép hỏng) nên không được cài. Hãy chép lại từ thư viện tỉnh.',
  );
  await expect(page.getByRole('button', { name: 'Cài đặt' })).toHaveCount(0);
  await snapshot(page, 'technician-usb-update-refused-vi');
  expect(installed).toEqual([]);
});

test('in English and large text: a downgrade is refused, a newer update is offered', async ({ page }) => {
  const { host } = running;
  const { stick, installed } = stickWith('1.2.0');
  await kioskClock(page.context(), DEFAULT_INSTANT);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(host.url);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: /Large text/ }).click();
  await page.goto(`${host.url}#/staff`);
  await expect(page.locator('html')).toHaveAttribute('data-text-size', 'large');
  await signInTechnician(page, { card: 'Staff card number', pin: 'PIN', submit: 'Sign in' });
  await page.getByRole('button', { name: 'Software update' }).click();
  await expect(page.getByTestId('usb-update-refused')).toHaveText(
    'This update is not newer than the running version, so it is not installed. Use a stick with a newer version, or keep the running one.',
  );
  await snapshot(page, 'technician-usb-update-refused-en-large');
  publishUpdate(stick, { version: '1.4.1', key: province.privateKey, installer });
  await page.getByRole('button', { name: 'Look again' }).click();
  await expect(page.getByTestId('usb-update-found')).toContainText('1.4.1');
  await snapshot(page, 'technician-usb-update-en-large');
  expect(installed).toEqual([]);
});

test('staff who are not technicians have no update page', async ({ page }) => {
  const { host } = running;
  await kioskClock(page.context(), DEFAULT_INSTANT);
  await page.goto(`${host.url}#/staff`);
  await page.getByLabel('Số thẻ cán bộ').fill('NV0001');
  await page.getByLabel('Mã PIN', { exact: true }).fill('147258');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('heading', { name: 'Hôm nay' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cập nhật phần mềm' })).toHaveCount(0);
});
