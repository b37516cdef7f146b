// The translator's kit end to end (issue #21): the technician exports the kit for a new language,
// a translator fills part of it, a sheet with a broken placeholder is refused whole, the good one is
// installed, and the home screen offers the language under its own name, showing the translated
// texts and Vietnamese for the rest. The texts below are test texts marked [ede], not a translation.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import writeXlsxFile from 'write-excel-file/node';
import { distDir, expect, kioskCli, openHome, snapshot, startKiosk, stopKiosk, test } from './fixtures';
import { xlsxRows, type XlsxCell } from '../support/xlsx';
import { DEFAULT_INSTANT, testClockArgs } from '../support/clock';

const TEXTS: Record<string, string> = {
  'residents:languageName': 'Klei Êđê [ede]',
  'home:scanPrompt': '[ede] Quét thẻ',
  'home:services.search.name': '[ede] Tra cứu',
  'home:clockLabel': '[ede] {{time}}, {{date}}',
};

async function filled(kit: string, texts: Record<string, string>): Promise<Buffer> {
  const rows = await xlsxRows(readFileSync(kit));
  const header = rows[0]!.map(String);
  const keyAt = header.indexOf('Khóa (không sửa)');
  const translationAt = header.indexOf('Bản dịch [ede]');
  expect([keyAt, translationAt].every((i) => i >= 0)).toBe(true);
  const data = rows.map((row, i) => {
    const key = String(row[keyAt]);
    const cells: XlsxCell[] = [...row];
    if (i > 0 && key in texts) cells[translationAt] = texts[key]!;
    return cells.map((value) => ({ value: value === null ? '' : String(value) }));
  });
  return writeXlsxFile(data, { sheet: 'Văn bản' }).toBuffer();
}

test('a partial locale made with the kit is refused while a placeholder is broken, then installed and offered on the home screen', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-'));
  const kit = join(dataDir, 'bo-dich-ede.xlsx');
  expect(kioskCli(['i18n', 'export', '--lang', 'ede', kit, '--data-dir', dataDir])).toMatchObject({ language: 'ede', translated: 0 });

  // A translator dropped {{date}}: the whole sheet is refused by row, and nothing is installed.
  const broken = join(dataDir, 'bo-dich-ede-loi.xlsx');
  writeFileSync(broken, await filled(kit, { ...TEXTS, 'home:clockLabel': '[ede] {{time}}' }));
  let refusal = '';
  try {
    execFileSync(process.execPath, [join(distDir, 'cli.mjs'), 'i18n', 'import', broken, '--data-dir', dataDir, ...testClockArgs(DEFAULT_INSTANT)], {
      encoding: 'utf8',
      stdio: 'pipe',
    });
  } catch (error) {
    refusal = String((error as { stderr?: string }).stderr);
  }
  expect(refusal).toContain('chưa có gì được cài');
  expect(refusal).toMatch(/dòng \d+ \(home:clockLabel\): Hãy giữ nguyên các chỗ trống/);
  expect(existsSync(join(dataDir, 'locales', 'ede'))).toBe(false);

  const good = join(dataDir, 'bo-dich-ede-xong.xlsx');
  writeFileSync(good, await filled(kit, TEXTS));
  expect(kioskCli(['i18n', 'import', good, '--data-dir', dataDir])).toMatchObject({ language: 'ede', translated: 4, errors: [] });

  const kiosk = await startKiosk({ dataDir });
  try {
    await openHome(page, kiosk.url);
    await page.getByRole('button', { name: 'Klei Êđê [ede]' }).click();
    await expect(page.locator('#attract-title')).toHaveText('[ede] Quét thẻ');
    await expect(page.locator('[data-service="search"] .name')).toHaveText('[ede] Tra cứu');
    // Untranslated texts stay in Vietnamese, never a bare key.
    await expect(page.locator('[data-service="circulation"] .name')).toHaveText('Mượn / trả sách');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ede');
    await snapshot(page, 'translator-kit-ede-home-1366x768');
    // The kit exported again carries the installed texts, so a translator continues where they left off.
    const again = join(dataDir, 'bo-dich-ede-2.xlsx');
    expect(kioskCli(['i18n', 'export', '--lang', 'ede', again, '--data-dir', dataDir])).toMatchObject({ translated: 4 });
  } finally {
    await stopKiosk(kiosk);
  }
});
