// Browser mode: serves the renderer on 127.0.0.1 and carries the contract over a WebSocket at /api.
// Only pages of this origin may connect, so another site open in the same browser cannot drive the kiosk.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { callMessage, MAX_MESSAGE_BYTES, type ReplyMessage } from '../contract';
import type { Kiosk } from '../core/kiosk';
import { serveStatic } from './static-files';
import { serveEresourceFile } from './eresource-files';

export interface HostOptions {
  kiosk: Kiosk;
  rendererDir: string;
  port?: number;
  /** Extra HTTP routes (e.g. device simulation in tests); return true when handled. */
  extraRoutes?: (req: IncomingMessage, res: import('node:http').ServerResponse, origin: string) => boolean | Promise<boolean>;
}

export interface Host {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export const API_PATH = '/api';

function invalid(id: number | null, message: string): ReplyMessage {
  return { kind: 'reply', id, reply: { ok: false, error: { code: 'invalid_request', message } } };
}

export async function startHost(options: HostOptions): Promise<Host> {
  const { kiosk } = options;
  let origin = '';
  const server = createServer((req, res) => {
    void (async () => {
      if (options.extraRoutes && (await options.extraRoutes(req, res, origin))) return;
      if (serveEresourceFile(kiosk.ctx, req, res)) return;
      serveStatic(options.rendererDir, origin, req, res);
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  server.on('upgrade', (req, socket, head) => {
    const allowed = new Set([origin, origin.replace('127.0.0.1', 'localhost')]);
    if (req.url !== API_PATH || !allowed.has(req.headers.origin ?? '')) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  wss.on('connection', (ws: WebSocket) => {
    const unsubscribe = kiosk.bus.onAny((name, payload) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ kind: 'event', name, payload }));
    });
    ws.on('close', unsubscribe);
    ws.on('message', (data, isBinary) => {
      void handleMessage(ws, isBinary ? null : data.toString());
    });
  });

  async function handleMessage(ws: WebSocket, text: string | null): Promise<void> {
    let reply: ReplyMessage;
    if (text === null) {
      reply = invalid(null, 'Yêu cầu phải là văn bản JSON.');
    } else {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      const envelope = callMessage.safeParse(json);
      if (!envelope.success) {
        const id = typeof (json as { id?: unknown })?.id === 'number' ? (json as { id: number }).id : null;
        reply = invalid(id, 'Yêu cầu không đúng định dạng {kind:"call", id, method, params} nên không được thực hiện.');
      } else {
        reply = { kind: 'reply', id: envelope.data.id, reply: await kiosk.registry.dispatch(envelope.data.method, envelope.data.params) };
      }
    }
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(reply));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/`,
    server,
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // A browser's spare pre-connected socket has sent no request yet and would hold close() for a minute.
      server.closeAllConnections();
      await closed;
    },
  };
}
