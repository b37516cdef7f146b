// One contract call from inside a kiosk page, over the page's own WebSocket to the host (what a screen
// does), for tests and benchmarks that need the core's answer as the page would get it.
import type { Page } from '@playwright/test';

export interface PageReply {
  ok: boolean;
  value?: unknown;
  error?: { message: string; reason?: string };
}

export function pageReply(page: Page, method: string, params: unknown = {}): Promise<PageReply> {
  return page.evaluate(
    async ({ method, params }) => {
      const ws = new WebSocket(`ws://${location.host}/api`);
      await new Promise((resolve, reject) => ((ws.onopen = resolve), (ws.onerror = reject)));
      const answer = new Promise<string>((resolve) => {
        ws.onmessage = (m) => {
          const data = JSON.parse(String(m.data));
          if (data.kind === 'reply' && data.id === 1) resolve(JSON.stringify(data.reply));
        };
      });
      ws.send(JSON.stringify({ kind: 'call', id: 1, method, params }));
      const reply = JSON.parse(await answer);
      ws.close();
      return reply;
    },
    { method, params },
  );
}
