// A slow network on loopback: a TCP proxy that holds every chunk, both ways, for `delayMs` before
// passing it on. Put between a client and a real server, it makes the server slow without
// touching it (copy-cataloguing timeouts, the staff screen while a server is slow).
import { createConnection, createServer, type Socket } from 'node:net';

export interface DelayingProxy {
  port: number;
  setDelay(ms: number): void;
  close(): Promise<void>;
}

/** `listenPort`: where it listens (default: any free port), e.g. a target's port that was down until now. */
export async function delayingProxy(targetPort: number, delayMs: number, listenPort = 0): Promise<DelayingProxy> {
  let delay = delayMs;
  const sockets = new Set<Socket>();
  const relay = (from: Socket, to: Socket) => {
    from.on('data', (chunk) => {
      setTimeout(() => {
        if (!to.destroyed) to.write(chunk);
      }, delay);
    });
    from.on('end', () => setTimeout(() => to.end(), delay));
    from.on('error', () => to.destroy());
    from.on('close', () => setTimeout(() => to.destroy(), delay));
  };
  const server = createServer((client) => {
    const upstream = createConnection({ host: '127.0.0.1', port: targetPort });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    }
    relay(client, upstream);
    relay(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(listenPort, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    setDelay: (ms) => void (delay = ms),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
