// One streaming decoder per device mode, behind the same shape: push a report, maybe get a scan.
import type { DeviceMode } from '#contract/devices';
import { createBootKeyboardDecoder } from '../hid/keyboard';
import { cardNumberFromTracks, decodeMagstripeReport } from '../hid/magstripe';
import { createHidPosAssembler, type DecodedScan } from '../hid/pos';

export interface ReportDecoder {
  push(report: Uint8Array): DecodedScan | null;
}

export function createDecoder(mode: DeviceMode, options: { reportId?: number } = {}): ReportDecoder {
  switch (mode) {
    case 'hid-pos':
      return createHidPosAssembler();
    case 'hid-keyboard': {
      const keyboard = createBootKeyboardDecoder(options);
      return {
        push(report) {
          const line = keyboard.push(report);
          return line === null ? null : { text: line };
        },
      };
    }
    case 'magstripe':
      return {
        push(report) {
          const tracks = decodeMagstripeReport(report, options);
          const number = tracks && cardNumberFromTracks(tracks);
          return number ? { text: number, symbology: 'magstripe' } : null;
        },
      };
  }
}
