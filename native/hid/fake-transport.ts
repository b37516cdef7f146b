// In-memory HID transport for tests and the browser-mode simulator: plug/unplug devices and push
// reports as if they came from the wire. Behaves like node-hid: an unplug fails the open handle.
import type { HidDeviceInfo, HidHandle, HidTransport } from './transport';

interface OpenHandle {
  report: ((report: Uint8Array) => void)[];
  gone: ((reason: string) => void)[];
  closed: boolean;
}

export interface FakeHidTransport extends HidTransport {
  plug(device: HidDeviceInfo): void;
  unplug(path: string): void;
  /** Delivers one input report to every open handle of the device; false when nobody has it open. */
  send(path: string, report: Uint8Array): boolean;
  isOpen(path: string): boolean;
  /** Makes the next open() of this path fail (a device held by another program, a permissions problem). */
  failNextOpen(path: string, message: string): void;
}

export function createFakeHidTransport(initial: HidDeviceInfo[] = []): FakeHidTransport {
  const plugged = new Map<string, HidDeviceInfo>(initial.map((d) => [d.path, d]));
  const handles = new Map<string, Set<OpenHandle>>();
  const failures = new Map<string, string>();

  return {
    async enumerate() {
      return [...plugged.values()].map((d) => ({ ...d }));
    },
    async open(path) {
      const failure = failures.get(path);
      if (failure !== undefined) {
        failures.delete(path);
        throw new Error(failure);
      }
      if (!plugged.has(path)) throw new Error(`cannot open device with path ${path}`);
      const entry: OpenHandle = { report: [], gone: [], closed: false };
      const set = handles.get(path) ?? new Set();
      set.add(entry);
      handles.set(path, set);
      const handle: HidHandle = {
        onReport: (listener) => void entry.report.push(listener),
        onGone: (listener) => void entry.gone.push(listener),
        async close() {
          entry.closed = true;
          set.delete(entry);
        },
      };
      return handle;
    },
    plug(device) {
      plugged.set(device.path, device);
    },
    unplug(path) {
      plugged.delete(path);
      for (const entry of handles.get(path) ?? []) {
        entry.closed = true;
        for (const listener of entry.gone) listener('could not read from HID device');
      }
      handles.delete(path);
    },
    send(path, report) {
      const open = [...(handles.get(path) ?? [])].filter((h) => !h.closed);
      for (const entry of open) for (const listener of entry.report) listener(report);
      return open.length > 0;
    },
    isOpen(path) {
      return [...(handles.get(path) ?? [])].some((h) => !h.closed);
    },
    failNextOpen(path, message) {
      failures.set(path, message);
    },
  };
}
