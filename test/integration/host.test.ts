import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHost, type Host } from '../../electron/host/server';
import { openTestKiosk } from '../support/kiosk';
import { connect } from '../support/ws-client';
import { tempDir } from '../support/temp-dir';

let host: Host | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

async function startTestHost() {
  const test = await openTestKiosk();
  const renderer = tempDir();
  mkdirSync(join(renderer.path, 'assets'));
  writeFileSync(join(renderer.path, 'index.html'), '<!doctype html><title>kiosk</title>');
  host = await startHost({ kiosk: test.kiosk, rendererDir: renderer.path });
  return { ...test, host };
}

describe('browser-mode host', () => {
  it('serves the renderer on 127.0.0.1 with a Content-Security-Policy', async () => {
    const { host } = await startTestHost();
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?k=[\w-]+$/);
    const response = await fetch(host.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect((await fetch(`${host.origin}/..%2f..%2fetc%2fpasswd`)).status).not.toBe(200);
  });

  it('round-trips a contract call over the WebSocket', async () => {
    const { host } = await startTestHost();
    const client = await connect(host.url);
    expect(await client.call('system.info')).toMatchObject({ ok: true, value: { mode: 'demo' } });
    client.close();
  });

  it('answers malformed messages with a typed error and keeps serving', async () => {
    const { host } = await startTestHost();
    const client = await connect(host.url);
    expect(await client.sendRaw('{not json')).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await client.sendRaw(JSON.stringify({ kind: 'call', id: 'x', method: 1 }))).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await client.call('system.ping', { unexpected: true })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await client.call('no.such.method')).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await client.call('system.ping')).toMatchObject({ ok: true });
    client.close();
  });

  it('refuses WebSocket connections from other origins', async () => {
    const { host } = await startTestHost();
    await expect(connect(host.url, 'http://evil.example')).rejects.toThrow(/403/);
  });

  it("refuses a second local process that fakes the Origin but never saw the launch URL's secret", async () => {
    const { host } = await startTestHost();
    await expect(connect(host.url, host.origin, null)).rejects.toThrow(/403/);
    await expect(connect(host.url, host.origin, 'a-guessed-secret-of-the-right-size-xx')).rejects.toThrow(/403/);
    // The placeholder page on the sibling origin brings the launch query instead of the cookie.
    const sibling = await connect(
      `${host.origin.replace('127.0.0.1', 'localhost')}/api${new URL(host.url).search}`,
      host.origin.replace('127.0.0.1', 'localhost'),
      null,
    );
    sibling.close();
    // The secret is handed only to a page opened with the launch URL, as an HttpOnly SameSite=Strict cookie.
    expect((await fetch(host.origin)).headers.get('set-cookie')).toBeNull();
    const cookie = (await fetch(host.url)).headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^kiosk_session=[\w-]+; HttpOnly; SameSite=Strict; Path=\/$/);
  });

  it('refuses a page on another loopback port even when the browser sends the cookie along', async () => {
    const { host } = await startTestHost();
    const port = Number(new URL(host.origin).port);
    await expect(connect(host.url, `http://127.0.0.1:${port + 1}`)).rejects.toThrow(/403/);
    await expect(connect(host.url, `http://localhost:${port + 1}`)).rejects.toThrow(/403/);
  });

  it('refuses requests whose Host header is not its loopback address and port (DNS rebinding)', async () => {
    const { host } = await startTestHost();
    const port = Number(new URL(host.origin).port);
    const status = (hostHeader: string) =>
      new Promise<number>((resolve, reject) => {
        request({ host: '127.0.0.1', port, path: '/index.html', headers: { host: hostHeader } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
          .on('error', reject)
          .end();
      });
    expect(await status(`127.0.0.1:${port}`)).toBe(200);
    expect(await status(`rebind.attacker.example:${port}`)).toBe(421);
    expect(await status(`127.0.0.1:${port + 1}`)).toBe(421);
    expect(await status('127.0.0.1')).toBe(421);
  });

  it('pushes contract events to connected clients', async () => {
    const { host, kiosk, clock } = await startTestHost();
    const client = await connect(host.url);
    await client.call('system.ping');
    kiosk.bus.emit('scan.received', { source: 'simulator', kind: 'card', text: 'BD000001', at: new Date(clock.now()).toISOString() });
    await expect.poll(() => client.events.map((e) => e.name)).toContain('scan.received');
    client.close();
  });
});
