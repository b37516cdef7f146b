// Thư viện số: the demo pack's short film plays inside the kiosk with large controls.
import { expect, snapshot, test } from './fixtures';

test('a resident plays a video from the content pack inside the kiosk', async ({ page, kiosk }) => {
  await page.goto(`${kiosk.url}#/digital-library`);
  await page
    .getByRole('button', { name: /Thu hoạch và bảo quản lúa/ })
    .first()
    .click();
  const play = page.getByRole('button', { name: '▶ Phát' });
  await expect(play).toBeVisible();
  expect((await play.boundingBox())!.height).toBeGreaterThanOrEqual(64);
  await play.click();
  await expect(page.getByRole('button', { name: '❚❚ Tạm dừng' })).toBeVisible();
  await expect.poll(async () => page.evaluate(() => (document.querySelector('video') as HTMLVideoElement).currentTime)).toBeGreaterThan(0.3);
  await snapshot(page, 'digital-library-video');
});
