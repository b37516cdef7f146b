// The two ways the renderer reaches the core: Electron's preload bridge or the browser-mode
// WebSocket. Both carry the same call/reply/event shapes; the client above does not know which.
// The envelopes only: the whole contract (every feature's schemas) is not needed to show home.
import { replySchema, type Reply } from '#contract/errors';
import { serverMessage } from '#contract/wire';

export interface Transport {
  call(method: string, params: unknown): Promise<Reply<unknown>>;
  subscribe(listener: (name: string, payload: unknown) => void): () => void;
}

interface PreloadBridge {
  invoke(method: string, params: unknown): Promise<unknown>;
  subscribe(listener: (name: string, payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    kiosk?: PreloadBridge;
  }
}

const transportLost: Reply<never> = {
  ok: false,
  error: { code: 'unavailable', message: 'Mất kết nối với phần lõi của kiosk. Vui lòng đợi vài giây rồi thử lại.' },
};

export function ipcTransport(bridge: PreloadBridge): Transport {
  return {
    async call(method, params) {
      const parsed = replySchema.safeParse(await bridge.invoke(method, params));
      return parsed.success ? (parsed.data as Reply<unknown>) : transportLost;
    },
    subscribe: (listener) => bridge.subscribe(listener),
  };
}

/**
 * Marks on the page whether the event stream is live (`<html data-core-link="open">`). The host
 * does not replay events (a scan, a session's end) to a socket that connects after them, so
 * whatever drives the page from outside (the end-to-end tests, a technician in DevTools) waits
 * for this mark rather than guessing how long the connection takes on a slow PC.
 */
function showLink(state: 'open' | 'lost'): void {
  document.documentElement.dataset.coreLink = state;
}

/** A WebSocket that reconnects by itself: the host may restart while the kiosk screen stays up. */
export function webSocketTransport(url: string): Transport {
  let socket: WebSocket | undefined;
  let nextId = 1;
  const pending = new Map<number, (reply: Reply<unknown>) => void>();
  const listeners = new Set<(name: string, payload: unknown) => void>();
  let opened: Promise<WebSocket> | undefined;

  function connect(): Promise<WebSocket> {
    opened ??= new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(url);
      ws.onopen = () => {
        socket = ws;
        showLink('open');
        resolve(ws);
      };
      ws.onerror = () => reject(new Error('websocket error'));
      ws.onclose = () => {
        socket = undefined;
        showLink('lost');
        opened = undefined;
        for (const settle of pending.values()) settle(transportLost);
        pending.clear();
        reject(new Error('websocket closed'));
        // Reconnect so events keep flowing even when no call is made.
        setTimeout(() => void connect().catch(() => undefined), 1000);
      };
      ws.onmessage = (message) => {
        let data: unknown;
        try {
          data = JSON.parse(String(message.data));
        } catch {
          return;
        }
        const parsed = serverMessage.safeParse(data);
        if (!parsed.success) return;
        if (parsed.data.kind === 'event') {
          for (const listener of listeners) listener(parsed.data.name, parsed.data.payload);
        } else if (parsed.data.id !== null) {
          pending.get(parsed.data.id)?.(parsed.data.reply as Reply<unknown>);
          pending.delete(parsed.data.id);
        }
      };
    });
    return opened;
  }

  return {
    async call(method, params) {
      let ws: WebSocket;
      try {
        ws = socket ?? (await connect());
      } catch {
        return transportLost;
      }
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        ws.send(JSON.stringify({ kind: 'call', id, method, params }));
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      void connect().catch(() => undefined);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * Browser mode's launch query (`?k=…`, the secret the host made at this launch): passed on to the
 * WebSocket and to the placeholder page on the sibling loopback origin, which cannot share the
 * top page's SameSite=Strict cookie. Empty when the page was reloaded without it (the cookie serves).
 */
export function launchQuery(): string {
  const secret = new URLSearchParams(location.search).get('k');
  return secret ? `?k=${encodeURIComponent(secret)}` : '';
}

export function defaultTransport(): Transport {
  if (window.kiosk) return ipcTransport(window.kiosk);
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return webSocketTransport(`${scheme}//${location.host}/api${launchQuery()}`);
}
