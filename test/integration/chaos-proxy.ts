// A misbehaving network on loopback, between the kiosk and the collector: drops requests, cuts
// the request or the response mid-body, answers 500, delays, and delivers some requests twice.
// Seeded, so a failure can be replayed; `heal()` turns it into a plain forwarder.
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault = 'drop' | 'cut-request' | 'cut-response' | 'error500' | 'delay' | 'duplicate' | 'pass';

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 30 % dropped, then cuts, 500s, delays and duplicates; the rest pass. */
export function pickFault(r: number): Fault {
  if (r < 0.3) return 'drop';
  if (r < 0.4) return 'cut-request';
  if (r < 0.5) return 'cut-response';
  if (r < 0.6) return 'error500';
  if (r < 0.7) return 'delay';
  if (r < 0.8) return 'duplicate';
  return 'pass';
}

async function body(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

function forward(
  target: URL,
  req: IncomingMessage,
  payload: Buffer,
  partial = false,
): Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer } | undefined> {
  return new Promise((resolve) => {
    const upstream = request(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: { ...req.headers, host: target.host } },
      async (res) => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: await body(res) }),
    );
    upstream.on('error', () => resolve(undefined));
    if (partial) {
      // Half the body with the full length announced, then the connection goes away.
      upstream.write(payload.subarray(0, Math.floor(payload.length / 2)));
      setTimeout(() => {
        upstream.destroy();
        resolve(undefined);
      }, 5);
    } else {
      upstream.end(payload);
    }
  });
}

export interface ChaosProxy {
  url: string;
  faults: Record<Fault, number>;
  heal(): void;
  close(): Promise<void>;
}

export async function startChaosProxy(target: string, seed = 42): Promise<ChaosProxy> {
  const random = seeded(seed);
  const to = new URL(target);
  let healed = false;
  const faults: Record<Fault, number> = { drop: 0, 'cut-request': 0, 'cut-response': 0, error500: 0, delay: 0, duplicate: 0, pass: 0 };
  const server: Server = createServer(async (req, res) => {
    const payload = await body(req);
    const fault: Fault = healed ? 'pass' : pickFault(random());
    faults[fault]++;
    const reply = (r: { status: number; headers: IncomingMessage['headers']; body: Buffer } | undefined) => {
      if (!r) return res.destroy();
      res.writeHead(r.status, { 'content-type': String(r.headers['content-type'] ?? 'application/json') });
      res.end(r.body);
    };
    switch (fault) {
      case 'drop':
        return res.destroy();
      case 'cut-request':
        await forward(to, req, payload, true);
        return res.destroy();
      case 'cut-response': {
        // The collector did the work; the kiosk never hears the end of the answer.
        const r = await forward(to, req, payload);
        if (!r) return res.destroy();
        res.writeHead(r.status, { 'content-type': 'application/json', 'content-length': String(r.body.length) });
        res.write(r.body.subarray(0, Math.floor(r.body.length / 2)));
        return setTimeout(() => res.destroy(), 5);
      }
      case 'error500':
        res.writeHead(500, { 'content-type': 'text/plain' });
        return res.end('upstream error');
      case 'delay':
        await new Promise((resolve) => setTimeout(resolve, 20 + Math.floor(random() * 80)));
        return reply(await forward(to, req, payload));
      case 'duplicate': {
        // Two deliveries at once: the collector must apply the day once.
        const [a] = await Promise.all([forward(to, req, payload), forward(to, req, payload)]);
        return reply(a);
      }
      default:
        return reply(await forward(to, req, payload));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    faults,
    heal: () => (healed = true),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
