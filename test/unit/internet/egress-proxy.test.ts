// The egress proxy of the browsing partition (issue #15): WebSocket tunnels and requests to blocked
// or local destinations are refused before a byte reaches them, connections go to the address the
// decision was taken on, and no input ends the proxy. Real servers and sockets on loopback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { startEgressProxy, type EgressProxy, type EgressRefusal } from '../../../electron/core/internet/guard/egress-proxy';
import type { UrlPolicy } from '../../../electron/core/internet/url-policy';

let target: Server;
let port = 0;
const arrivals: string[] = [];
let proxy: EgressProxy;
const refusals: EgressRefusal[] = [];
const dns: Record<string, string[]> = { 'pinned.test': ['127.0.0.1'], 'router.test': ['192.168.1.1'], 'other.test': ['127.0.0.2'] };

beforeAll(async () => {
  target = createServer((request, response) => {
    arrivals.push(`${request.socket.localAddress} ${request.headers.host} ${request.url}`);
    response.end('reached');
  });
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', () => resolve()));
  port = (target.address() as AddressInfo).port;
  const policy: UrlPolicy = { mode: 'block-list', allow: [], block: ['blocked.test'], kioskOrigins: [], localExceptions: [`127.0.0.1:${port}`] };
  proxy = await startEgressProxy(
    {
      policy,
      resolve: async (host) => {
        if (!dns[host]) throw new Error('NXDOMAIN');
        return dns[host]!;
      },
    },
    (r) => refusals.push(r),
  );
});

afterAll(async () => {
  await proxy.close();
  await new Promise((resolve) => target.close(resolve));
});

/** Sends raw bytes to the proxy and returns its first answer line. */
function ask(raw: string): Promise<string> {
  const [host, p] = proxy.address.split(':');
  return new Promise((resolve) => {
    const socket = connect(Number(p), host, () => socket.write(raw));
    let text = '';
    socket.on('data', (chunk) => {
      text += String(chunk);
      if (text.includes('\r\n')) {
        socket.destroy();
        resolve(text.split('\r\n')[0]!);
      }
    });
    socket.on('error', () => resolve(text.split('\r\n')[0] ?? ''));
    socket.on('close', () => resolve(text.split('\r\n')[0] ?? ''));
  });
}

describe('the egress proxy', () => {
  it('tunnels to an allowed destination, on the address the decision saw', async () => {
    expect(await ask(`CONNECT pinned.test:${port} HTTP/1.1\r\nHost: pinned.test:${port}\r\n\r\n`)).toBe('HTTP/1.1 200 Connection Established');
    expect(await ask(`GET http://pinned.test:${port}/via-proxy HTTP/1.1\r\nHost: pinned.test:${port}\r\n\r\n`)).toBe('HTTP/1.1 200 OK');
    expect(arrivals.at(-1)).toBe(`127.0.0.1 pinned.test:${port} /via-proxy`);
  });

  it('refuses blocked hosts, loopback names, private answers and unknown names before connecting', async () => {
    const before = arrivals.length;
    for (const authority of [
      `blocked.test:${port}`,
      `localhost:${port}`,
      `127.0.0.2:${port}`,
      `router.test:80`,
      `other.test:${port}`,
      `[::1]:${port}`,
      `nowhere.test:${port}`,
    ]) {
      expect(await ask(`CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\n\r\n`), authority).toBe('HTTP/1.1 403 Forbidden');
    }
    expect(await ask(`GET http://localhost:${port}/x HTTP/1.1\r\nHost: localhost:${port}\r\n\r\n`)).toMatch(/^HTTP\/1.1 403/);
    expect(await ask(`GET /not-a-proxy-request HTTP/1.1\r\nHost: x\r\n\r\n`)).toMatch(/^HTTP\/1.1 403/);
    expect(arrivals.length).toBe(before);
    expect(refusals.some((r) => r.decision?.rule === 'local-address')).toBe(true);
  });

  it('answers any CONNECT authority without throwing, and keeps serving (property)', async () => {
    await fc.assert(
      // Anything that could read as an address literal is left out: a test never connects off this machine.
      fc.asyncProperty(
        fc.string({ maxLength: 60 }).filter((s) => !/[\r\n ]/.test(s) && !/^[0-9a-fx.:[\]]*$/i.test(s)),
        async (authority) => {
          const line = await ask(`CONNECT ${authority} HTTP/1.1\r\nHost: x\r\n\r\n`);
          expect(line === '' || /^HTTP\/1.1 (200|400|403|502)/.test(line)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
    expect(await ask(`CONNECT pinned.test:${port} HTTP/1.1\r\nHost: x\r\n\r\n`)).toBe('HTTP/1.1 200 Connection Established');
  });
});
