// Magnetic-stripe readers in HID mode (MagTek "USB HID Swipe Reader" reference manual 99875191,
// input report layout, 337 bytes; other HID MSRs copy it):
//   bytes 0-2 track 1/2/3 decode status (0 = ok), bytes 3-5 track 1/2/3 data length,
//   byte 6 card encode type, bytes 7-116 track 1, 117-226 track 2, 227-336 track 3 (ASCII).
// The scan text is the card number: track 2 between ';' and '=' or '?', else track 1's PAN field.
export const MAGSTRIPE_REPORT_LENGTH = 337;
const TRACK_OFFSETS = [7, 117, 227] as const;
const TRACK_SIZE = 110;

export interface MagstripeTracks {
  tracks: [string | null, string | null, string | null];
}

export function decodeMagstripeReport(raw: Uint8Array, options: { reportId?: number } = {}): MagstripeTracks | null {
  const report = options.reportId !== undefined && raw[0] === options.reportId ? raw.subarray(1) : raw;
  if (report.length < 7) return null;
  const tracks: [string | null, string | null, string | null] = [null, null, null];
  for (let t = 0; t < 3; t++) {
    const status = report[t]!;
    const length = Math.min(report[3 + t]!, TRACK_SIZE);
    const offset = TRACK_OFFSETS[t]!;
    if (status !== 0 || length === 0 || offset + length > report.length) continue;
    let text = '';
    for (const byte of report.subarray(offset, offset + length)) {
      // Track data is 7-bit printable ASCII; anything else means a bad read of that track.
      if (byte < 0x20 || byte > 0x7e) {
        text = '';
        break;
      }
      text += String.fromCharCode(byte);
    }
    tracks[t] = text || null;
  }
  return tracks.some((t) => t !== null) ? { tracks } : null;
}

/** Card number from the tracks: `;BD000123?` → BD000123, `%BBD000123^NAME^…?` → BD000123. */
export function cardNumberFromTracks({ tracks }: MagstripeTracks): string | null {
  const track2 = tracks[1] ? /^;?([^=?]+)/.exec(tracks[1])?.[1] : undefined;
  if (track2) return track2;
  const track1 = tracks[0] ? /^%?B?([^^?]+)/.exec(tracks[0])?.[1] : undefined;
  if (track1) return track1.trim();
  const track3 = tracks[2] ? /^;?([^=?]+)/.exec(tracks[2])?.[1] : undefined;
  return track3 ?? null;
}

/** The reverse, for the simulator and fixtures: a card number written on track 2 (and track 1). */
export function encodeMagstripeReport(cardNumber: string): Uint8Array {
  const report = new Uint8Array(MAGSTRIPE_REPORT_LENGTH);
  const track1 = `%B${cardNumber}^THE THU VIEN^?`.slice(0, TRACK_SIZE);
  const track2 = `;${cardNumber}?`.slice(0, TRACK_SIZE);
  const write = (t: number, text: string) => {
    report[3 + t] = text.length;
    for (let i = 0; i < text.length; i++) report[TRACK_OFFSETS[t]! + i] = text.charCodeAt(i) & 0x7f;
  };
  write(0, track1);
  write(1, track2);
  return report;
}
