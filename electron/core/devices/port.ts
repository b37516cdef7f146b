// What the core needs from the device layer, as an interface: the core may not import native/
// (layer rule), so electron/host, electron/main and the CLI pass an implementation to createKiosk.
import type { CccdResult, DeviceMode, DeviceStatus, ScanKind, SimulateRequest } from '#contract/devices';

export interface ScanPatternSources {
  card: string;
  item: string;
}

export interface RawScan {
  source: DeviceMode;
  text: string;
  symbology?: string;
  deviceId: string;
}

export interface DeviceSelectorConfig {
  vendorId: number;
  productId?: number | undefined;
  usagePage?: number | undefined;
  mode?: DeviceMode | undefined;
  name?: string | undefined;
  reportId?: number | undefined;
}

export interface HardwareStartOptions {
  selection: 'auto' | DeviceSelectorConfig[];
  pollMs: number;
  now: () => number;
  onScan: (scan: RawScan) => void;
  onProblem: (message: string) => void;
}

export interface DeviceHardware {
  /** Whether the HID library loaded; the problem says what to install when it did not. */
  readonly available: boolean;
  readonly problem?: string;
  start(options: HardwareStartOptions): void;
  status(): DeviceStatus[];
  stop(): Promise<void>;
}

export interface DeviceSimulator {
  /** Encodes text (or takes raw reports) and pushes it through the same decoders as real hardware. */
  simulate(request: SimulateRequest & { source: DeviceMode }): Promise<void>;
}

export interface DeviceRuntime {
  classify(text: string, patterns: ScanPatternSources): ScanKind;
  parseCccd(text: string): CccdResult;
  /** The text as diagnostics may show it: a CCCD QR reduced to its masked ID number. */
  maskForDiagnostics(kind: ScanKind, text: string): string;
  /** Absent in the CLI and unit tests: no hardware is opened there. */
  hardware?: DeviceHardware;
  /** Present only when browser mode runs with --simulate-devices; never in Electron. */
  simulator?: DeviceSimulator;
}
