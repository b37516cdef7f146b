// The real transport: node-hid (hidapi; hidraw on Linux, needs libusb-1.0-0 at run time). Loaded
// lazily so a kiosk whose addon fails to load still starts and says why on the diagnostics page.
import { createRequire } from 'node:module';
import type { HidDeviceInfo, HidHandle, HidTransport } from './transport';

type NodeHid = typeof import('node-hid');

export type NodeHidLoad = { ok: true; hid: NodeHid } | { ok: false; problem: string };

export function loadNodeHid(): NodeHidLoad {
  try {
    const require = createRequire(import.meta.url);
    return { ok: true, hid: require('node-hid') as NodeHid };
  } catch (error) {
    return {
      ok: false,
      problem: `Không nạp được thư viện node-hid (${(error as Error).message.split('\n')[0]}). Hãy cài gói libusb-1.0-0 rồi khởi động lại kiosk; máy quét ở chế độ bàn phím vẫn dùng được.`,
    };
  }
}

export function nodeHidTransport(hid: NodeHid): HidTransport {
  return {
    async enumerate() {
      const devices = await hid.devicesAsync();
      return devices
        .filter((d): d is typeof d & { path: string } => typeof d.path === 'string' && d.path.length > 0)
        .map((d): HidDeviceInfo => ({
          path: d.path,
          vendorId: d.vendorId,
          productId: d.productId,
          usagePage: d.usagePage ?? null,
          usage: d.usage ?? null,
          product: d.product ?? null,
          manufacturer: d.manufacturer ?? null,
          interface: d.interface,
        }));
    },
    async open(path) {
      const device = await hid.HIDAsync.open(path, { nonExclusive: true });
      let gone: ((reason: string) => void) | undefined;
      let closed = false;
      const handle: HidHandle = {
        onReport(listener) {
          device.on('data', (data: Buffer) => listener(new Uint8Array(data.buffer, data.byteOffset, data.length)));
        },
        onGone(listener) {
          gone = listener;
        },
        async close() {
          if (closed) return;
          closed = true;
          device.removeAllListeners();
          await device.close().catch(() => undefined);
        },
      };
      // hidapi reports an unplugged device as a read error; the manager reopens it when it comes back.
      device.on('error', (error: Error) => {
        if (!closed) gone?.(error.message);
      });
      return handle;
    },
  };
}
