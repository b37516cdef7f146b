// A minimal WebSocket client for talking to the browser-mode host from Node tests and benchmarks.
import WebSocket from 'ws';

export interface WsClient {
  call(method: string, params?: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;
  sendRaw(text: string): Promise<unknown>;
  events: { name: string; payload: unknown }[];
  close(): void;
}

/**
 * Connects as the kiosk page does: the launch URL's secret (`?k=`) is sent as the session cookie the
 * host gave that page. `cookie: null` connects like a stranger who never saw the launch URL.
 */
export async function connect(url: string, origin = new URL(url).origin, cookie: string | null = new URL(url).searchParams.get('k')): Promise<WsClient> {
  // A URL already naming /api keeps its query (the launch secret, as the sibling-origin page sends it).
  const parsed = new URL(url);
  const wsUrl = `${parsed.origin.replace(/^http/, 'ws')}/api${parsed.pathname === '/api' ? parsed.search : ''}`;
  const ws = new WebSocket(wsUrl, { origin, headers: cookie === null ? {} : { cookie: `kiosk_session=${cookie}` } });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
  let nextId = 1;
  const waiting = new Map<number | null, (reply: unknown) => void>();
  const events: { name: string; payload: unknown }[] = [];
  ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as { kind: string; id: number | null; reply: unknown; name: string; payload: unknown };
    if (message.kind === 'event') events.push({ name: message.name, payload: message.payload });
    else {
      waiting.get(message.id)?.(message.reply);
      waiting.delete(message.id);
    }
  });
  return {
    events,
    call(method, params = {}) {
      const id = nextId++;
      return new Promise((resolve) => {
        waiting.set(id, resolve as (reply: unknown) => void);
        ws.send(JSON.stringify({ kind: 'call', id, method, params }));
      });
    },
    sendRaw(text) {
      return new Promise((resolve) => {
        waiting.set(null, resolve);
        ws.send(text);
      });
    },
    close: () => ws.close(),
  };
}
