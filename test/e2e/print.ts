// What a page prints, as the printer gets it: Chromium's print of the page (print media, the
// `.printable` rules) as a PDF, its text (pdftotext) for assertions and its pages as PNG (pdftoppm)
// beside the screenshots for review. Needs poppler-utils (.ci/run installs it).
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { resultsDir } from './fixtures';

export async function printed(page: Page, name: string): Promise<string> {
  const dir = join(resultsDir, 'screenshots');
  mkdirSync(dir, { recursive: true });
  const pdf = join(dir, `${name}.pdf`);
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(dir, name)]);
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
}
