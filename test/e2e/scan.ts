// Scan helpers for end-to-end tests: inject a scan through the simulated devices of a host started
// with --simulate-devices (the real decoders run), or type it the way a keyboard-wedge scanner does.
import type { Page } from '@playwright/test';

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
 * Types the text at 5 ms per key and presses Enter, as a USB scanner in keyboard mode does.
 *
 * The keys are real (trusted) key events sent over the DevTools protocol, each stamped with the
 * time it "happened" and all sent at once. Typing them one by one from the test (as
 * `keyboard.type` does) let a stall of more than 50 ms in this process or in the browser on a
 * loaded CI machine show up as a gap in the scan, which the detector then rightly took for a
 * person typing. A scanner's keys come from the operating system already stamped, so stamping
 * them here is closer to the real device, not further from it.
 */
export async function wedgeScan(page: Page, text: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  // machine-clock: not the kiosk's time: CDP wants input timestamps on Chromium's own wall clock (epoch seconds),
  // which is this machine's clock (under CI's libfaketime guard, both processes see the same fake one).
  const start = Date.now() / 1000;
  const sends: Promise<unknown>[] = [];
  [...text, 'Enter'].forEach((key, index) => {
    const timestamp = start + index * 0.005;
    const fields = keyFields(key);
    sends.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', timestamp, ...fields }));
    sends.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', timestamp: timestamp + 0.001, ...fields, text: undefined }));
  });
  await Promise.all(sends);
  await cdp.detach();
}

/** The DevTools key fields for one printable ASCII character, or Enter. */
function keyFields(key: string): { key: string; code: string; text?: string; windowsVirtualKeyCode: number } {
  if (key === 'Enter') return { key, code: 'Enter', text: '\r', windowsVirtualKeyCode: 13 };
  if (/^[0-9]$/.test(key)) return { key, code: `Digit${key}`, text: key, windowsVirtualKeyCode: key.charCodeAt(0) };
  if (/^[A-Za-z]$/.test(key)) return { key, code: `Key${key.toUpperCase()}`, text: key, windowsVirtualKeyCode: key.toUpperCase().charCodeAt(0) };
  throw new Error(`wedgeScan types letters and digits only, not ${JSON.stringify(key)}`);
}
