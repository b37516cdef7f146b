// A TCP proxy on loopback between a room kiosk and its hub, for partition tests (issue #18): it
// passes bytes through, delays them, drops the hub's answers (a request arrives, its reply never
// does), or swallows everything both ways (a cable pulled, with the connections left hanging). The
// mode applies at once to connections already open, as a real network fault would: the kiosk keeps
// its connections to the hub alive between calls.
import { createServer, connect, type Socket } from 'node:net';

export type LinkMode = 'pass' | 'drop-replies' | 'blackhole';

export interface TcpProxy {
  port: number;
  mode(next: LinkMode): void;
  /** Each chunk waits this long before it is passed on, both ways (0: none). */
  delay(ms: number): void;
  close(): Promise<void>;
}

export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  let mode: LinkMode = 'pass';
  let delayMs = 0;
  const sockets = new Set<Socket>();
  const relay = (chunk: Buffer, to: Socket, reply: boolean) => {
    if (mode === 'blackhole' || (reply && mode === 'drop-replies')) return;
    const send = () => {
      if (!to.destroyed) to.write(chunk);
    };
    if (delayMs > 0) setTimeout(send, delayMs);
    else send();
  };
  const server = createServer((client) => {
    const upstream = connect(targetPort, targetHost);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    client.on('data', (chunk: Buffer) => relay(chunk, upstream, false));
    upstream.on('data', (chunk: Buffer) => relay(chunk, client, true));
    // One side closing closes the other, after the bytes still on their way (a delay) have gone.
    client.on('close', () => setTimeout(() => upstream.destroy(), delayMs));
    upstream.on('close', () => setTimeout(() => client.destroy(), delayMs));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the proxy has no port');
  return {
    port: address.port,
    mode: (next) => {
      mode = next;
    },
    delay: (ms) => {
      delayMs = ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
