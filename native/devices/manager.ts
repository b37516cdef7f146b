// The device manager: opens the selected HID devices on one or more transports, decodes their
// reports into scans, and keeps polling so an unplugged device is reopened when it comes back.
import type { DeviceMode, DeviceStatus } from '#contract/devices';
import type { HidHandle, HidTransport } from '../hid/transport';
import { createDecoder } from './decoders';
import { hex, identityOf, selectDevices, type DeviceSelection, type SelectedDevice } from './selection';

export interface RawScan {
  source: DeviceMode;
  text: string;
  symbology?: string;
  deviceId: string;
}

export interface TransportSource {
  transport: HidTransport;
  /** Simulated devices are listed as such on the diagnostics page. */
  simulated: boolean;
}

export interface DeviceManager {
  /** One enumeration pass: open what appeared, note what is gone. Returns when every open has settled. */
  poll(): Promise<void>;
  start(pollMs: number): void;
  stop(): Promise<void>;
  status(): DeviceStatus[];
}

interface Entry {
  status: DeviceStatus;
  path: string | null;
  handle: HidHandle | null;
  opening: boolean;
  /** Transport the entry lives on: the same vendor/product id may exist both real and simulated. */
  source: TransportSource;
}

export interface ManagerOptions {
  sources: TransportSource[];
  selection: DeviceSelection;
  onScan: (scan: RawScan) => void;
  /** Wall clock for lastScanAt (ISO); the core's clock in production. */
  now: () => number;
  onProblem?: (message: string) => void;
}

export function createDeviceManager(options: ManagerOptions): DeviceManager {
  const entries = new Map<string, Entry>();
  let timer: ReturnType<typeof setInterval> | undefined;
  let polling: Promise<void> | undefined;
  let stopped = false;

  // Configured devices that were never seen are listed too, so the technician sees what is missing.
  if (options.selection !== 'auto') {
    for (const selector of options.selection) {
      const id = `${hex(selector.vendorId)}:${selector.productId === undefined ? '*' : hex(selector.productId)}`;
      entries.set(`configured:${id}`, {
        status: {
          id,
          name: selector.name ?? `HID ${id}`,
          vendorId: selector.vendorId,
          productId: selector.productId ?? 0,
          usagePage: selector.usagePage ?? null,
          mode: selector.mode ?? 'hid-pos',
          state: 'disconnected',
          problem: `Chưa thấy thiết bị ${id} được cấu hình. Hãy cắm thiết bị vào cổng USB hoặc kiểm tra mã vendorId/productId trong tệp cấu hình.`,
          simulated: false,
          lastScanAt: null,
          scans: 0,
        },
        path: null,
        handle: null,
        opening: false,
        source: options.sources[0]!,
      });
    }
  }

  function key(source: TransportSource, selected: SelectedDevice): string {
    return `${source.simulated ? 'sim' : 'hid'}:${identityOf(selected.info)}`;
  }

  async function open(entry: Entry, selected: SelectedDevice): Promise<void> {
    entry.opening = true;
    try {
      const handle = await entry.source.transport.open(selected.info.path);
      if (stopped) {
        await handle.close();
        return;
      }
      const decoder = createDecoder(selected.mode, { reportId: selected.reportId });
      handle.onReport((report) => {
        let scan;
        try {
          scan = decoder.push(report);
        } catch {
          scan = null; // decoders do not throw; this keeps one odd device from stopping the others
        }
        if (!scan) return;
        entry.status.scans++;
        entry.status.lastScanAt = new Date(options.now()).toISOString();
        options.onScan({ source: selected.mode, text: scan.text, deviceId: entry.status.id, ...(scan.symbology ? { symbology: scan.symbology } : {}) });
      });
      handle.onGone(() => {
        entry.handle = null;
        entry.path = null;
        entry.status.state = 'disconnected';
        entry.status.problem = 'Thiết bị đã bị rút ra. Kiosk sẽ tự mở lại khi thiết bị được cắm vào.';
        void handle.close();
      });
      entry.handle = handle;
      entry.path = selected.info.path;
      entry.status.state = 'connected';
      delete entry.status.problem;
    } catch (error) {
      entry.status.state = 'error';
      entry.status.problem = `Không mở được thiết bị (${(error as Error).message}). Trên Linux, hãy cài quy tắc udev cho phép đọc /dev/hidraw* rồi cắm lại thiết bị.`;
      options.onProblem?.(entry.status.problem);
    } finally {
      entry.opening = false;
    }
  }

  async function pollOnce(): Promise<void> {
    const opens: Promise<void>[] = [];
    for (const source of options.sources) {
      let plugged;
      try {
        plugged = await source.transport.enumerate();
      } catch (error) {
        options.onProblem?.(`Không liệt kê được thiết bị HID: ${(error as Error).message}`);
        continue;
      }
      const present = new Set<string>();
      for (const selected of selectDevices(options.selection, plugged)) {
        const id = key(source, selected);
        present.add(id);
        let entry = entries.get(id);
        if (!entry) {
          entry = {
            status: {
              id: identityOf(selected.info),
              name: selected.name,
              vendorId: selected.info.vendorId,
              productId: selected.info.productId,
              usagePage: selected.info.usagePage,
              mode: selected.mode,
              state: 'disconnected',
              simulated: source.simulated,
              lastScanAt: null,
              scans: 0,
            },
            path: null,
            handle: null,
            opening: false,
            source,
          };
          entries.set(id, entry);
          // A configured placeholder for this device is replaced by the real one.
          for (const [placeholder, value] of entries) {
            if (
              placeholder.startsWith('configured:') &&
              value.status.vendorId === selected.info.vendorId &&
              (value.status.productId === 0 || value.status.productId === selected.info.productId)
            ) {
              entries.delete(placeholder);
            }
          }
        }
        // Reopen when the device is back (possibly at a new path) and nothing holds it.
        if (!entry.handle && !entry.opening && !stopped) opens.push(open(entry, selected));
      }
      for (const [id, entry] of entries) {
        if (entry.source !== source || present.has(id) || id.startsWith('configured:')) continue;
        if (entry.handle) {
          const handle = entry.handle;
          entry.handle = null;
          void handle.close();
        }
        entry.path = null;
        entry.status.state = 'disconnected';
        entry.status.problem = 'Thiết bị đã bị rút ra. Kiosk sẽ tự mở lại khi thiết bị được cắm vào.';
      }
    }
    await Promise.all(opens);
  }

  return {
    poll() {
      // One pass at a time: a slow enumeration must not start a second open of the same device.
      polling ??= pollOnce().finally(() => (polling = undefined));
      return polling;
    },
    start(pollMs) {
      void this.poll();
      timer = setInterval(() => void this.poll(), pollMs);
      timer.unref?.();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await polling;
      for (const entry of entries.values()) {
        if (entry.handle) await entry.handle.close();
        entry.handle = null;
      }
    },
    status() {
      return [...entries.values()].map((e) => ({ ...e.status }));
    },
  };
}
