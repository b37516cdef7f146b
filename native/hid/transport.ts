// The one interface the device layer reads hardware through: enumerate HID devices, open one, get
// its input reports. Implemented by node-hid (node-hid-transport.ts) and by an in-memory fake.
export interface HidDeviceInfo {
  /** OS path (hidraw node on Linux); unique per plugged-in interface. */
  path: string;
  vendorId: number;
  productId: number;
  usagePage: number | null;
  usage: number | null;
  product: string | null;
  manufacturer: string | null;
  interface: number;
}

export interface HidHandle {
  /** Input reports as the device sends them; `onGone` fires once when the device stops (unplugged, error). */
  onReport(listener: (report: Uint8Array) => void): void;
  onGone(listener: (reason: string) => void): void;
  close(): Promise<void>;
}

export interface HidTransport {
  enumerate(): Promise<HidDeviceInfo[]>;
  open(path: string): Promise<HidHandle>;
}
