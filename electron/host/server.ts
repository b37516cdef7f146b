// Browser mode: serves the renderer on 127.0.0.1 and carries the contract over a WebSocket at /api.
// Only pages of this origin that were opened with this launch's secret may connect (launch-secret.ts),
// so neither another site in the same browser nor another local process can drive the kiosk, and
// requests naming another host (DNS rebinding) are refused.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { callMessage, MAX_MESSAGE_BYTES, type ReplyMessage } from '#contract';
import type { Kiosk } from '../core/kiosk';
import { serveStatic } from './static-files';
import { serveEresourceFile } from './eresource-files';
import { carriesLaunchSecret, carriesSessionCookie, hostHeaderAllowed, LAUNCH_PARAM, newLaunchSecret, sessionCookie } from './launch-secret';

export interface HostOptions {
  kiosk: Kiosk;
  rendererDir: string;
  port?: number;
  /** The launch secret; a new random one when omitted. */
  secret?: string;
  /** Extra HTTP routes (e.g. device simulation in tests); return true when handled. */
  extraRoutes?: (req: IncomingMessage, res: import('node:http').ServerResponse, origin: string) => boolean | Promise<boolean>;
  /** Called once, after the first reply over the WebSocket has been sent (the page is up and talking). */
  onFirstReply?: () => void;
}

export interface Host {
  /** The launch URL: opening it hands the page the session cookie. */
  url: string;
  /** The origin without the secret. */
  origin: string;
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
  let port = 0;
  const secret = options.secret ?? newLaunchSecret();
  const server = createServer((req, res) => {
    if (!hostHeaderAllowed(req, port)) {
      res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' }).end('Địa chỉ không đúng: kiosk chỉ trả lời 127.0.0.1.');
      return;
    }
    // The launch page trades the secret in its URL for the session cookie the WebSocket needs.
    if (carriesLaunchSecret(req, secret)) res.setHeader('Set-Cookie', sessionCookie(secret));
    void (async () => {
      if (options.extraRoutes && (await options.extraRoutes(req, res, origin))) return;
      if (serveEresourceFile(kiosk.ctx, req, res)) return;
      serveStatic(options.rendererDir, origin, req, res);
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  let firstReply = true;

  server.on('upgrade', (req, socket, head) => {
    const allowed = new Set([origin, origin.replace('127.0.0.1', 'localhost')]);
    const path = (req.url ?? '').split('?')[0];
    // The top page brings its cookie; the placeholder page on the sibling origin brings the launch query.
    const admitted = carriesSessionCookie(req, secret) || carriesLaunchSecret(req, secret);
    if (path !== API_PATH || !allowed.has(req.headers.origin ?? '') || !hostHeaderAllowed(req, port) || !admitted) {
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
    if (firstReply) {
      firstReply = false;
      options.onFirstReply?.();
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/?${LAUNCH_PARAM}=${secret}`,
    origin,
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
