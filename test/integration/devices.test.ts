// Devices through the core: wedge submissions and simulated HID scans are classified with the
// configured patterns, emitted as scan.received, and shown masked on the diagnostics page.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScanEvent } from '#contract/devices';
import { createKiosk } from '../../electron/core/kiosk';
import { silentLogger } from '../../electron/core/log';
import { FakeClock } from '../../electron/core/clock';
import { createNativeDevices } from '../../native';
import { encodeHidPosReports } from '../../native/hid/pos';
import { openTestKiosk } from '../support/kiosk';
import { tempDir } from '../support/temp-dir';

const CCCD = '001099012345|123456789|Nguyễn Văn An|01021999|Nam|Thôn 1, xã Minh Hòa|15062021';

async function simulatingKiosk() {
  const dir = tempDir();
  const kiosk = await createKiosk({ dataDir: dir.path, clock: new FakeClock(), log: silentLogger, devices: createNativeDevices({ simulate: true }) });
  const call = async <T>(method: string, params: unknown = {}): Promise<T> => {
    const reply = await kiosk.registry.dispatch(method, params);
    if (!reply.ok) throw Object.assign(new Error(reply.error.message), { apiError: reply.error });
    return reply.value as T;
  };
  return { kiosk, call, close: async () => (await kiosk.close(), dir.remove()) };
}

describe('devices in the core', () => {
  it('classifies a wedge submission and emits it to subscribers', async () => {
    const { kiosk, call } = await openTestKiosk();
    const seen: ScanEvent[] = [];
    kiosk.bus.on('scan.received', (scan) => seen.push(scan));
    const scan = await call<ScanEvent>('devices.submitScan', { source: 'wedge', text: 'BD000123' });
    expect(scan).toMatchObject({ source: 'wedge', kind: 'card', text: 'BD000123' });
    expect(seen).toEqual([scan]);
  });

  it('uses the patterns from the configuration file', async () => {
    const { call } = await openTestKiosk({
      configure: (dir) =>
        writeFileSync(
          join(dir, 'kiosk.config.json'),
          JSON.stringify({ library: { name: 'Thư viện xã Test', communeCode: '12345' }, devices: { patterns: { card: '^LIB\\d{4}$' } } }),
        ),
    });
    expect(await call('devices.submitScan', { source: 'wedge', text: 'LIB0042' })).toMatchObject({ kind: 'card' });
    expect(await call('devices.submitScan', { source: 'wedge', text: 'BD000123' })).toMatchObject({ kind: 'unknown' });
  });

  it('refuses a bad card pattern in the configuration with a clear message', async () => {
    const { kiosk } = await openTestKiosk({
      configure: (dir) =>
        writeFileSync(
          join(dir, 'kiosk.config.json'),
          JSON.stringify({ library: { name: 'X', communeCode: '12345' }, devices: { patterns: { card: '^(BD' }, open: [{ vendorId: 70000 }] } }),
        ),
    });
    expect(kiosk.mode).toBe('misconfigured');
    const paths = kiosk.ctx.configProblems.map((p) => p.path);
    expect(paths).toContain('devices.patterns.card');
    expect(paths).toContain('devices.open.0.vendorId');
  });

  it('does not offer simulation unless the host asked for it', async () => {
    const { kiosk } = await openTestKiosk();
    const reply = await kiosk.registry.dispatch('devices.simulate', { source: 'hid-pos', text: 'BD000123' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('pushes simulated HID POS text, raw reports, keyboard and magstripe scans through the decoders', async () => {
    const k = await simulatingKiosk();
    try {
      const pos = await k.call<{ scans: ScanEvent[] }>('devices.simulate', { source: 'hid-pos', text: CCCD });
      expect(pos.scans).toEqual([expect.objectContaining({ source: 'hid-pos', kind: 'cccd', text: CCCD, symbology: 'qr' })]);
      const raw = encodeHidPosReports('9786041234567', ']E0').map((r) => [...r]);
      expect((await k.call<{ scans: ScanEvent[] }>('devices.simulate', { source: 'hid-pos', reports: raw })).scans[0]).toMatchObject({
        kind: 'isbn',
        symbology: 'ean-13',
      });
      expect((await k.call<{ scans: ScanEvent[] }>('devices.simulate', { source: 'hid-keyboard', text: 'TV000045' })).scans[0]).toMatchObject({
        source: 'hid-keyboard',
        kind: 'item',
        text: 'TV000045',
      });
      expect((await k.call<{ scans: ScanEvent[] }>('devices.simulate', { source: 'magstripe', text: 'BD000123' })).scans[0]).toMatchObject({
        source: 'magstripe',
        kind: 'card',
        text: 'BD000123',
      });
      expect((await k.call<{ scans: ScanEvent[] }>('devices.simulate', { source: 'wedge', text: 'KHACH-7K3M9QXZ' })).scans[0]).toMatchObject({
        source: 'wedge',
        kind: 'guest',
      });
    } finally {
      await k.close();
    }
  });

  it('lists devices and masks CCCD in the diagnostics, for signed-in staff only', async () => {
    const k = await simulatingKiosk();
    try {
      await k.call('devices.simulate', { source: 'hid-pos', text: CCCD });
      const denied = await k.kiosk.registry.dispatch('devices.diagnostics', { staffToken: 'x'.repeat(32) });
      expect(denied).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
      const { token } = await k.call<{ token: string }>('staff.signIn', { card: 'KT0001', pin: '246813' });
      const diagnostics = await k.call<{ devices: { mode: string; state: string; simulated: boolean }[]; recentScans: ScanEvent[] }>('devices.diagnostics', {
        staffToken: token,
      });
      expect(diagnostics.devices.map((d) => d.mode).sort()).toEqual(['hid-keyboard', 'hid-pos', 'magstripe']);
      expect(diagnostics.devices.every((d) => d.state === 'connected' && d.simulated)).toBe(true);
      expect(diagnostics.recentScans[0]).toMatchObject({ kind: 'cccd', text: '001*******45|…' });
      expect(JSON.stringify(diagnostics)).not.toContain('001099012345');
      expect(JSON.stringify(diagnostics)).not.toContain('Nguyễn');
    } finally {
      await k.close();
    }
  });
});
