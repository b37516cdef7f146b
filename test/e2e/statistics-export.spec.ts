// The built kiosk (dist/host.mjs, as residents and staff run it) exports the report in every format:
// the bundle must find the report libraries' own data files (pdfkit's fonts) at run time.
import { expect, test } from './fixtures';

test('staff export the year report as PDF, XLSX and CSV from the built kiosk', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  const results = await page.evaluate(async () => {
    const ws = new WebSocket(`ws://${location.host}/api`);
    await new Promise((resolve) => (ws.onopen = resolve));
    let id = 0;
    const waiting = new Map<number, (reply: { ok: boolean; value?: { base64: string; mimeType: string } }) => void>();
    ws.onmessage = (m) => {
      const message = JSON.parse(String(m.data));
      if (message.kind === 'reply') waiting.get(message.id)?.(message.reply);
    };
    const call = (method: string, params: unknown) =>
      new Promise<{ ok: boolean; value?: { token?: string; base64: string; mimeType: string } }>((resolve) => {
        id += 1;
        waiting.set(id, resolve);
        ws.send(JSON.stringify({ kind: 'call', id, method, params }));
      });
    const signIn = await call('staff.signIn', { card: 'NV0001', pin: '147258' });
    const token = (signIn.value as unknown as { token: string }).token;
    const out: Record<string, string> = {};
    for (const format of ['pdf', 'xlsx', 'csv']) {
      const reply = await call('statistics.export', { staffToken: token, period: '2026', format });
      out[format] = reply.ok ? atob(reply.value!.base64).slice(0, 4) : `failed: ${JSON.stringify(reply)}`;
    }
    return out;
  });
  expect(results.pdf).toBe('%PDF');
  expect(results.xlsx).toBe('PK\u0003\u0004');
  expect(results.csv).not.toMatch(/^failed/);
});
