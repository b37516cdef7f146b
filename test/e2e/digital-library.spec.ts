// Thư viện số in Chromium: browse a topic, search without tone marks, read a PDF and turn a page,
// open an EPUB, play the audio clip, see an HTML pack sandboxed, the staff pack page, and opens
// counted under the resident signed in at Mượn / trả sách.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, snapshot, test } from './fixtures';

test('a resident browses a topic and searches without tone marks', async ({ page, kiosk }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(kiosk.url);
  await page.getByRole('button', { name: /Thư viện số/ }).click();
  await expect(page.getByRole('heading', { name: 'Thư viện số' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Tài liệu nổi bật' })).toBeVisible();
  await expect(page.locator('.resource-card img').first()).toBeVisible();
  await snapshot(page, 'digital-library-home');

  await page.getByRole('button', { name: /^Thiếu nhi \d+ tài liệu/ }).click();
  const results = page.getByTestId('results');
  await expect(results.getByRole('button', { name: /Chú ếch nhỏ đi học bơi/ })).toBeVisible();
  await expect(results.getByRole('button', { name: /Sổ tay trồng lúa/ })).toHaveCount(0);
  await snapshot(page, 'digital-library-topic');

  await page.getByRole('button', { name: 'Xóa bộ lọc' }).click();
  await page.getByRole('searchbox', { name: 'Tìm tài liệu' }).fill('phap luat');
  await expect(results.getByRole('button', { name: /Hỏi đáp pháp luật thường gặp ở xã/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Tìm thấy \d+ tài liệu/ })).toBeVisible();
  await expect(results.getByRole('button', { name: /Sổ tay trồng lúa/ })).toHaveCount(0);

  await page.getByRole('searchbox', { name: 'Tìm tài liệu' }).fill('');
  await page.getByRole('button', { name: 'Nghe', exact: true }).click();
  await expect(results.locator('.resource-card')).toHaveCount(1);
});

test('a resident reads a PDF, turns a page and makes the text larger', async ({ page, kiosk }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${kiosk.url}#/digital-library`);
  await page.getByRole('searchbox', { name: 'Tìm tài liệu' }).fill('so tay trong lua');
  await page
    .getByTestId('results')
    .getByRole('button', { name: /Sổ tay trồng lúa tiết kiệm nước/ })
    .click();
  await expect(page.getByTestId('pdf-page')).toHaveText('Trang 1 / 6');
  await expect(page.locator('.pdf-page')).toHaveAttribute('data-rendered', /[1-9]/);
  await snapshot(page, 'digital-library-pdf-page1');
  await page.getByRole('button', { name: 'Trang sau ▶' }).click();
  await expect(page.getByTestId('pdf-page')).toHaveText('Trang 2 / 6');
  const before = await page.locator('.pdf-page canvas').boundingBox();
  await page.getByRole('button', { name: 'Chữ to' }).click();
  await expect.poll(async () => (await page.locator('.pdf-page canvas').boundingBox())!.width).toBeGreaterThan(before!.width * 1.5);
  await snapshot(page, 'digital-library-pdf-large');
  await page.getByRole('button', { name: 'Về Thư viện số' }).click();
  await expect(page.getByRole('heading', { name: 'Chủ đề' })).toBeVisible();
});

test('a child opens the EPUB story and turns its page', async ({ page, kiosk }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${kiosk.url}#/digital-library`);
  await page
    .getByRole('button', { name: /Chú ếch nhỏ đi học bơi/ })
    .first()
    .click();
  await expect(page.locator('.epub-page')).toHaveAttribute('data-ready', 'true');
  const frame = page.frameLocator('.epub-page iframe');
  await expect(frame.getByText('Chương 1. Chú ếch không biết bơi')).toBeVisible();
  await snapshot(page, 'digital-library-epub');
  await page.getByRole('button', { name: 'Chữ to hơn' }).click();
  await expect(page.locator('.zoom-indicator')).toHaveText('150%');
  await page.getByRole('button', { name: 'Trang sau ▶' }).click();
  await expect(
    page
      .frameLocator('.epub-page iframe')
      .getByText(/Chương 2|Xanh/)
      .first(),
  ).toBeVisible();
});

test('a resident plays the audio clip with large controls; the open and minutes are counted', async ({ page, kiosk }) => {
  await page.goto(`${kiosk.url}#/digital-library`);
  await page
    .getByRole('button', { name: /Rửa tay đúng cách/ })
    .first()
    .click();
  const play = page.getByRole('button', { name: '▶ Phát' });
  await expect(play).toBeVisible();
  const box = await play.boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(64);
  await play.click();
  await expect(page.getByRole('button', { name: '❚❚ Tạm dừng' })).toBeVisible();
  await expect.poll(async () => page.evaluate(() => (document.querySelector('audio') as HTMLAudioElement).currentTime)).toBeGreaterThan(0.3);
  await snapshot(page, 'digital-library-audio');
  await page.getByRole('button', { name: 'Về Thư viện số' }).click();
  await expect(page.getByRole('heading', { name: 'Chủ đề' })).toBeVisible();
});

test('an HTML pack opens in a sandboxed frame whose file carries a no-network CSP', async ({ page, kiosk }) => {
  await page.goto(`${kiosk.url}#/digital-library`);
  await page
    .getByRole('button', { name: /Làng quê Minh Hòa/ })
    .first()
    .click();
  const frame = page.locator('iframe.html-frame');
  await expect(frame).toHaveAttribute('sandbox', '');
  await expect(page.frameLocator('iframe.html-frame').getByRole('heading', { name: 'Làng quê Minh Hòa xưa và nay' })).toBeVisible();
  const src = await frame.getAttribute('src');
  const response = await page.request.get(new URL(src!, kiosk.url).toString());
  expect(response.headers()['content-security-policy']).toContain("default-src 'none'");
  expect(response.headers()['content-security-policy']).toContain('sandbox');
  await snapshot(page, 'digital-library-html');
});

test('an online link shows the URL policy decision and the address', async ({ page, kiosk }) => {
  await page.goto(`${kiosk.url}#/digital-library`);
  await page.getByRole('button', { name: 'Trang web', exact: true }).click();
  await page
    .getByTestId('results')
    .getByRole('button', { name: /Cổng Dịch vụ công quốc gia/ })
    .click();
  await expect(page.getByTestId('link-decision')).toHaveText('Trang này được phép mở trên máy.');
  await expect(page.getByText('https://dichvucong.gov.vn/')).toBeVisible();
});

test('staff see installed packs and disk usage', async ({ page, kiosk }) => {
  await page.goto(`${kiosk.url}#/staff`);
  await page.getByLabel(/thẻ/i).first().fill('NV0001');
  await page.getByLabel(/PIN/i).fill('147258');
  await page.getByRole('button', { name: /Đăng nhập/ }).click();
  await page.getByRole('button', { name: /Gói nội dung Thư viện số/ }).click();
  await expect(page.getByText('Tủ sách số mẫu của phòng đọc xã')).toBeVisible();
  await expect(page.getByTestId('disk-usage')).toContainText('trong hạn mức 4.096 MB');
  await snapshot(page, 'digital-library-staff-packs');

  // A mistyped address is said next to the box; a download that fails is said below it, where staff
  // acted, not at the top of the page.
  const address = page.getByLabel('Địa chỉ tải gói');
  await page.getByRole('button', { name: 'Tải và cài' }).click();
  await expect(page.locator('#pack-url-error')).toHaveText('Ô này còn trống. Vui lòng nhập vào rồi bấm “Tải và cài”.');
  await address.fill('thuvientinh.vn/goi.zip');
  await page.getByRole('button', { name: 'Tải và cài' }).click();
  await expect(page.locator('#pack-url-error')).toContainText('Địa chỉ phải bắt đầu bằng http:// hoặc https://');
  await expect(address).toHaveAttribute('aria-invalid', 'true');
  await address.fill('http://127.0.0.1:9/khong-co.zip');
  await page.getByRole('button', { name: 'Tải và cài' }).click();
  const urlSection = page.locator('section[aria-labelledby="url-title"]');
  await expect(urlSection.getByRole('alert')).toBeVisible();
  await expect(page.locator('.pack-import > .banner')).toHaveCount(0);
  await snapshot(page, 'digital-library-staff-pack-url-error');
});

test('an open is counted under the resident signed in at Mượn / trả sách, and anonymously otherwise', async ({ page, kiosk }) => {
  const opens = () => {
    const db = new Database(join(kiosk.dataDir, 'kiosk.sqlite'), { readonly: true });
    try {
      return (db.prepare("SELECT payload FROM events WHERE type = 'eresource.opened' ORDER BY id").all() as { payload: string }[]).map(
        (r) => (JSON.parse(r.payload) as { patronId: number | null }).patronId,
      );
    } finally {
      db.close();
    }
  };
  const patronId = (() => {
    const db = new Database(join(kiosk.dataDir, 'kiosk.sqlite'), { readonly: true });
    try {
      return (db.prepare("SELECT id FROM patrons WHERE card_number = 'BD000003'").get() as { id: number }).id;
    } finally {
      db.close();
    }
  })();
  const openAudio = async () => {
    await page.getByRole('button', { name: /Thư viện số/ }).click();
    await page
      .getByRole('button', { name: /Rửa tay đúng cách/ })
      .first()
      .click();
    await expect(page.getByRole('button', { name: '▶ Phát' })).toBeVisible();
    await page.getByRole('button', { name: 'Về Thư viện số' }).click();
    await page.getByRole('button', { name: 'Về màn hình chính' }).click();
  };
  const signInAtCirculation = async () => {
    await page.getByRole('button', { name: /Mượn \/ trả sách/ }).click();
    await page.getByLabel('Hoặc nhập số thẻ thư viện').fill('BD000003');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page.getByRole('heading', { name: /Xin chào/ })).toBeVisible();
  };

  await page.goto(kiosk.url);
  await openAudio();
  await expect.poll(opens).toEqual([null]);

  await signInAtCirculation();
  await page.getByRole('button', { name: 'Về màn hình chính' }).click();
  await openAudio();
  await expect.poll(opens).toEqual([null, patronId]);

  // Signed out: anonymous again.
  await signInAtCirculation();
  await page.getByRole('button', { name: 'Xong — đăng xuất' }).click();
  await page.getByRole('button', { name: 'Về màn hình chính' }).click();
  await openAudio();
  await expect.poll(opens).toEqual([null, patronId, null]);
});
