// HID POS barcode scanner reports (USB HID Point of Sale usage tables, usage page 0x8C, the
// "Scanned Data Report" usage 0x12) in the 64-byte layout POS-mode scanners send (Honeywell
// "USB HID POS", also used by Zebra/Datalogic in HID POS mode):
//   byte 0      report id (0x02)
//   byte 1      number of data bytes in this report (0..56)
//   bytes 2..57 decoded data (UTF-8, continued across reports)
//   byte 58     vendor code id (ignored)
//   bytes 59-60 AIM symbology identifier code + modifier (the "]" is implied)
//   bytes 61-62 reserved
//   byte 63     bit 0 set: more data follows in the next report ("Decoded Data Continued")
// Pure functions: a report decoder and an assembler that joins multi-report scans.
import { symbologyFromAim } from './symbology';

export const HID_POS_USAGE_PAGE = 0x8c;
export const HID_POS_REPORT_ID = 0x02;
export const HID_POS_REPORT_LENGTH = 64;
export const HID_POS_DATA_MAX = 56;

export type PosReport = { ok: true; data: Uint8Array; aim: string; more: boolean } | { ok: false; reason: 'wrong_report_id' | 'too_short' | 'bad_length' };

export function decodeHidPosReport(report: Uint8Array): PosReport {
  if (report.length < 2) return { ok: false, reason: 'too_short' };
  if (report[0] !== HID_POS_REPORT_ID) return { ok: false, reason: 'wrong_report_id' };
  const length = report[1]!;
  if (length > HID_POS_DATA_MAX || 2 + length > report.length) return { ok: false, reason: 'bad_length' };
  const data = report.subarray(2, 2 + length);
  const aimCode = report.length > 60 ? String.fromCharCode(report[59]!, report[60]!) : '';
  const aim = /^[\x21-\x7e]{2}$/.test(aimCode) ? `]${aimCode}` : '';
  const more = report.length >= HID_POS_REPORT_LENGTH && (report[63]! & 0x01) === 1;
  return { ok: true, data, aim, more };
}

export interface DecodedScan {
  text: string;
  symbology?: string;
}

/** Joins reports until one arrives without the "more" bit; returns a scan when complete. */
export interface HidPosAssembler {
  push(report: Uint8Array): DecodedScan | null;
  reset(): void;
}

const MAX_SCAN_BYTES = 4096;

export function createHidPosAssembler(): HidPosAssembler {
  let chunks: Uint8Array[] = [];
  let size = 0;
  const decoder = new TextDecoder('utf-8', { fatal: false });
  return {
    push(report) {
      const decoded = decodeHidPosReport(report);
      if (!decoded.ok) return null;
      if (size + decoded.data.length > MAX_SCAN_BYTES) {
        // A runaway "more" chain: drop it rather than grow without bound.
        chunks = [];
        size = 0;
        return null;
      }
      chunks.push(decoded.data.slice());
      size += decoded.data.length;
      if (decoded.more) return null;
      const joined = new Uint8Array(size);
      let offset = 0;
      for (const chunk of chunks) {
        joined.set(chunk, offset);
        offset += chunk.length;
      }
      chunks = [];
      size = 0;
      const text = decoder.decode(joined);
      if (text.length === 0) return null;
      const symbology = symbologyFromAim(decoded.aim);
      return symbology === undefined ? { text } : { text, symbology };
    },
    reset() {
      chunks = [];
      size = 0;
    },
  };
}

/** The reverse, for the simulator and fixtures: one scan → the reports a POS scanner would send. */
export function encodeHidPosReports(text: string, aim = ']E0'): Uint8Array[] {
  const bytes = new TextEncoder().encode(text);
  const reports: Uint8Array[] = [];
  for (let offset = 0; offset < Math.max(bytes.length, 1); offset += HID_POS_DATA_MAX) {
    const chunk = bytes.subarray(offset, offset + HID_POS_DATA_MAX);
    const report = new Uint8Array(HID_POS_REPORT_LENGTH);
    report[0] = HID_POS_REPORT_ID;
    report[1] = chunk.length;
    report.set(chunk, 2);
    report[59] = aim.charCodeAt(1) || 0;
    report[60] = aim.charCodeAt(2) || 0;
    report[63] = offset + HID_POS_DATA_MAX < bytes.length ? 1 : 0;
    reports.push(report);
  }
  return reports;
}
