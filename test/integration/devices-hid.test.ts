// node-hid itself: the addon loads here (libusb-1.0-0 from resources/debian-packages.txt) and
// enumerates, with or without devices; the real transport maps what it sees.
import { describe, expect, it } from 'vitest';
import { loadNodeHid, nodeHidTransport } from '../../native/hid/node-hid-transport';

describe('node-hid', () => {
  it('loads and enumerates HID devices', async () => {
    const load = loadNodeHid();
    if (!load.ok) throw new Error(load.problem);
    expect(typeof load.hid.getHidapiVersion()).toBe('string');
    expect(Array.isArray(load.hid.devices())).toBe(true);
    const devices = await nodeHidTransport(load.hid).enumerate();
    for (const device of devices) {
      expect(device.path.length).toBeGreaterThan(0);
      expect(device.vendorId).toBeGreaterThanOrEqual(0);
    }
  });
});
