// Simulated devices for browser mode with --simulate-devices: one HID POS scanner, one keyboard-
// emulating reader opened as raw HID, one magnetic-stripe reader, all on the in-memory transport.
// Text is encoded into the reports each kind of device sends and goes through the real decoders.
import type { DeviceMode, SimulateRequest } from '#contract/devices';
import { createFakeHidTransport, type FakeHidTransport } from '../hid/fake-transport';
import { encodeBootKeyboardReports } from '../hid/keyboard';
import { encodeMagstripeReport } from '../hid/magstripe';
import { encodeHidPosReports, HID_POS_USAGE_PAGE } from '../hid/pos';
import type { HidDeviceInfo } from '../hid/transport';
import type { DeviceSelector } from './selection';

/** 0xF055 is the informal "FOSS" test vendor id; no real scanner uses it. */
export const SIMULATED_VENDOR_ID = 0xf055;

const DEVICES: Record<DeviceMode, HidDeviceInfo> = {
  'hid-pos': {
    path: 'sim://hid-pos',
    vendorId: SIMULATED_VENDOR_ID,
    productId: 0x0001,
    usagePage: HID_POS_USAGE_PAGE,
    usage: 0x02,
    product: 'Máy quét mô phỏng (HID POS)',
    manufacturer: null,
    interface: 0,
  },
  'hid-keyboard': {
    path: 'sim://hid-keyboard',
    vendorId: SIMULATED_VENDOR_ID,
    productId: 0x0002,
    usagePage: 0x01,
    usage: 0x06,
    product: 'Đầu đọc thẻ mô phỏng (bàn phím HID)',
    manufacturer: null,
    interface: 0,
  },
  magstripe: {
    path: 'sim://magstripe',
    vendorId: SIMULATED_VENDOR_ID,
    productId: 0x0003,
    usagePage: 0xff00,
    usage: 0x01,
    product: 'Đầu đọc thẻ từ mô phỏng',
    manufacturer: null,
    interface: 0,
  },
};

export const simulatedSelection: DeviceSelector[] = (Object.keys(DEVICES) as DeviceMode[]).map((mode) => ({
  vendorId: SIMULATED_VENDOR_ID,
  productId: DEVICES[mode].productId,
  mode,
}));

export interface SimulatedDevices {
  transport: FakeHidTransport;
  /** Sends the reports synchronously: the decoded scans reach the manager's listener before this returns. */
  simulate(request: SimulateRequest & { source: DeviceMode }): void;
}

export function encodeReports(request: SimulateRequest & { source: DeviceMode }): Uint8Array[] {
  if (request.reports) return request.reports.map((r) => Uint8Array.from(r));
  const text = request.text ?? '';
  switch (request.source) {
    case 'hid-pos':
      return encodeHidPosReports(text, request.symbology ? `]${request.symbology.replace(/^\]/, '')}` : text.includes('|') ? ']Q1' : ']E0');
    case 'hid-keyboard':
      return encodeBootKeyboardReports(text);
    case 'magstripe':
      return [encodeMagstripeReport(text)];
  }
}

export function createSimulatedDevices(): SimulatedDevices {
  const transport = createFakeHidTransport(Object.values(DEVICES));
  return {
    transport,
    simulate(request) {
      const device = DEVICES[request.source];
      for (const report of encodeReports(request)) transport.send(device.path, report);
    },
  };
}
