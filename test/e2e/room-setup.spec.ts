// The technician's room page (issue #18), on two real kiosk processes: one single PC is made the
// hub from its screen and starts serving at once; the other is paired with it by the code the hub
// shows (in English and large text); the hub then lists it and revokes it. A hub on the LAN is found
// from the page by its mDNS announcement, and choosing it fills the address.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { expect, kioskCli, newKioskPage, openHome, snapshot, startKiosk, stopKiosk, test, type RunningKiosk } from './fixtures';

/** Signs the demo technician in on the staff screen, through its own form, in either language. */
async function signInTechnician(page: Page): Promise<void> {
  await page.getByLabel(/^(Số thẻ cán bộ|Staff card number)/).fill('KT0001');
  await page.getByLabel(/^(Mã PIN|PIN)$/).fill('246813');
  await page.getByRole('button', { name: /^(Đăng nhập|Sign in)$/ }).click();
  await page.getByRole('button', { name: /Đăng xuất|Sign out/ }).waitFor();
}

const openRoomPage = (page: Page) => page.evaluate(() => (location.hash = '#/staff/room'));

/** A page on `kiosk` at 1366×768, in Vietnamese, with the technician signed in on the room page. */
async function technicianOnRoomPage(browser: Browser, kiosk: RunningKiosk): Promise<Page> {
  const page = await newKioskPage(browser, kiosk);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${kiosk.url}#/staff`);
  await signInTechnician(page);
  await openRoomPage(page);
  return page;
}

test('a technician makes one PC the hub and pairs another from the screens; the hub lists it and revokes it', async ({ browser }) => {
  const running: RunningKiosk[] = [];
  try {
    const hubKiosk = await startKiosk();
    running.push(hubKiosk);
    const pcKiosk = await startKiosk();
    running.push(pcKiosk);

    // The hub, in Vietnamese at 1366×768.
    const hub = await technicianOnRoomPage(browser, hubKiosk);
    await expect(hub.getByTestId('room-role')).toContainText('Máy này đang chạy một mình');
    await snapshot(hub, 'room-setup-standalone-vi');
    await hub.getByLabel('Chỉ chính máy này (để thử)').check();
    // 0: free ports, so tests running side by side never clash.
    await hub.getByLabel('Cổng nhận lệnh', { exact: true }).fill('0');
    await hub.getByLabel('Cổng ghép máy', { exact: true }).fill('0');
    await hub.getByRole('button', { name: 'Đặt làm máy trung tâm' }).click();
    await expect(hub.getByText('Máy này đã là máy trung tâm và đang chờ các máy trạm.')).toBeVisible();
    const serving = await hub.getByTestId('room-serving').textContent();
    const pairingPort = /cổng ghép máy (\d+)/.exec(serving ?? '')?.[1];
    expect(pairingPort, serving ?? '').toMatch(/^\d+$/);
    await hub.getByRole('button', { name: 'Tạo mã ghép máy' }).click();
    const code = (await hub.locator('.room-code-value').textContent())!.trim();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await snapshot(hub, 'room-setup-hub-code-vi');

    // The other PC, in English and large text: a wrong code first, then the right one.
    const pc = await newKioskPage(browser, pcKiosk);
    await pc.setViewportSize({ width: 1366, height: 768 });
    await openHome(pc, pcKiosk.url);
    await pc.getByRole('button', { name: 'English' }).click();
    await pc.getByRole('button', { name: /Large text/ }).click();
    await pc.evaluate(() => (location.hash = '#/staff'));
    await signInTechnician(pc);
    await openRoomPage(pc);
    await expect(pc.getByTestId('room-role')).toContainText('This PC runs on its own');
    await pc.getByRole('button', { name: 'Pair this PC' }).click();
    await expect(pc.locator('.field-error')).toHaveText("Please type the hub's address, the pairing code and this PC's name.");
    await pc.getByLabel('Hub address (pairing port)').fill(`127.0.0.1:${pairingPort}`);
    await pc.getByLabel('Pairing code').fill('AAAA-AAAA');
    await pc.getByLabel("This PC's name in the room").fill('Máy 2');
    await pc.getByRole('button', { name: 'Pair this PC' }).click();
    await expect(pc.locator('.banner.error')).toContainText('That pairing code is wrong, used or expired.');
    await pc.getByLabel('Pairing code').fill(code.toLowerCase());
    await pc.getByRole('button', { name: 'Pair this PC' }).click();
    await expect(pc.locator('.banner.success')).toContainText('"Máy 2" is paired with the reading room: PC number 1');
    await expect(pc.getByTestId('room-role')).toContainText('This PC is kiosk number 1 of the reading room');
    await snapshot(pc, 'room-setup-joined-1366x768-en-large');

    // Back on the hub: the PC is listed, and revoked after a confirmation.
    await hub.evaluate(() => (location.hash = '#/staff'));
    await openRoomPage(hub);
    const row = hub.locator('tr[data-pc="1"]');
    await expect(row).toContainText('Máy 2');
    await row.getByRole('button', { name: 'Gỡ Máy 2 khỏi phòng' }).click();
    await expect(row).toContainText('Gỡ Máy 2? Máy đó sẽ không gọi được máy trung tâm nữa');
    await row.getByRole('button', { name: 'Gỡ máy', exact: true }).click();
    await expect(hub.locator('.banner.success')).toHaveText('Đã gỡ Máy 2 khỏi phòng đọc: máy đó không gọi được máy trung tâm nữa.');
    await expect(row).toContainText('đã gỡ lúc');
    await snapshot(hub, 'room-setup-revoked-vi');
  } finally {
    for (const kiosk of running) await stopKiosk(kiosk);
  }
});

test('a technician finds the hub on the LAN from the page and picks it: the address is filled in', async ({ browser }) => {
  const running: RunningKiosk[] = [];
  try {
    // A hub listening on the LAN announces itself (loopback hubs do not).
    const hubDir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-lan-hub-'));
    kioskCli(['room', 'hub', '--listen', 'lan', '--port', '0', '--pairing-port', '0', '--data-dir', hubDir]);
    const hubKiosk = await startKiosk({ dataDir: hubDir });
    running.push(hubKiosk);
    const pairingPort = /ROOM_PAIRING=\S+:(\d+)/.exec(hubKiosk.stdout())![1]!;
    const { roomId } = kioskCli(['room', 'status', '--data-dir', hubDir]) as { roomId: string };
    const pcKiosk = await startKiosk();
    running.push(pcKiosk);

    const pc = await technicianOnRoomPage(browser, pcKiosk);
    await pc.getByRole('button', { name: 'Tìm máy trung tâm trong mạng' }).click();
    await expect(pc.getByRole('button', { name: 'Đang tìm… (vài giây)' })).toBeDisabled();
    // Other tests' LAN hubs may answer too: this one is known by its room.
    const ours = pc.getByRole('list', { name: 'Máy trung tâm tìm thấy' }).getByRole('button', { name: new RegExp(`:${pairingPort} \\(mã phòng ${roomId}\\)`) });
    await expect(ours).toBeVisible({ timeout: 15_000 });
    await snapshot(pc, 'room-setup-found-hubs-vi');
    await ours.click();
    await expect(pc.getByLabel('Địa chỉ máy trung tâm (cổng ghép máy)')).toHaveValue(new RegExp(`:${pairingPort}$`));
  } finally {
    for (const kiosk of running) await stopKiosk(kiosk);
  }
});
