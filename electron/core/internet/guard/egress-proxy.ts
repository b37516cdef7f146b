// The browsing partition's only way out: a forward proxy on 127.0.0.1 that the tab's browser context
// uses for every connection, loopback included (`<-loopback>`). Two holes of the CDP guard close here:
// - WebSockets: neither Fetch nor Network.setBlockedURLs sees a handshake (checked in Chromium 156,
//   docs/internet-manual-test.md); every WebSocket arrives here as a CONNECT tunnel, so a blocked or
//   local destination is refused before any byte reaches it.
// - DNS rebinding: the proxy resolves the name once, judges those addresses, and connects to exactly
//   the address it judged; Chromium never resolves the name itself, so a second DNS answer is never used.
// Node's http server parses the proxy requests; the tunnel is plain node:net (no library needed for
// CONNECT and absolute-form forwarding). Total: any bad input ends that one connection.
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { UrlDecision } from '../url-policy';
import { decideDestination, type RequestPolicy } from './request-policy';
import { needsLookup } from './resolve';

export interface EgressProxy {
  /** `127.0.0.1:PORT`: Electron's proxyRules, CDP's proxyServer (with the http:// prefix). */
  address: string;
  close(): Promise<void>;
}

export type EgressRefusal = { url: string; decision: UrlDecision | null };

/** Electron's and Chromium's bypass list that removes the implicit loopback bypass. */
export const PROXY_BYPASS = '<-loopback>';

interface Target {
  address: string;
  port: number;
}

/** Where a request may go: the address its decision was taken on, or null when refused. */
async function pinnedTarget(rules: RequestPolicy, url: string, onRefused: (refusal: EgressRefusal) => void): Promise<Target | null> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    onRefused({ url: url.slice(0, 300), decision: null });
    return null;
  }
  const { decision, addresses } = await decideDestination(rules, url);
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  // A name needs an address the decision saw; without one the name would be resolved again by someone else.
  const address = needsLookup(parsed.hostname) ? addresses[0] : host;
  if (decision.decision === 'block' || !address) {
    onRefused({ url: url.slice(0, 300), decision: decision.decision === 'block' ? decision : null });
    return null;
  }
  return { address, port: Number(parsed.port || (parsed.protocol === 'https:' || parsed.protocol === 'wss:' ? 443 : 80)) };
}

const HOP_HEADERS = new Set(['proxy-connection', 'proxy-authorization', 'connection', 'keep-alive']);

function forwardHeaders(request: IncomingMessage): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(request.headers)) if (value !== undefined && !HOP_HEADERS.has(name)) headers[name] = value;
  return headers;
}

function refuse(response: ServerResponse): void {
  response.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' }).end('Máy công cộng không mở được địa chỉ này.');
}

/** Pipes two sockets both ways; an error on either closes both. */
function splice(a: Duplex, b: Socket): void {
  a.pipe(b).pipe(a);
  const end = () => {
    a.destroy();
    b.destroy();
  };
  a.on('error', end);
  b.on('error', end);
  a.on('close', end);
  b.on('close', end);
}

export async function startEgressProxy(rules: RequestPolicy, onRefused: (refusal: EgressRefusal) => void = () => undefined): Promise<EgressProxy> {
  // Tunnels leave the http server's bookkeeping once they start: kept here so close() ends them.
  const tunnels = new Set<Duplex>();
  const track = (socket: Duplex) => {
    tunnels.add(socket);
    socket.once('close', () => tunnels.delete(socket));
  };
  const server = createServer((request, response) => {
    const url = request.url ?? '';
    if (!/^https?:\/\//i.test(url)) return refuse(response); // not a proxy request
    void pinnedTarget(rules, url, onRefused).then((target) => {
      if (!target) return refuse(response);
      const parsed = new URL(url);
      const upstream = httpRequest({
        host: target.address,
        port: target.port,
        method: request.method,
        path: `${parsed.pathname}${parsed.search}`,
        headers: forwardHeaders(request),
        setHost: false,
      });
      upstream.on('response', (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      });
      upstream.on('error', () => (response.headersSent ? response.destroy() : response.writeHead(502).end()));
      request.pipe(upstream);
    });
  });

  // HTTPS and every WebSocket (Chromium tunnels ws: and wss: through CONNECT).
  server.on('connect', (request: IncomingMessage, client: Duplex, head: Buffer) => {
    track(client);
    client.on('error', () => client.destroy());
    const authority = request.url ?? '';
    const port = /:(\d{1,5})$/.exec(authority)?.[1];
    const scheme = port === '80' ? 'http' : 'https';
    void pinnedTarget(rules, `${scheme}://${authority}/`, onRefused).then((target) => {
      if (!target) return void client.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      const upstream = connect(target.port, target.address, () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        if (head.length) upstream.write(head);
        splice(client, upstream);
      });
      upstream.on('error', () => client.end('HTTP/1.1 502 Bad Gateway\r\nConnection: close\r\n\r\n'));
    });
  });

  // A plain-proxy WebSocket upgrade (not used by Chromium, which tunnels): judged the same way.
  server.on('upgrade', (request: IncomingMessage, client: Duplex, head: Buffer) => {
    track(client);
    client.on('error', () => client.destroy());
    const url = request.url ?? '';
    void pinnedTarget(rules, url, onRefused).then((target) => {
      if (!target || !/^https?:\/\//i.test(url)) return void client.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      const parsed = new URL(url);
      const upstream = connect(target.port, target.address, () => {
        const lines = [`${request.method} ${parsed.pathname}${parsed.search} HTTP/1.1`];
        for (let i = 0; i + 1 < request.rawHeaders.length; i += 2)
          if (!HOP_HEADERS.has(request.rawHeaders[i]!.toLowerCase())) lines.push(`${request.rawHeaders[i]}: ${request.rawHeaders[i + 1]}`);
        upstream.write(`${lines.join('\r\n')}\r\nConnection: Upgrade\r\n\r\n`);
        if (head.length) upstream.write(head);
        splice(client, upstream);
      });
      upstream.on('error', () => client.destroy());
    });
  });
  server.on('clientError', (_error, socket) => socket.destroy());

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  return {
    address: `127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        for (const socket of tunnels) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
