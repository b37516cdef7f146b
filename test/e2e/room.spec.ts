// A room kiosk in Chromium (issue #18): its screen is the kiosk's usual one, but the loan is made on
// the room's hub (a second real kiosk process, paired through the CLI). When the hub is gone the
// resident reads, in Vietnamese or English, that the main PC cannot be reached, and nothing is lent.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, kioskCli, openHome, snapshot, startKiosk, stopKiosk, test, vietnamDay, type RunningKiosk } from './fixtures';
import { simulateScan } from './scan';

function openLoans(dataDir: string): number {
  const db = new Database(join(dataDir, 'kiosk.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM loans WHERE returned_at IS NULL').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

let hub: RunningKiosk | undefined;
let pc: RunningKiosk | undefined;

/** A hub on free loopback ports and a kiosk paired with it (not started): the kiosk's data folder. */
async function pairedRoom(): Promise<{ hubDir: string; pcDir: string }> {
  const hubDir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-hub-'));
  kioskCli(['room', 'hub', '--port', '0', '--pairing-port', '0', '--data-dir', hubDir]);
  hub = await startKiosk({ dataDir: hubDir });
  const pairing = /ROOM_PAIRING=(\S+)/.exec(hub.stdout())![1]!;
  const { code } = kioskCli(['room', 'pair-code', '--data-dir', hubDir]) as { code: string };
  const pcDir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-pc-'));
  expect(kioskCli(['room', 'join', pairing, code, '--name', 'Máy 2', '--data-dir', pcDir])).toMatchObject({ ok: true, pcId: 1 });
  return { hubDir, pcDir };
}
test.afterEach(async () => {
  for (const running of [pc, hub]) if (running) await stopKiosk(running);
  pc = hub = undefined;
});

test('a room kiosk lends through the hub, and says in a sentence when the hub cannot be reached', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const { hubDir, pcDir } = await pairedRoom();
  pc = await startKiosk({ dataDir: pcDir, args: ['--simulate-devices'] });

  await openHome(page, pc.url);
  await simulateScan(page, 'BD000003');
  await expect(page.getByRole('heading', { name: /Xin chào/ })).toBeVisible();
  await simulateScan(page, 'TV000002');
  await expect(page.locator('li[data-item="TV000002"]')).toContainText(`Hạn trả ${vietnamDay(21)}`);
  expect([openLoans(hubDir), openLoans(pcDir)]).toEqual([1, 0]);

  // The hub goes away (power cut at the desk PC): the next book is refused with what to do.
  await stopKiosk(hub!);
  hub = undefined;
  await simulateScan(page, 'TV000004');
  await expect(page.locator('[role=alert][data-reason="room_hub_unreachable"]')).toContainText('Không kết nối được máy trung tâm');
  await expect(page.locator('[role=alert][data-reason="room_hub_unreachable"]')).toContainText('chưa có gì thay đổi');
  await snapshot(page, 'room-kiosk-hub-unreachable-vi');
  expect(openLoans(pcDir)).toBe(0);
});

test('the same refusal in English', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const { pcDir } = await pairedRoom();
  await stopKiosk(hub!);
  hub = undefined;
  pc = await startKiosk({ dataDir: pcDir, args: ['--simulate-devices'] });

  await openHome(page, pc.url);
  await page.getByRole('button', { name: 'English' }).click();
  await simulateScan(page, 'BD000003');
  await expect(page).toHaveURL(/#\/circulation/);
  // Typed as well: a resident without the card at hand gets the same answer.
  await page.getByLabel('Or type your library card number').fill('BD000003');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('[role=alert][data-reason="room_hub_unreachable"]')).toContainText("Cannot reach the room's main PC");
  await snapshot(page, 'room-kiosk-hub-unreachable-en');
});
