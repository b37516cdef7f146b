// Scan helpers for end-to-end tests: inject a scan through the simulated devices of a host started
// with --simulate-devices (the real decoders run), or type it the way a keyboard-wedge scanner does.
import type { Page } from '@playwright/test';
import { pausePageClock, type RunningKiosk } from './fixtures';

export type SimulatedSource = 'hid-pos' | 'hid-keyboard' | 'magstripe' | 'wedge';

export interface SimulatedScan {
  source: string;
  kind: string;
  text: string;
  symbology?: string;
  at: string;
}

/** Calls `devices.simulate` over the page's own WebSocket origin; resolves with the classified scans. */
export async function simulateScan(page: Page, text: string, source: SimulatedSource = 'hid-pos'): Promise<SimulatedScan[]> {
  // The scan reaches the screen as an event, and only over a socket that is already open: a scan
  // sent while the page is still connecting (just after goto, on a loaded machine) is missed.
  await page.waitForFunction(() => document.documentElement.dataset.coreLink === 'open', undefined, { timeout: 10_000 });
  const reply = await page.evaluate(
    async ({ text, source }) => {
      const ws = new WebSocket(`ws://${location.host}/api`);
      await new Promise((resolve, reject) => {
        ws.onopen = resolve;
        ws.onerror = reject;
      });
      const answer = new Promise<string>((resolve) => {
        ws.onmessage = (m) => {
          const data = JSON.parse(String(m.data));
          if (data.kind === 'reply' && data.id === 1) resolve(String(m.data));
        };
      });
      ws.send(JSON.stringify({ kind: 'call', id: 1, method: 'devices.simulate', params: { source, text } }));
      const result = JSON.parse(await answer);
      ws.close();
      return result;
    },
    { text, source },
  );
  if (!reply.reply.ok) throw new Error(`devices.simulate failed: ${JSON.stringify(reply.reply.error)}`);
  return reply.reply.value.scans as SimulatedScan[];
}

/**
 * Types the text and presses Enter as a USB scanner in keyboard mode does: real (trusted) key events
 * over the DevTools protocol, all sent at once.
 *
 * The page runs on the test's clock (Playwright's clock, see kioskClock), and that clock also gives
 * each event its timeStamp: the page's time when the event is handled, not a stamp sent with it. On
 * a loaded CI machine the page could handle two keys of one burst more than 50 ms apart, which the
 * detector rightly takes for a person typing. A scanner's burst reaches the page in a few
 * milliseconds, so the page's clock stands still while the burst is handled (each key at the same
 * instant) and runs on after it. The detector's timing rules themselves are unit-tested with exact
 * stamps (test/unit/devices/wedge.test.ts); this proves the screen around them.
 */
export async function wedgeScan(page: Page, kiosk: Pick<RunningKiosk, 'startedAt'>, text: string): Promise<void> {
  await pausePageClock(page, kiosk);
  const cdp = await page.context().newCDPSession(page);
  const sends: Promise<unknown>[] = [];
  for (const key of [...text, 'Enter']) {
    const fields = keyFields(key);
    sends.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...fields }));
    sends.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...fields, text: undefined }));
  }
  // Each send resolves once the page has handled its key.
  await Promise.all(sends);
  await cdp.detach();
  await page.clock.resume();
}

/** The DevTools key fields for one printable ASCII character, or Enter. */
function keyFields(key: string): { key: string; code: string; text?: string; windowsVirtualKeyCode: number } {
  if (key === 'Enter') return { key, code: 'Enter', text: '\r', windowsVirtualKeyCode: 13 };
  if (/^[0-9]$/.test(key)) return { key, code: `Digit${key}`, text: key, windowsVirtualKeyCode: key.charCodeAt(0) };
  if (/^[A-Za-z]$/.test(key)) return { key, code: `Key${key.toUpperCase()}`, text: key, windowsVirtualKeyCode: key.toUpperCase().charCodeAt(0) };
  throw new Error(`wedgeScan types letters and digits only, not ${JSON.stringify(key)}`);
}
