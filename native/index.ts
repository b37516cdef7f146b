// The device layer as the kiosk entry points assemble it: classification, CCCD parsing, and the
// HID hardware (node-hid, plus simulated devices in browser mode) behind the core's DeviceRuntime.
import type { DeviceStatus, ScanKind } from '#contract/devices';
import { maskCccdText, maskIdentityNumbers } from './cccd/mask';
import { parseCccdQr } from './cccd/parse';
import { createDeviceManager, type DeviceManager, type RawScan } from './devices/manager';
import type { DeviceSelection } from './devices/selection';
import { createSimulatedDevices, simulatedSelection, type SimulatedDevices } from './devices/simulated';
import { loadNodeHid, nodeHidTransport } from './hid/node-hid-transport';
import type { HidTransport } from './hid/transport';
import { classifyScan } from './scan/classify';

export interface NativeDevicesOptions {
  /** Open real HID devices (Electron and browser mode); the CLI and unit tests leave it off. */
  hardware?: boolean;
  /** Browser mode's --simulate-devices: adds the simulated devices and the simulate entry point. */
  simulate?: boolean;
  /** Tests replace node-hid with the fake transport. */
  transport?: HidTransport;
}

interface StartOptions {
  selection: DeviceSelection;
  pollMs: number;
  now: () => number;
  onScan: (scan: RawScan) => void;
  onProblem: (message: string) => void;
}

function compiledPatterns() {
  // Patterns come from configuration as strings; compile each once (they do not change while running).
  const cache = new Map<string, RegExp>();
  return (source: string) => {
    let pattern = cache.get(source);
    if (!pattern) cache.set(source, (pattern = new RegExp(source)));
    return pattern;
  };
}

export function createNativeDevices(options: NativeDevicesOptions = {}) {
  const compile = compiledPatterns();
  const simulated: SimulatedDevices | undefined = options.simulate ? createSimulatedDevices() : undefined;
  const load = options.hardware && !options.transport ? loadNodeHid() : undefined;
  const realTransport = options.transport ?? (load?.ok ? nodeHidTransport(load.hid) : undefined);
  const managers: DeviceManager[] = [];
  let simulatedManager: DeviceManager | undefined;

  const hardware =
    options.hardware || simulated
      ? {
          available: realTransport !== undefined,
          ...(load && !load.ok ? { problem: load.problem } : {}),
          start(start: StartOptions) {
            if (realTransport && options.hardware) {
              managers.push(
                createDeviceManager({
                  sources: [{ transport: realTransport, simulated: false }],
                  selection: start.selection,
                  onScan: start.onScan,
                  now: start.now,
                  onProblem: start.onProblem,
                }),
              );
            }
            if (simulated) {
              simulatedManager = createDeviceManager({
                sources: [{ transport: simulated.transport, simulated: true }],
                selection: simulatedSelection,
                onScan: start.onScan,
                now: start.now,
              });
              managers.push(simulatedManager);
            }
            for (const manager of managers) manager.start(start.pollMs);
          },
          status(): DeviceStatus[] {
            return managers.flatMap((m) => m.status());
          },
          async stop() {
            await Promise.all(managers.map((m) => m.stop()));
          },
        }
      : undefined;

  return {
    classify: (text: string, patterns: { card: string; item: string }): ScanKind =>
      classifyScan(text, { card: compile(patterns.card), item: compile(patterns.item) }),
    parseCccd: parseCccdQr,
    maskForDiagnostics: (kind: ScanKind, text: string) => (kind === 'cccd' ? maskCccdText(text) : maskIdentityNumbers(text)),
    ...(hardware ? { hardware } : {}),
    ...(simulated
      ? {
          simulator: {
            async simulate(request: Parameters<SimulatedDevices['simulate']>[0]) {
              // The first poll may still be opening the simulated devices; a scan must not be lost to that.
              await simulatedManager?.poll();
              simulated.simulate(request);
            },
          },
        }
      : {}),
  };
}

export { classifyScan } from './scan/classify';
export { parseCccdQr } from './cccd/parse';
export { maskCccdText, maskIdentityNumbers, maskIdNumber } from './cccd/mask';
