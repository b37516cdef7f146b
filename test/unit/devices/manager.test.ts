// The device manager on the fake transport: auto selection, configured devices, hot-plug reopen
// within 2 s, and a device that cannot be opened.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDeviceManager, type RawScan } from '../../../native/devices/manager';
import { createFakeHidTransport } from '../../../native/hid/fake-transport';
import { encodeBootKeyboardReports } from '../../../native/hid/keyboard';
import { encodeHidPosReports } from '../../../native/hid/pos';
import type { HidDeviceInfo } from '../../../native/hid/transport';

const scanner: HidDeviceInfo = {
  path: '/dev/hidraw3',
  vendorId: 0x0c2e,
  productId: 0x0b61,
  usagePage: 0x8c,
  usage: 0x02,
  product: 'Xenon 1900',
  manufacturer: 'Honeywell',
  interface: 0,
};
const keyboardReader: HidDeviceInfo = {
  path: '/dev/hidraw4',
  vendorId: 0xffff,
  productId: 0x0035,
  usagePage: 0x01,
  usage: 0x06,
  product: 'RFID Reader',
  manufacturer: null,
  interface: 0,
};
const realKeyboard: HidDeviceInfo = {
  path: '/dev/hidraw0',
  vendorId: 0x046d,
  productId: 0xc31c,
  usagePage: 0x01,
  usage: 0x06,
  product: 'USB Keyboard',
  manufacturer: 'Logitech',
  interface: 0,
};

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function setup(selection: Parameters<typeof createDeviceManager>[0]['selection'], devices: HidDeviceInfo[]) {
  const transport = createFakeHidTransport(devices);
  const scans: RawScan[] = [];
  const manager = createDeviceManager({ sources: [{ transport, simulated: false }], selection, onScan: (s) => scans.push(s), now: () => Date.UTC(2025, 0, 1) });
  return { transport, scans, manager };
}

describe('device manager', () => {
  it('auto mode opens HID POS scanners but never a keyboard', async () => {
    const { transport, manager, scans } = setup('auto', [scanner, realKeyboard]);
    await manager.poll();
    expect(transport.isOpen(scanner.path)).toBe(true);
    expect(transport.isOpen(realKeyboard.path)).toBe(false);
    for (const report of encodeHidPosReports('9786041234567')) transport.send(scanner.path, report);
    expect(scans).toEqual([{ source: 'hid-pos', text: '9786041234567', symbology: 'ean-13', deviceId: '0c2e:0b61:0' }]);
    expect(manager.status()[0]).toMatchObject({ state: 'connected', scans: 1, lastScanAt: '2025-01-01T00:00:00.000Z', name: 'Honeywell Xenon 1900' });
  });

  it('opens a configured keyboard-emulating reader as raw HID and decodes its keys', async () => {
    const { transport, manager, scans } = setup([{ vendorId: 0xffff, productId: 0x0035, name: 'Đầu đọc RFID' }], [keyboardReader, realKeyboard]);
    await manager.poll();
    expect(transport.isOpen(realKeyboard.path)).toBe(false);
    for (const report of encodeBootKeyboardReports('BD000123')) transport.send(keyboardReader.path, report);
    expect(scans.map((s) => [s.source, s.text])).toEqual([['hid-keyboard', 'BD000123']]);
    expect(manager.status()).toEqual([expect.objectContaining({ name: 'Đầu đọc RFID', mode: 'hid-keyboard', state: 'connected' })]);
  });

  it('lists a configured device that is not plugged in, with what to do', async () => {
    const { manager } = setup([{ vendorId: 0x05e0, productId: 0x1200 }], []);
    await manager.poll();
    expect(manager.status()).toEqual([expect.objectContaining({ id: '05e0:1200', state: 'disconnected', problem: expect.stringMatching(/Hãy cắm thiết bị/) })]);
  });

  it('shows an unplugged device as disconnected and reopens it within 2 s of being plugged back in', async () => {
    const { transport, manager, scans } = setup('auto', [scanner]);
    manager.start(500);
    await vi.advanceTimersByTimeAsync(10);
    expect(transport.isOpen(scanner.path)).toBe(true);

    transport.unplug(scanner.path);
    expect(manager.status()[0]!.state).toBe('disconnected');
    await vi.advanceTimersByTimeAsync(1500);
    expect(manager.status()[0]!.state).toBe('disconnected');

    // Plugged back in: the OS gives it a new hidraw node.
    transport.plug({ ...scanner, path: '/dev/hidraw5' });
    await vi.advanceTimersByTimeAsync(2000);
    expect(transport.isOpen('/dev/hidraw5')).toBe(true);
    expect(manager.status()).toHaveLength(1);
    expect(manager.status()[0]!.state).toBe('connected');
    for (const report of encodeHidPosReports('BD000123')) transport.send('/dev/hidraw5', report);
    expect(scans.map((s) => s.text)).toEqual(['BD000123']);
    await manager.stop();
    expect(transport.isOpen('/dev/hidraw5')).toBe(false);
  });

  it('reports a device it cannot open and retries on the next poll', async () => {
    const { transport, manager } = setup('auto', [scanner]);
    transport.failNextOpen(scanner.path, 'open failed: Permission denied');
    await manager.poll();
    expect(manager.status()[0]).toMatchObject({ state: 'error', problem: expect.stringMatching(/udev/) });
    await manager.poll();
    expect(manager.status()[0]).toMatchObject({ state: 'connected' });
  });
});
