// Which plugged-in HID devices the kiosk opens, and how it reads each: from the `devices.open`
// configuration ("auto" or a list of vendor/product ids) and the usage page a device reports.
import type { DeviceMode } from '#contract/devices';
import { HID_POS_USAGE_PAGE } from '../hid/pos';
import type { HidDeviceInfo } from '../hid/transport';

export interface DeviceSelector {
  vendorId: number;
  productId?: number | undefined;
  usagePage?: number | undefined;
  mode?: DeviceMode | undefined;
  name?: string | undefined;
  reportId?: number | undefined;
}

export type DeviceSelection = 'auto' | DeviceSelector[];

const GENERIC_DESKTOP = 0x01;
const KEYBOARD_USAGE = 0x06;
/** MagTek: their HID swipe readers use a vendor usage page, so auto mode recognises the vendor id. */
const MAGTEK_VENDOR_ID = 0x0801;

export interface SelectedDevice {
  info: HidDeviceInfo;
  mode: DeviceMode;
  name: string;
  reportId?: number | undefined;
}

export function inferMode(info: HidDeviceInfo): DeviceMode | null {
  if (info.usagePage === HID_POS_USAGE_PAGE) return 'hid-pos';
  if (info.vendorId === MAGTEK_VENDOR_ID) return 'magstripe';
  if (info.usagePage === GENERIC_DESKTOP && info.usage === KEYBOARD_USAGE) return 'hid-keyboard';
  return null;
}

export function matches(selector: DeviceSelector, info: HidDeviceInfo): boolean {
  if (selector.vendorId !== info.vendorId) return false;
  if (selector.productId !== undefined && selector.productId !== info.productId) return false;
  if (selector.usagePage !== undefined && selector.usagePage !== info.usagePage) return false;
  return true;
}

export function describe(info: HidDeviceInfo): string {
  const name = [info.manufacturer, info.product].filter(Boolean).join(' ').trim();
  return name || `HID ${hex(info.vendorId)}:${hex(info.productId)}`;
}

export const hex = (n: number) => n.toString(16).padStart(4, '0');

/**
 * Auto mode opens HID POS scanners and known magnetic-stripe readers only: opening a keyboard as raw
 * HID would read the technician's own keyboard too, so keyboard-emulating devices must be named.
 */
export function selectDevices(selection: DeviceSelection, plugged: HidDeviceInfo[]): SelectedDevice[] {
  const chosen: SelectedDevice[] = [];
  for (const info of plugged) {
    if (selection === 'auto') {
      const mode = inferMode(info);
      if (mode === 'hid-pos' || mode === 'magstripe') chosen.push({ info, mode, name: describe(info) });
      continue;
    }
    const selector = selection.find((s) => matches(s, info));
    if (!selector) continue;
    const mode = selector.mode ?? inferMode(info);
    // A keyboard-emulating device exposes several interfaces; only its keyboard one carries keys.
    if (mode === null) continue;
    if (mode === 'hid-keyboard' && selector.mode === undefined && info.usagePage !== GENERIC_DESKTOP) continue;
    chosen.push({ info, mode, name: selector.name ?? describe(info), reportId: selector.reportId });
  }
  return chosen;
}

/** Stable identity across unplug/replug (the OS path changes, the ids and interface do not). */
export function identityOf(info: HidDeviceInfo): string {
  return `${hex(info.vendorId)}:${hex(info.productId)}:${info.interface}`;
}
