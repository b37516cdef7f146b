import { mkdirSync, writeFileSync } from 'node:fs';
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
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const response = await fetch(host.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect((await fetch(`${host.url}..%2f..%2fetc%2fpasswd`)).status).not.toBe(200);
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

  it('pushes contract events to connected clients', async () => {
    const { host, kiosk, clock } = await startTestHost();
    const client = await connect(host.url);
    await client.call('system.ping');
    kiosk.bus.emit('scan.received', { source: 'simulator', kind: 'card', text: 'BD000001', at: new Date(clock.now()).toISOString() });
    await expect.poll(() => client.events.map((e) => e.name)).toContain('scan.received');
    client.close();
  });
});
