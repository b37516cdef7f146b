// Copy cataloguing in Chromium (issue #17 item 5) against a real Zebra server on loopback: a staff
// member scans a donated book's ISBN on "Biên mục sao chép", the kiosk asks three configured
// servers (SRU, Z39.50, and a slow Z39.50 behind a delaying proxy that times out while the page
// stays usable), staff pick the record, scan the new barcode, and a resident then finds the book in
// Tra cứu sách. Screenshots at 1366×768 in Vietnamese and English.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { hashPin } from '../../electron/core/staff/pin';
import { KNOWN_BOOK, TWO_RECORDS_ISBN, unionCatalogue } from '../fixtures/catalogue/union-catalogue';
import { delayingProxy, type DelayingProxy } from '../support/delaying-proxy';
import { startZebra, type ZebraServer } from '../support/zebra';
import { expect, kioskCli, openHome, snapshot, startKiosk, stopKiosk, test, type RunningKiosk } from './fixtures';
import { simulateScan } from './scan';

const STAFF = { card: 'NV0001', pin: '147258' };

let zebra: ZebraServer;
let slow: DelayingProxy;
let kiosk: RunningKiosk;

test.beforeAll(async () => {
  zebra = await startZebra(unionCatalogue());
  slow = await delayingProxy(zebra.port, 10_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-'));
  writeFileSync(
    join(dataDir, 'kiosk.config.json'),
    JSON.stringify({
      library: { name: 'Thư viện xã Thử Nghiệm', communeCode: '12345' },
      copyCataloguing: {
        targets: [
          { name: 'Thư viện tỉnh (SRU)', protocol: 'sru', url: zebra.sruUrl },
          { name: 'Libol tỉnh (Z39.50)', protocol: 'z3950', host: '127.0.0.1', port: zebra.port, database: zebra.database },
          { name: 'Thư viện huyện', protocol: 'z3950', host: '127.0.0.1', port: slow.port, database: zebra.database, timeoutSeconds: 3 },
        ],
      },
    }),
  );
  kioskCli(['db', 'migrate', '--data-dir', dataDir]);
  const db = new Database(join(dataDir, 'kiosk.sqlite'));
  db.prepare("INSERT INTO staff (card_number, display_name, role, pin_hash, created_at) VALUES (?, 'Cán bộ Thử', 'staff', ?, '2026-01-01')").run(
    STAFF.card,
    await hashPin(STAFF.pin),
  );
  db.close();
  kiosk = await startKiosk({ dataDir });
});

test.afterAll(async () => {
  if (kiosk) await stopKiosk(kiosk);
  await slow?.close();
  await zebra?.stop();
});

async function openCopyCataloguing(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Dành cho cán bộ|For staff/ }).click();
  await page.getByLabel(/Số thẻ cán bộ|Staff card number/).fill(STAFF.card);
  await page.getByLabel(/^(Mã PIN|PIN)$/).click();
  for (const digit of STAFF.pin) await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: /^(Đăng nhập|Sign in)$/ }).click();
  await page.getByRole('button', { name: /^(Biên mục sao chép|Copy cataloguing)$/ }).click();
}

test('staff catalogue a donated book by its ISBN from the local Zebra; a resident then finds it', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openHome(page, kiosk.url);
  await openCopyCataloguing(page);
  await expect(page.getByText('Máy chủ được hỏi: Thư viện tỉnh (SRU), Libol tỉnh (Z39.50), Thư viện huyện.')).toBeVisible();

  // The ISBN scanned from the back cover: the servers are asked, and the page stays usable meanwhile.
  await simulateScan(page, KNOWN_BOOK.isbn);
  const asking = page.getByRole('status').filter({ hasText: `Đang hỏi 3 máy chủ về ISBN ${KNOWN_BOOK.isbn}` });
  await expect(asking).toBeVisible();
  await snapshot(page, 'copy-cataloguing-asking-1366x768-vi');
  const isbnBox = page.getByLabel('ISBN của sách');
  await isbnBox.fill('978');
  await expect(isbnBox).toHaveValue('978');
  await expect(page.getByRole('heading', { name: 'Hàng chờ tra cứu' })).toBeVisible();

  // The slow server gives up after its 3 seconds; the two others' records are offered.
  await expect(page.getByRole('heading', { name: `Kết quả cho ISBN ${KNOWN_BOOK.isbn}` })).toBeVisible({ timeout: 15_000 });
  await expect(asking).toHaveCount(0);
  await expect(page.locator('.copy-source.timeout')).toContainText(/Thư viện huyện: chờ [\d,]+ giây không thấy trả lời/);
  await expect(page.locator('.copy-source.found')).toHaveText(['Thư viện tỉnh (SRU): có 1 biểu ghi.', 'Libol tỉnh (Z39.50): có 1 biểu ghi.']);
  const candidates = page.locator('.copy-candidate');
  // Both servers sent the same record: it is offered once, naming both.
  await expect(candidates).toHaveCount(1);
  await expect(candidates.first()).toContainText('Nguồn: Thư viện tỉnh (SRU), Libol tỉnh (Z39.50) (cùng một biểu ghi)');
  await candidates.first().click();
  await expect(candidates.first()).toHaveAttribute('aria-pressed', 'true');
  await expect(candidates.first()).toContainText(KNOWN_BOOK.title);
  await expect(candidates.first()).toContainText(`${KNOWN_BOOK.publisher} · ${KNOWN_BOOK.year}`);

  // The new barcode is scanned, and the book goes on the shelf.
  await simulateScan(page, 'BM000001');
  await expect(page.getByLabel('Mã vạch mới dán trên sách (quét hoặc gõ)')).toHaveValue('BM000001');
  await snapshot(page, 'copy-cataloguing-candidates-1366x768-vi');
  await page.getByRole('button', { name: 'Đưa lên kệ' }).click();
  await expect(page.locator('.banner.success')).toContainText(`Đã biên mục “${KNOWN_BOOK.title}” với mã vạch BM000001.`);
  await snapshot(page, 'copy-cataloguing-added-1366x768-vi');

  // A resident finds it at once.
  await page
    .getByRole('button', { name: /Đăng xuất/ })
    .first()
    .click();
  await openHome(page, kiosk.url);
  await page.getByRole('button', { name: /Tra cứu sách/ }).click();
  await page.getByLabel('Tên sách, tác giả hoặc chủ đề').fill('nuoi ong lay mat');
  const hit = page.getByTestId('search-result').first();
  await expect(hit.getByRole('heading')).toHaveText(KNOWN_BOOK.title);
  await expect(hit).toContainText(KNOWN_BOOK.author);
  await snapshot(page, 'copy-cataloguing-resident-finds-1366x768-vi');
});

test('in English: the same page, a title two libraries catalogued, and a wrong ISBN explained', async ({ page }) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openHome(page, kiosk.url);
  await page.getByRole('button', { name: 'English' }).click();
  await openCopyCataloguing(page);
  const box = page.getByLabel("The book's ISBN");
  await box.fill('978-604-999-002-0');
  await page.getByRole('button', { name: 'Look up' }).click();
  await expect(page.locator('.banner.error')).toContainText('This is not a valid ISBN');
  await box.fill(TWO_RECORDS_ISBN);
  await page.getByRole('button', { name: 'Look up' }).click();
  await expect(page.getByRole('heading', { name: `Results for ISBN ${TWO_RECORDS_ISBN}` })).toBeVisible({ timeout: 15_000 });
  // Two records of the title, each from both servers: two offers.
  await expect(page.locator('.copy-candidate')).toHaveCount(2);
  await expect(page.getByText('2 records found. Tap the one that matches the book in your hand.')).toBeVisible();
  await expect(page.locator('.copy-candidate').first()).toContainText('(the same record)');
  await expect(page.locator('.copy-source.timeout')).toContainText('Thư viện huyện: no answer after');
  await snapshot(page, 'copy-cataloguing-candidates-1366x768-en');
  // WCAG 2.2 AA with the candidates and the per-server outcomes on screen.
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(
    axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
});
