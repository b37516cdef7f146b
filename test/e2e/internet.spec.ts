// Free internet sessions in browser mode: sign in, countdown, staff extends from the staff screen,
// the resident sees the new time, time runs out and the home screen returns; the wipe of cookies,
// local storage and downloads; blocked addresses; the queue from the home screen; stepping away and back;
// guest passes; CCCD sign-in.
import type { Browser, Page } from '@playwright/test';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, INSTANTS, kioskCli, newKioskPage, snapshot, startKiosk, stopKiosk, test, type RunningKiosk } from './fixtures';
import { simulateScan } from './scan';
import { pageReply } from '../support/page-call';

function seconds(clock: string): number {
  const parts = clock.split(':').map(Number);
  return parts.reduce((total, part) => total * 60 + part, 0);
}

async function signInResident(page: Page, card: string) {
  await page.getByLabel(/Hoặc gõ số thẻ/).fill(card);
  await page.getByRole('button', { name: 'Bắt đầu', exact: true }).click();
}

/** BD000003 signs in at the internet screen, starts browsing and opens the public-services portal. */
async function browseAsResident(page: Page, url: string) {
  await page.goto(`${url}#/internet`);
  await signInResident(page, 'BD000003');
  await page.getByRole('button', { name: 'Bắt đầu dùng Internet' }).click();
  await page.getByLabel('Địa chỉ trang web').fill('dichvucong.gov.vn');
  await page.getByRole('button', { name: 'Mở', exact: true }).click();
}

async function signInStaff(page: Page) {
  await page.getByLabel('Số thẻ cán bộ').fill('NV0001');
  await page.getByLabel('Mã PIN', { exact: true }).click();
  for (const digit of '147258') await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

const callApi = pageReply;

test('sign in, countdown, staff extends, the resident sees it, time runs out, home returns', async ({ browser }) => {
  test.setTimeout(90_000);
  // The session's minutes pass when the test moves the kiosk's clock (kiosk.advanceClock), not in real time.
  const kiosk = await startKiosk();
  try {
    const resident = await newKioskPage(browser, kiosk);
    await resident.goto(`${kiosk.url}#/internet`);
    await expect(resident.getByRole('heading', { name: 'Đăng nhập để dùng Internet' })).toBeVisible();
    await snapshot(resident, 'internet-sign-in');

    const staff = await newKioskPage(browser, kiosk);
    await staff.goto(`${kiosk.url}#/staff/internet`);
    await signInStaff(staff);
    await expect(staff.getByText('Máy Internet đang trống.')).toBeVisible();
    await signInResident(resident, 'BD000001'); // a child: 30 minutes per session
    await expect(resident.getByTestId('allowance')).toHaveText('30 phút');
    await snapshot(resident, 'internet-allowance');
    await resident.getByRole('button', { name: 'Bắt đầu dùng Internet' }).click();
    const countdown = resident.getByTestId('countdown');
    await expect(countdown).toBeVisible();
    await expect(resident.getByRole('heading', { name: 'Trang hữu ích cho bà con' })).toBeVisible();
    await snapshot(resident, 'internet-session');

    await resident.getByRole('button', { name: 'Xin thêm giờ' }).click();
    await expect(resident.getByRole('button', { name: 'Đã gửi yêu cầu thêm giờ' })).toBeDisabled();

    await expect(staff.getByRole('heading', { name: 'Phiên đang dùng' })).toBeVisible();
    await expect(staff.getByTestId('staff-current')).toContainText('BD000001');
    await expect(staff.getByText('Bạn đọc đang xin thêm giờ.')).toBeVisible();
    await snapshot(staff, 'internet-staff');

    const before = seconds((await countdown.textContent()) ?? '0');
    await staff.getByRole('button', { name: '+10 phút' }).click();
    await expect(staff.getByRole('status').filter({ hasText: 'Đã thêm 10 phút.' })).toBeVisible();
    // 10 minutes were added; only a few real seconds passed meanwhile.
    await expect.poll(async () => seconds((await countdown.textContent()) ?? '0')).toBeGreaterThan(before + 9 * 60);
    await expect(resident.getByRole('button', { name: 'Xin thêm giờ' })).toBeEnabled();

    await staff.getByLabel('Lời nhắn cho bạn đọc').fill('Phòng đọc sắp đóng cửa, bạn lưu bài nhé.');
    await staff.getByRole('button', { name: 'Gửi lời nhắn' }).click();
    await expect(resident.getByRole('alertdialog')).toContainText('Phòng đọc sắp đóng cửa, bạn lưu bài nhé.');
    // Staff see it went, under the box they typed in; the box is empty for the next one.
    await expect(staff.locator('form:has(#staff-message) + .banner.success')).toHaveText('Đã gửi lời nhắn.');
    await expect(staff.getByLabel('Lời nhắn cho bạn đọc')).toHaveValue('');
    await snapshot(resident, 'internet-staff-message');
    await resident.getByRole('button', { name: 'Đã hiểu' }).click();

    // Most of the session passes at once: four and a half minutes are left, so the five-minute warning shows.
    const left = seconds((await countdown.textContent()) ?? '0');
    await kiosk.advanceClock((left - 270) * 1000, [resident, staff]);
    await expect(resident.locator('.banner.warning').filter({ hasText: 'Chỉ còn 5 phút. Vui lòng lưu lại' })).toBeVisible();
    await expect.poll(async () => seconds((await countdown.textContent()) ?? '0')).toBeLessThanOrEqual(270);
    await snapshot(resident, 'internet-warning');
    await kiosk.advanceClock(300_000, [resident, staff]);
    await expect(resident.getByRole('heading', { name: 'Đã hết thời gian dùng Internet.' })).toBeVisible();
    await snapshot(resident, 'internet-time-up');
    await expect(resident.getByText('Quét thẻ thư viện hoặc mã QR trên CCCD để bắt đầu')).toBeVisible({ timeout: 15_000 });

    // The staff screen, untouched through those 35 minutes, signed itself out; signed in again, it shows the end.
    await expect(staff.getByRole('status').filter({ hasText: 'Đã tự đăng xuất vì không có thao tác trong 15 phút.' })).toBeVisible();
    await signInStaff(staff);
    await staff.getByRole('button', { name: 'Máy Internet' }).click();
    await expect(staff.getByText('Máy Internet đang trống.')).toBeVisible();
    await expect(staff.locator('.recent-sessions')).toContainText('hết giờ');
  } finally {
    await stopKiosk(kiosk);
  }
});

test('after the session, its cookies, local storage and downloads are gone', async ({ page, kiosk }) => {
  await browseAsResident(page, kiosk.url);

  // The placeholder page runs on the other loopback origin: its own cookies and storage.
  const frame = page.frameLocator('iframe.placeholder-frame');
  await expect(frame.getByTestId('frame-decision')).toHaveAttribute('data-decision', 'allow');
  await expect(frame.getByTestId('frame-countdown')).toContainText('Thời gian còn lại');
  const frameOrigin = new URL(
    page
      .frames()
      .find((f) => f.url().includes('#/internet/frame'))!
      .url(),
  ).origin;
  expect(frameOrigin).not.toBe(new URL(kiosk.url).origin);
  // A web page of the session, top level on that origin as in the browsing partition, leaves traces.
  const web = await page.context().newPage();
  // Opened with the launch's secret, as the kiosk opens its placeholder pages.
  await web.goto(`${frameOrigin}/${new URL(kiosk.url).search}#/internet/frame?u=${encodeURIComponent('https://dichvucong.gov.vn/')}`);
  await expect(web.getByTestId('frame-countdown')).toContainText('Thời gian còn lại');
  await web.evaluate(() => {
    document.cookie = 'dang_nhap=abc123; path=/; max-age=86400';
    localStorage.setItem('ho_so', 'Nguyễn Văn A');
  });
  expect(await web.evaluate(() => [document.cookie, localStorage.getItem('ho_so')])).toEqual(['dang_nhap=abc123', 'Nguyễn Văn A']);
  const saved = await callApi(page, 'internet.saveDownload', { fileName: 'to-khai.pdf', text: '%PDF-1.4 thử' });
  expect(saved.ok).toBe(true);
  const root = join(kiosk.dataDir, 'internet-downloads');
  const folders = readdirSync(root);
  expect(folders).toHaveLength(1);
  expect(readdirSync(join(root, folders[0]!))).toEqual(['to-khai.pdf']);
  await snapshot(page, 'internet-placeholder');

  await page.getByRole('button', { name: 'Kết thúc phiên' }).click();
  await page.getByRole('button', { name: 'Kết thúc', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Bạn đã kết thúc phiên Internet.' })).toBeVisible();
  await snapshot(page, 'internet-ended');
  await expect(page.getByText('Quét thẻ thư viện hoặc mã QR trên CCCD để bắt đầu')).toBeVisible({ timeout: 15_000 });

  expect(existsSync(join(root, folders[0]!))).toBe(false);
  // The page that was open saw the end and cleared its origin; nothing is left for the next resident.
  await expect(web.getByTestId('frame-countdown')).toHaveText('Không có phiên Internet nào đang chạy.');
  await expect
    .poll(() => web.evaluate(() => ({ cookie: document.cookie, stored: localStorage.getItem('ho_so'), keys: localStorage.length })))
    .toEqual({ cookie: '', stored: null, keys: 0 });
  const next = await page.context().newPage();
  await next.goto(`${frameOrigin}/${new URL(kiosk.url).search}#/internet/frame`);
  expect(await next.evaluate(() => ({ cookie: document.cookie, keys: localStorage.length }))).toEqual({ cookie: '', keys: 0 });
});

test('blocked addresses show a Vietnamese explanation, never an error', async ({ page, kiosk }) => {
  await page.goto(`${kiosk.url}#/internet`);
  await signInResident(page, 'BD000003');
  await page.getByRole('button', { name: 'Bắt đầu dùng Internet' }).click();
  const address = page.getByLabel('Địa chỉ trang web');
  for (const [url, sentence] of [
    ['file:///C:/Windows', 'Máy tính công cộng không mở được loại địa chỉ "file:"'],
    ['  JavaScript:alert(1)', 'Máy tính công cộng không mở được loại địa chỉ "javascript:"'],
    ['http://192.168.1.1/', 'mạng nội bộ của phòng đọc'],
    ['https://www.bet365.com/', 'Trang này bị chặn ở phòng đọc'],
  ] as const) {
    await address.fill(url);
    await page.getByRole('button', { name: 'Mở', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Trang này không mở được trên máy công cộng' })).toBeVisible();
    await expect(page.locator('.blocked-page')).toContainText(sentence);
  }
  await snapshot(page, 'internet-blocked');
  await page.getByRole('button', { name: 'Về trang chủ trình duyệt' }).click();
  await expect(page.getByRole('heading', { name: 'Trang hữu ích cho bà con' })).toBeVisible();
});

/** BD000003 uses the PC; BD000002 takes number 1 in the queue from the home screen of another tab. */
test('while someone browses, a book scanned at the kiosk is taken back quietly and another card takes a place in the queue', async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-'));
  // Demo title 6 has one copy (TV000012): lent to BD000001, reserved by BD000002; TV000002 lent to BD000001 too.
  kioskCli(['checkout', 'BD000001', 'TV000012', 'TV000002', '--data-dir', dataDir]);
  const [reserved] = kioskCli(['search', 'TV000012', '--data-dir', dataDir]) as { id: number; title: string }[];
  kioskCli(['hold', 'place', 'BD000002', String(reserved!.id), '--data-dir', dataDir]);
  const [plain] = kioskCli(['search', 'TV000002', '--data-dir', dataDir]) as { title: string }[];
  const kiosk = await startKiosk({ dataDir });
  try {
    await browseAsResident(page, kiosk.url);
    const countdown = page.getByTestId('countdown');
    await expect(countdown).toBeVisible();
    const aside = page.getByTestId('session-aside');

    // A book comes back: returned, nobody signed in, the page stays.
    await simulateScan(page, 'TV000002');
    await expect(aside).toHaveText(`Đã nhận lại sách «${plain!.title}». Vui lòng để sách lên giá trả sách.×`);
    await expect(page.locator('iframe.placeholder-frame')).toBeVisible();
    // A reserved one: said so, for the staff shelf.
    await simulateScan(page, 'TV000012');
    await expect(aside).toContainText('Sách này có người đặt: vui lòng đưa cho cán bộ');
    await snapshot(page, 'internet-session-quiet-return');
    // Another resident's card: a place in the queue; the holder's own card changes nothing.
    await simulateScan(page, 'BD000004');
    await expect(aside).toContainText('Đã xếp hàng dùng máy: số 1');
    await simulateScan(page, 'BD000003');
    await expect(aside).toContainText('Bạn đang dùng máy này rồi.');
    await expect(countdown).toBeVisible();
  } finally {
    await stopKiosk(kiosk, false);
  }
  // Both books are back in the store.
  expect(kioskCli(['loans', 'BD000001', '--data-dir', dataDir])).toMatchObject({ ok: true, loans: [] });
  rmSync(dataDir, { recursive: true, force: true });
});

async function busyPcWithOneWaiting(browser: Browser, kiosk: RunningKiosk): Promise<{ user: Page; waiting: Page }> {
  const user = await newKioskPage(browser, kiosk);
  await user.goto(`${kiosk.url}#/internet`);
  await signInResident(user, 'BD000003');
  await user.getByRole('button', { name: 'Bắt đầu dùng Internet' }).click();

  const waiting = await newKioskPage(browser, kiosk);
  await waiting.goto(kiosk.url);
  await expect(waiting.getByText(/Máy Internet đang có người dùng/)).toBeVisible();
  await waiting.getByRole('button', { name: 'Xếp hàng' }).click();
  await waiting.getByLabel('Hoặc gõ số thẻ thư viện:').fill('BD000002');
  await waiting.getByRole('button', { name: 'Lấy số' }).click();
  await expect(waiting.getByTestId('queue-ticket')).toHaveText('1');
  return { user, waiting };
}

test('a resident takes a place in the queue from the home screen while the PC is busy', async ({ browser, kiosk }) => {
  const { user, waiting } = await busyPcWithOneWaiting(browser, kiosk);
  await expect(waiting.getByText(/Bạn đứng thứ 1 trong hàng. Thời gian chờ ước tính khoảng (59|60) phút./)).toBeVisible();
  await snapshot(waiting, 'internet-queue');

  // The PC is kept for number 1 once it is free.
  await user.getByRole('button', { name: 'Kết thúc phiên' }).click();
  await user.getByRole('button', { name: 'Kết thúc', exact: true }).click();
  await expect(user.getByText('Quét thẻ thư viện hoặc mã QR trên CCCD để bắt đầu')).toBeVisible({ timeout: 15_000 });
  await user.locator('[data-service="internet"]').click();
  await expect(user.getByText('Máy đang được giữ cho người xếp hàng số 1.', { exact: false })).toBeVisible();
  await signInResident(user, 'BD000004');
  await expect(user.locator('p.banner.error')).toHaveText('Máy đang được giữ cho người xếp hàng số 1. Mời bạn xếp hàng để được dùng máy sau.');
  await signInResident(user, 'BD000002');
  await expect(user.getByTestId('allowance')).toBeVisible();
});

test('a resident steps away to the home screen and comes back with the same card; nobody else sees the session', async ({ page, kiosk }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await browseAsResident(page, kiosk.url);
  const countdown = page.getByTestId('countdown');
  await expect(page.locator('iframe.placeholder-frame')).toBeVisible();

  await page.getByRole('button', { name: 'Tạm rời máy' }).click();
  await expect(page.getByText('Giữ phiên cho bạn 10 phút, thời gian vẫn tính.')).toBeVisible();
  await snapshot(page, 'internet-step-away-confirm');
  await page.getByRole('button', { name: 'Về màn hình chính' }).click();
  await expect(page.locator('#attract-title')).toBeVisible();
  const notice = page.locator('.internet-busy');
  await expect(notice).toContainText(/Một bạn đọc đang tạm rời phiên Internet; máy giữ phiên thêm (9|10) phút/);
  await snapshot(page, 'internet-step-away-home');
  // Staff write to the resident while they are away: kept for them, shown to nobody else.
  const staff = await callApi(page, 'staff.signIn', { card: 'NV0001', pin: '147258' });
  const staffToken = (staff.value as { token: string }).token;
  expect((await callApi(page, 'internet.staff.message', { staffToken, text: 'Bạn nhớ lưu bài trước 11 giờ nhé.' })).ok).toBe(true);

  // Whoever taps Internet now gets the sign-in, never the page.
  await notice.getByRole('button', { name: 'Quay lại phiên của tôi' }).click();
  await expect(page.getByTestId('away-banner')).toContainText('Nếu đó là bạn, vui lòng quét thẻ');
  await expect(countdown).toHaveCount(0);
  await expect(page.locator('iframe.placeholder-frame')).toHaveCount(0);
  await signInResident(page, 'BD000004');
  await expect(page.locator('p.banner.error')).toHaveText('Máy đang có người dùng. Bạn có thể xếp hàng để được báo khi đến lượt.');
  await expect(page.getByRole('button', { name: 'Xếp hàng' })).toBeVisible();
  await snapshot(page, 'internet-step-away-signin');
  await expect(page.getByText('Bạn nhớ lưu bài trước 11 giờ nhé.')).toHaveCount(0);
  await simulateScan(page, 'BD000003');
  await expect(page.getByText('Chào bạn quay lại! Bạn còn')).toBeVisible();
  await page.getByRole('button', { name: 'Bắt đầu dùng Internet' }).click();
  await expect(countdown).toBeVisible();
  await expect(page.locator('iframe.placeholder-frame')).toBeVisible();
  const message = page.getByRole('alertdialog', { name: 'Lời nhắn của cán bộ thư viện' });
  await expect(message).toContainText('Bạn nhớ lưu bài trước 11 giờ nhé.');
  await message.getByRole('button', { name: 'Đã hiểu' }).click();
  await expect(message).toHaveCount(0);

  // The same in English and large text.
  await page.getByRole('button', { name: 'Tạm rời máy' }).click();
  await page.getByRole('button', { name: 'Về màn hình chính' }).click();
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: /Chữ lớn|Large text/ }).click();
  await expect(notice).toContainText(/A resident has stepped away from the internet PC; their session is kept for (9|10) more minutes/);
  await notice.getByRole('button', { name: 'Back to my session' }).click();
  await expect(page.getByTestId('away-banner')).toContainText('If it is yours, scan your card or ID');
  await snapshot(page, 'internet-step-away-signin-en-large');
});

test('staff take someone who went home off the queue', async ({ browser, kiosk }) => {
  await busyPcWithOneWaiting(browser, kiosk);

  const staff = await newKioskPage(browser, kiosk);
  await staff.setViewportSize({ width: 1366, height: 768 });
  await staff.goto(`${kiosk.url}#/staff/internet`);
  await signInStaff(staff);
  const queue = staff.locator('.queue-row');
  await expect(queue).toHaveCount(1);
  await expect(queue).toContainText('Số 1 —');
  await queue.getByRole('button', { name: 'Bỏ số 1 khỏi hàng chờ' }).click();
  await expect(queue).toContainText('Bỏ số 1 (');
  await queue.scrollIntoViewIfNeeded();
  await snapshot(staff, 'internet-staff-queue-remove');
  await queue.getByRole('button', { name: 'Đồng ý' }).click();
  await expect(staff.getByText('Đã bỏ số 1 khỏi hàng chờ.')).toBeVisible();
  await expect(staff.getByText('Không có ai đang chờ.')).toBeVisible();
});

test('staff create guest passes; a guest signs in with a code once', async ({ browser, kiosk }) => {
  const staff = await newKioskPage(browser, kiosk);
  await staff.goto(`${kiosk.url}#/staff/internet`);
  await signInStaff(staff);
  await staff.getByLabel('Số phút').fill('45');
  await staff.getByLabel('Số mã').fill('3');
  await staff.getByRole('button', { name: 'Tạo mã' }).click();
  await expect(staff.getByText('Đã tạo 3 mã khách.')).toBeVisible();
  const codes = await staff.getByTestId('guest-passes').locator('.code').allTextContents();
  expect(codes).toHaveLength(3);
  for (const code of codes) expect(code).toMatch(/^KHACH-[A-HJ-NP-Z2-9]{8}$/);
  await snapshot(staff, 'internet-guest-passes');

  const guest = await newKioskPage(browser, kiosk);
  await guest.goto(`${kiosk.url}#/internet`);
  await signInResident(guest, codes[0]!.toLowerCase());
  await expect(guest.getByTestId('allowance')).toHaveText('45 phút');
  await guest.getByRole('button', { name: 'Bắt đầu dùng Internet' }).click();
  await guest.getByRole('button', { name: 'Kết thúc phiên' }).click();
  await guest.getByRole('button', { name: 'Kết thúc', exact: true }).click();
  await expect(guest.getByText('Quét thẻ thư viện hoặc mã QR trên CCCD để bắt đầu')).toBeVisible({ timeout: 15_000 });
  await guest.locator('[data-service="internet"]').click();
  await signInResident(guest, codes[0]!);
  await expect(guest.locator('p.banner.error')).toHaveText('Mã khách này đã được dùng. Mỗi mã chỉ dùng được một lần; vui lòng xin cán bộ thư viện mã mới.');

  await staff.getByRole('button', { name: 'Đóng Internet cho mọi người ngay' }).click();
  await staff.getByRole('button', { name: 'Đồng ý' }).click();
  await expect(staff.getByText(/Internet đang đóng từ/)).toBeVisible();
  await guest.reload();
  await expect(guest.getByText('Dịch vụ Internet đang tạm dừng theo yêu cầu của cán bộ thư viện.', { exact: false })).toBeVisible();
});

test('a CCCD signs a registered resident in; an unknown CCCD is sent to Mượn / trả sách to register first', async ({ page }) => {
  const kiosk = await startKiosk({ args: ['--simulate-devices'] });
  try {
    // 001 Hà Nội, 1 = woman born in the 1900s, 89 = 1989.
    const qr = '001189012345|123456789|Nguyễn Thị Lan|12041989|Nữ|Thôn Đông, xã Minh Hòa|01012021';
    await page.goto(`${kiosk.url}#/internet`);
    await expect(page.getByRole('heading', { name: 'Đăng nhập để dùng Internet' })).toBeVisible();
    await simulateScan(page, qr);
    await expect(page.getByRole('alert').first()).toContainText('Vui lòng đăng ký trước ở mục Mượn / trả sách');
    await snapshot(page, 'internet-cccd-unknown');
    await page.getByRole('button', { name: 'Đến Mượn / trả sách để đăng ký' }).click();
    await expect(page).toHaveURL(/#\/circulation/);
    // The screen loads on demand: scan once it shows and listens, as a person would.
    await expect(page.getByRole('heading', { name: 'Mượn sách' })).toBeVisible();

    await simulateScan(page, qr);
    await page.getByRole('button', { name: 'Đồng ý và làm thẻ' }).click();
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByRole('button', { name: 'Xong — đăng xuất' }).click();
    await page.getByRole('button', { name: 'Về màn hình chính' }).click();

    await page.getByRole('button', { name: /Truy cập Internet/ }).click();
    await expect(page.getByRole('heading', { name: 'Đăng nhập để dùng Internet' })).toBeVisible();
    await simulateScan(page, qr);
    await expect(page.getByTestId('allowance')).toHaveText(/\d+ phút/);
    await page.getByRole('button', { name: 'Bắt đầu dùng Internet' }).click();
    await expect(page.getByTestId('countdown')).toBeVisible();
  } finally {
    await stopKiosk(kiosk);
  }
});

test.describe('at Sunday 23:50 in Vietnam (the demo reading room closes at 23:59)', () => {
  test.use({ clockAt: INSTANTS.sundayLate });

  test('the resident is told the session is short because the room is closing', async ({ page }) => {
    // Frozen at 23:50 so the allowance is exactly the 9 minutes left, however slow the machine is.
    const kiosk = await startKiosk({ at: INSTANTS.sundayLate, rate: 0 });
    try {
      await page.goto(`${kiosk.url}#/internet`);
      await signInResident(page, 'BD000003'); // an adult: 60 minutes on a weekday morning
      await expect(page.getByTestId('allowance')).toHaveText('9 phút');
      await expect(page.getByText('Phòng đọc sắp đóng cửa nên lượt này ngắn hơn bình thường.')).toBeVisible();
      await snapshot(page, 'internet-closing-soon');
    } finally {
      await stopKiosk(kiosk);
    }
  });
});
