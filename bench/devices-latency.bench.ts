// Device latency and decoder throughput. Latency: from delivering the last report of a scan on the
// transport (the fake one, which hands bytes over the way node-hid's 'data' event does) to the
// classified scan.received event on the core's bus. Target p99 < 5 ms. Throughput: reports/s.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKiosk } from '../electron/core/kiosk';
import { silentLogger } from '../electron/core/log';
import { createNativeDevices } from '../native';
import { createFakeHidTransport } from '../native/hid/fake-transport';
import { createBootKeyboardDecoder, encodeBootKeyboardReports } from '../native/hid/keyboard';
import { createHidPosAssembler, encodeHidPosReports } from '../native/hid/pos';
import { summarise, writeResult } from './harness';

const SCANS = 2000;
const CCCD = '001099012345|123456789|Nguyễn Văn An|01021999|Nam|Thôn 1, xã Minh Hòa, huyện Gia Lâm, Hà Nội|15062021';

const transport = createFakeHidTransport([
  { path: 'bench://pos', vendorId: 0x0c2e, productId: 0x0b61, usagePage: 0x8c, usage: 2, product: 'bench', manufacturer: null, interface: 0 },
]);
const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-bench-devices-'));
const kiosk = await createKiosk({ dataDir, log: silentLogger, devices: createNativeDevices({ hardware: true, transport }) });
try {
  // Wait until the manager's first poll has opened the scanner.
  while (!transport.isOpen('bench://pos')) await new Promise((resolve) => setTimeout(resolve, 10));

  const codes = ['9786041234567', 'BD000123', 'TV000045', CCCD];
  const latencies: number[] = [];
  let received = 0;
  let lastReportAt = 0;
  kiosk.bus.on('scan.received', () => {
    latencies.push(performance.now() - lastReportAt);
    received++;
  });
  for (let i = 0; i < SCANS; i++) {
    const reports = encodeHidPosReports(codes[i % codes.length]!, ']Q1');
    for (let r = 0; r < reports.length - 1; r++) transport.send('bench://pos', reports[r]!);
    lastReportAt = performance.now();
    transport.send('bench://pos', reports.at(-1)!);
    // Let timers and I/O run between scans as they would between real scans.
    if (i % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  if (received !== SCANS) throw new Error(`expected ${SCANS} scans, got ${received}`);

  // Decoder throughput on its own: reports per second for HID POS and boot-keyboard reports.
  const posReports = encodeHidPosReports(CCCD, ']Q1');
  const keyReports = encodeBootKeyboardReports('BD000123');
  const throughput = (reports: Uint8Array[], push: (r: Uint8Array) => unknown) => {
    const rounds = 20000;
    const started = performance.now();
    for (let i = 0; i < rounds; i++) for (const report of reports) push(report);
    return Math.round((rounds * reports.length) / ((performance.now() - started) / 1000));
  };
  const pos = createHidPosAssembler();
  const keyboard = createBootKeyboardDecoder();
  const figures = summarise(latencies, 4);
  writeResult({
    name: 'devices-latency',
    description:
      'Last HID POS report of a scan delivered on the transport → scan.received on the core bus (decode, classify, zod-validated emit); decoder throughput',
    unit: 'ms',
    target: { metric: 'p99', limit: 5, met: figures.p99 < 5 },
    figures: {
      ...figures,
      hidPosReportsPerSecond: throughput(posReports, (r) => pos.push(r)),
      bootKeyboardReportsPerSecond: throughput(keyReports, (r) => keyboard.push(r)),
    },
  });
} finally {
  await kiosk.close();
  rmSync(dataDir, { recursive: true, force: true });
}
