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

/** Types the text at 5 ms per key and presses Enter, as a USB scanner in keyboard mode does. */
export async function wedgeScan(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text, { delay: 5 });
  await page.keyboard.press('Enter');
}
