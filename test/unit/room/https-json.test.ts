// The room link's one request (electron/core/room/https-json.ts) against real sockets on loopback:
// a failure before the hub accepted the TLS connection means nothing reached it; a failure after the
// request went out over an accepted connection means the hub may have done it (AnswerLost), which the
// kiosk must not report as "nothing changed".
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createTcpServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOM_HUB_NAME } from '#contract/room';
import { createRoomAuthority, keyPem } from '../../../electron/core/room/certificates';
import { AnswerLost, postJson } from '../../../electron/core/room/https-json';

const servers: Server[] = [];
const sockets = new Set<Socket>();
afterEach(async () => {
  for (const socket of sockets) socket.destroy();
  sockets.clear();
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function listen(server: Server): Promise<number> {
  servers.push(server);
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

async function hubCredentials() {
  const { ca, hub } = await createRoomAuthority('0123456789abcdef');
  return { ca: ca.certificate, cert: hub.certificate, key: keyPem(hub.key) };
}

/** Long enough for a TLS handshake on a loaded machine; the link's silence is what runs it out. */
const post = (port: number, ca: string, timeoutMs = 3000) =>
  postJson({ host: '127.0.0.1', port, path: '/room/call', ca, servername: ROOM_HUB_NAME }, { kind: 'call', id: 1 }, 4096, timeoutMs);

describe('a request on the room link', () => {
  it('answers with the status and the JSON', async () => {
    const tls = await hubCredentials();
    const port = await listen(createHttpsServer({ cert: tls.cert, key: tls.key }, (_req, res) => res.end('{"ok":true}')));
    await expect(post(port, tls.ca)).resolves.toEqual({ status: 200, json: { ok: true } });
  });

  it('nothing listening: an ordinary failure (nothing reached the hub)', async () => {
    const tls = await hubCredentials();
    const port = await listen(createTcpServer());
    await new Promise((resolve) => servers.pop()!.close(resolve));
    const failure = await post(port, tls.ca).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(failure).not.toBeInstanceOf(AnswerLost);
  });

  it('a connection accepted but no TLS handshake (a link that swallows everything): not sent, an ordinary failure', async () => {
    const tls = await hubCredentials();
    const port = await listen(createTcpServer(() => undefined));
    const failure = await post(port, tls.ca, 500).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(failure).not.toBeInstanceOf(AnswerLost);
  });

  it('the hub took the request and its answer never came: AnswerLost', async () => {
    const tls = await hubCredentials();
    let received = 0;
    const port = await listen(createHttpsServer({ cert: tls.cert, key: tls.key }, () => received++));
    const failure = await post(port, tls.ca).catch((error: unknown) => error);
    expect(received).toBe(1);
    expect(failure).toBeInstanceOf(AnswerLost);
  });
});
