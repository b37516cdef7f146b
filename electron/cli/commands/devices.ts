// `kiosk devices` (what node-hid sees and which devices the kiosk would open) and
// `kiosk scan classify TEXT` (what a scanned text is, with a CCCD number masked).
import type { Command } from 'commander';
import { configPathFor, loadConfigFile } from '../../core/config/load';
import { chooseDataDir } from '../../core/config/data-dir';
import { demoConfig, type KioskConfig } from '../../core/config/schema';
import { describeScan } from '../../../native/scan/describe';
import { loadNodeHid, nodeHidTransport } from '../../../native/hid/node-hid-transport';
import { hex, inferMode, selectDevices } from '../../../native/devices/selection';
import { CliFailure, printResult, run, type CommonOptions } from '../output';

const KIND_VI = { card: 'thẻ thư viện', item: 'mã tài liệu', isbn: 'ISBN', cccd: 'mã QR CCCD', guest: 'vé khách', unknown: 'không nhận ra' } as const;

function configFor(options: CommonOptions): KioskConfig {
  const result = loadConfigFile(configPathFor(chooseDataDir(options.dataDir)));
  if (result.ok === 'absent') return demoConfig;
  if (!result.ok) {
    throw new CliFailure(
      `Tệp cấu hình ${result.file} có lỗi nên không biết mẫu thẻ/thiết bị: ${result.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}. Hãy sửa tệp (kiosk config validate) rồi chạy lại.`,
      1,
      { problems: result.problems },
    );
  }
  return result.config;
}

export function registerDevicesCommands(program: Command): void {
  program
    .command('devices')
    .description('Liệt kê thiết bị HID mà kiosk nhìn thấy (máy quét, đầu đọc thẻ)')
    .option('--data-dir <dir>', 'thư mục dữ liệu (để biết cấu hình thiết bị)')
    .option('--json', 'in một tài liệu JSON')
    .action((options: CommonOptions) =>
      run(options, async () => {
        const config = configFor(options);
        const load = loadNodeHid();
        if (!load.ok) throw new CliFailure(load.problem, 2);
        const plugged = await nodeHidTransport(load.hid).enumerate();
        const opened = new Set(selectDevices(config.devices.open, plugged).map((d) => d.info.path));
        const devices = plugged.map((d) => ({
          ...d,
          vendorIdHex: hex(d.vendorId),
          productIdHex: hex(d.productId),
          usagePageHex: d.usagePage === null ? null : hex(d.usagePage),
          likelyMode: inferMode(d),
          wouldOpen: opened.has(d.path),
        }));
        const value = { ok: true, selection: config.devices.open === 'auto' ? 'auto' : 'configured', count: devices.length, devices };
        printResult(options, value, () =>
          devices.length === 0
            ? 'Không thấy thiết bị HID nào. Máy quét ở chế độ bàn phím vẫn dùng được; muốn đọc qua HID, hãy chuyển máy quét sang chế độ USB HID POS.'
            : devices
                .map(
                  (d) =>
                    `${d.wouldOpen ? '●' : '○'} ${d.vendorIdHex}:${d.productIdHex} trang ${d.usagePageHex ?? '?'} ${d.product ?? ''} ${d.likelyMode ? `(${d.likelyMode})` : ''} ${d.path}`,
                )
                .join('\n'),
        );
      }),
    );

  const scan = program.command('scan').description('Kiểm tra mã quét');
  scan
    .command('classify')
    .description('Cho biết một mã quét là gì (thẻ, sách, ISBN, CCCD, vé khách)')
    .argument('<text>', 'văn bản máy quét gửi')
    .option('--data-dir <dir>', 'thư mục dữ liệu (để dùng mẫu thẻ/mã tài liệu đã cấu hình)')
    .option('--json', 'in một tài liệu JSON')
    .action((text: string, options: CommonOptions) =>
      run(options, async () => {
        const config = configFor(options);
        const description = describeScan(text, { card: new RegExp(config.devices.patterns.card), item: new RegExp(config.devices.patterns.item) });
        printResult(options, { ok: true, ...description }, () => {
          const lines = [`Loại: ${KIND_VI[description.kind]} (${description.kind})`, `Mã: ${description.text}`];
          if (description.isbn) lines.push(`ISBN: ${description.isbn.normalised} (${description.isbn.format})`);
          if (description.cccd) {
            const c = description.cccd;
            lines.push(
              c.valid ? `CCCD hợp lệ: ${c.idNumber}, sinh ${c.birthDate}, ${c.gender === 'male' ? 'Nam' : 'Nữ'}` : `CCCD không hợp lệ (${c.idNumber ?? '?'}):`,
            );
            for (const error of c.errors) lines.push(`  - ${error.message}`);
          }
          return lines.join('\n');
        });
      }),
    );
}
