// A CDP connection to Debian's Chromium over --remote-debugging-pipe (fd 3 in, fd 4 out, messages
// ended by NUL), and a CdpChannel for one tab on it: the same interface Electron's
// webContents.debugger gives the browsing guard, so tests run the guard exactly as the kiosk does.
import { rmSync } from 'node:fs';
import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import type { CdpChannel, CdpSessionId } from '../../electron/core/internet/guard/cdp';

type Listener = (method: string, params: Record<string, unknown>, sessionId: string | undefined) => void;

export interface CdpBrowser {
  process: ChildProcess;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- CDP replies are untyped JSON; each test reads the fields it needs
  send(method: string, params?: Record<string, unknown>, sessionId?: string): Promise<any>;
  onEvent(listener: Listener): () => void;
  /** Opens a tab at about:blank, attached with flatten, and its channel. */
  newTab(options?: { browserContextId?: string }): Promise<{ targetId: string; sessionId: string; channel: CdpChannel }>;
  close(): Promise<void>;
}

export async function launchChromium(args: readonly string[], userDataDir: string): Promise<CdpBrowser> {
  const child = spawn(
    process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    ['--headless=new', '--remote-debugging-pipe', `--user-data-dir=${userDataDir}`, ...args, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] },
  );
  const toBrowser = child.stdio[3] as Writable;
  const fromBrowser = child.stdio[4] as Readable;
  let nextId = 1;
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  const listeners = new Set<Listener>();
  let buffer = Buffer.alloc(0);
  fromBrowser.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (let end = buffer.indexOf(0); end >= 0; end = buffer.indexOf(0)) {
      const message = JSON.parse(buffer.subarray(0, end).toString('utf8')) as {
        id?: number;
        method?: string;
        params?: Record<string, unknown>;
        result?: unknown;
        error?: { message: string };
        sessionId?: string;
      };
      buffer = buffer.subarray(end + 1);
      if (message.id !== undefined) {
        const waiter = pending.get(message.id);
        pending.delete(message.id);
        if (message.error) waiter?.reject(new Error(message.error.message));
        else waiter?.resolve(message.result);
      } else if (message.method) {
        for (const listener of listeners) listener(message.method, message.params ?? {}, message.sessionId);
      }
    }
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('exit', () => {
    for (const waiter of pending.values()) waiter.reject(new Error('chromium exited'));
    pending.clear();
  });
  const send = (method: string, params: Record<string, unknown> = {}, sessionId?: string) =>
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see CdpBrowser.send
    new Promise<any>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      toBrowser.write(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }) + '\0');
    });
  const onEvent = (listener: Listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  return {
    process: child,
    send,
    onEvent,
    async newTab(options = {}) {
      const { targetId } = await send('Target.createTarget', { url: 'about:blank', ...options });
      const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
      const channel: CdpChannel = {
        send: (method, params, child?: CdpSessionId) => send(method, params, child ?? sessionId),
        onEvent: (listener) =>
          onEvent((method, params, from) => {
            if (from === undefined) return; // browser-level events belong to the test, not the tab
            listener(method, params, from === sessionId ? undefined : from);
          }),
      };
      return { targetId, sessionId, channel };
    },
    async close() {
      if (child.exitCode === null) {
        await send('Browser.close').catch(() => undefined);
        await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
        if (child.exitCode === null) {
          child.kill('SIGKILL');
          await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
        }
      }
    },
  };
}

/**
 * Removes a test's work folder holding a Chromium profile. Chromium's helper processes may still
 * flush into the profile for a moment after the browser has gone, so removal is retried for a few
 * seconds; a folder still busy after that is reported, not turned into a failed test (it is only
 * the test's own temporary folder).
 */
export function removeProfileFolder(folder: string): void {
  try {
    rmSync(folder, { recursive: true, force: true, maxRetries: 25, retryDelay: 200 });
  } catch (error) {
    console.warn(`could not remove ${folder}: ${(error as Error).message}`);
  }
}
