// Devices in the core: classifies every scan (wedge, HID, simulator) with the configured patterns,
// emits `scan.received`, starts the hardware, and serves the technician's diagnostics.
import type { ScanEvent, ScanSource } from '#contract/devices';
import type { KioskContext } from '../context';
import { KioskError, refused } from '../errors';
import type { DeviceRuntime } from './port';
import { createRecentScans } from './recent';

export function requireDevices(ctx: KioskContext): DeviceRuntime {
  if (!ctx.devices) {
    throw new KioskError(
      'unavailable',
      'Bộ xử lý mã quét chưa được nạp nên kiosk chưa đọc được mã. Hãy khởi động lại kiosk; nếu lỗi lặp lại, báo kỹ thuật viên.',
      {
        reason: 'devices_unavailable',
      },
    );
  }
  return ctx.devices;
}

/** Classifies one scanned text and tells every subscriber; the returned event is what screens receive. */
export function acceptScan(ctx: KioskContext, source: ScanSource, text: string, symbology?: string): ScanEvent {
  const runtime = requireDevices(ctx);
  const kind = runtime.classify(text, ctx.config.devices.patterns);
  const event: ScanEvent = { source, kind, text, at: new Date(ctx.clock.now()).toISOString(), ...(symbology ? { symbology } : {}) };
  recentScans(ctx).add({ ...event, text: runtime.maskForDiagnostics(kind, text) });
  // Kind and source only: the scanned text may be a resident's card or CCCD.
  ctx.log.log('debug', 'devices.scan', { source, kind });
  ctx.bus.emit('scan.received', event);
  return event;
}

const recentByCtx = new WeakMap<KioskContext, ReturnType<typeof createRecentScans>>();
function recentScans(ctx: KioskContext) {
  let recent = recentByCtx.get(ctx);
  if (!recent) recentByCtx.set(ctx, (recent = createRecentScans(20)));
  return recent;
}

export function registerDevices(ctx: KioskContext): void {
  const { registry, config } = ctx;

  registry.register('devices.submitScan', ({ text }) => acceptScan(ctx, 'wedge', text));
  registry.register('devices.wedgeSettings', () => ({ ...config.devices.wedge }));
  registry.register('devices.diagnostics', () => {
    const hardware = ctx.devices?.hardware;
    return {
      hid: hardware
        ? { available: hardware.available, ...(hardware.problem ? { problem: hardware.problem } : {}) }
        : { available: false, problem: 'Kiosk chạy không có lớp thiết bị HID. Hãy khởi động kiosk bằng ứng dụng hoặc lệnh kiosk chính thức.' },
      selection: config.devices.open === 'auto' ? ('auto' as const) : ('configured' as const),
      devices: hardware?.status() ?? [],
      recentScans: recentScans(ctx).list(),
      wedge: { ...config.devices.wedge },
      simulated: ctx.devices?.simulator !== undefined,
    };
  });

  const simulator = ctx.devices?.simulator;
  // Only browser mode started with --simulate-devices passes a simulator; Electron never does.
  if (simulator) {
    registry.register('devices.simulate', async (request) => {
      if (request.source === 'wedge') {
        if (request.text === undefined) throw refused('wedge_needs_text', 'Mô phỏng quét kiểu bàn phím cần văn bản (text), không nhận byte báo cáo.');
        return { scans: [acceptScan(ctx, 'wedge', request.text)] };
      }
      const source = request.source;
      const scans: ScanEvent[] = [];
      const stop = ctx.bus.on('scan.received', (scan) => scan.source === source && scans.push(scan));
      try {
        await simulator.simulate({ ...request, source });
      } finally {
        stop();
      }
      return { scans };
    });
  }

  const hardware = ctx.devices?.hardware;
  if (hardware) {
    hardware.start({
      selection: config.devices.open,
      pollMs: config.devices.hotplugPollMs,
      now: () => ctx.clock.now(),
      onScan: (raw) => {
        try {
          acceptScan(ctx, raw.source, raw.text, raw.symbology);
        } catch (error) {
          ctx.log.log('warn', 'devices.scan_dropped', { source: raw.source, error: (error as Error).name });
        }
      },
      onProblem: (message) => ctx.log.log('warn', 'devices.problem', { message }),
    });
    ctx.onClose(() => hardware.stop());
  }
}
