// What a page prints, as the printer gets it: Chromium's print of the page (print media, the
// `.printable` rules) as a PDF, its text (pdftotext, white space collapsed) for assertions and its pages as PNG (pdftoppm)
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
  // As a printer gets it from window.print(): Chromium leaves page backgrounds out by default.
  await page.pdf({ path: pdf, format: 'A4' });
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(dir, name)]);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
  if (pages !== 1) throw new Error(`${name} prints on ${pages} sheets, not one`);
  // One space for every run of white space: large text wraps lines where normal text does not.
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}
