import { expect, snapshot, test } from './fixtures';

test('a resident sees the Vietnamese home screen with the four services', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  await expect(page.getByText('Quét thẻ thư viện hoặc mã QR trên CCCD để bắt đầu')).toBeVisible();
  for (const name of ['Mượn / trả sách', 'Truy cập Internet', 'Thư viện số', 'Tra cứu sách']) {
    await expect(page.getByRole('button', { name: new RegExp(name) })).toBeVisible();
  }
  await expect(page.getByRole('button', { name: 'Dành cho cán bộ' })).toBeVisible();
  await expect(page.getByText('Thư viện xã Minh Hòa (dữ liệu mẫu)')).toBeVisible();
  await snapshot(page, 'home-1366x768-vi');

  // Service tiles are large touch targets.
  const box = await page.getByRole('button', { name: /Tra cứu sách/ }).boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(48);
});

test('the page round-trips an API call over the WebSocket', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  const reply = await page.evaluate(async () => {
    const ws = new WebSocket(`ws://${location.host}/api`);
    await new Promise((resolve) => (ws.onopen = resolve));
    const answer = new Promise<string>((resolve) => (ws.onmessage = (m) => resolve(String(m.data))));
    ws.send(JSON.stringify({ kind: 'call', id: 7, method: 'system.ping', params: {} }));
    return JSON.parse(await answer);
  });
  expect(reply).toMatchObject({ kind: 'reply', id: 7, reply: { ok: true, value: { pong: true } } });
});

test('a malformed request over the WebSocket gets a typed error', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  const replies = await page.evaluate(async () => {
    const ws = new WebSocket(`ws://${location.host}/api`);
    await new Promise((resolve) => (ws.onopen = resolve));
    const received: unknown[] = [];
    const done = new Promise<void>((resolve) => {
      ws.onmessage = (m) => {
        received.push(JSON.parse(String(m.data)));
        if (received.length === 2) resolve();
      };
    });
    ws.send('{"kind":"call","id":1,"method":');
    ws.send(JSON.stringify({ kind: 'call', id: 2, method: 'system.info', params: { mode: 'hacked' } }));
    await done;
    return received;
  });
  expect(replies).toEqual([
    expect.objectContaining({ id: null, reply: expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'invalid_request' }) }) }),
    expect.objectContaining({ id: 2, reply: expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'invalid_request' }) }) }),
  ]);
});

test('keyboard alone reaches a service and comes back', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  await expect(page.getByText('Quét thẻ thư viện')).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: /Mượn \/ trả sách/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/circulation/);
  await page.getByRole('button', { name: 'Về màn hình chính' }).press('Enter');
  await expect(page.getByText('Quét thẻ thư viện hoặc mã QR trên CCCD để bắt đầu')).toBeVisible();
});

test('a resident who taps English before the kiosk has sent its settings (a slow PC) keeps English', async ({ page, kiosk }) => {
  // The core's answer to residents.settings is held back until the resident has chosen English.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let delivered!: () => void;
  const settingsDelivered = new Promise<void>((resolve) => (delivered = resolve));
  await page.routeWebSocket(/\/api(\?.*)?$/, (ws) => {
    const server = ws.connectToServer();
    const settingsCalls = new Set<number>();
    ws.onMessage((message) => {
      const call = JSON.parse(String(message));
      if (call.method === 'residents.settings') settingsCalls.add(call.id);
      server.send(message);
    });
    server.onMessage((message) => {
      const reply = JSON.parse(String(message));
      if (reply.kind !== 'reply' || !settingsCalls.has(reply.id)) return ws.send(message);
      void released.then(() => {
        ws.send(message);
        delivered();
      });
    });
  });
  await page.goto(kiosk.url);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  release();
  await settingsDelivered;
  // Let the page take the settings in: a few frames and tasks after the message.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 100)))));
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByText('Scan your library card or the QR code on your citizen ID card to start')).toBeVisible();
});
