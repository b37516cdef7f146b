// Boot-keyboard input reports (USB HID 1.11, Appendix B.1; key codes from the HID Usage Tables,
// Keyboard/Keypad page 0x07) from keyboard-emulating scanners and RFID readers opened as raw HID:
//   byte 0 modifier bits (0x02 left shift, 0x20 right shift, 0x01/0x10 ctrl …), byte 1 reserved,
//   bytes 2..7 up to six pressed key codes. A key counts once when it appears in a report; the
//   device sends an empty report between repeats of the same key. US layout, as scanners assume.
export const BOOT_REPORT_LENGTH = 8;
const SHIFT = 0x02 | 0x20;
const CTRL_ALT_GUI = 0x01 | 0x10 | 0x04 | 0x40 | 0x08 | 0x80;

export const KEY_ENTER = 0x28;
export const KEY_TAB = 0x2b;
const KEYPAD_ENTER = 0x58;

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '1234567890';
const DIGITS_SHIFTED = '!@#$%^&*()';
// 0x2C..0x38: space - = [ ] \ (non-US #) ; ' ` , . /
const PUNCT = " -=[]\\#;'`,./";
const PUNCT_SHIFTED = ' _+{}|~:"~<>?';
// Keypad 0x54..0x63: / * - + Enter 1..9 0 .
const KEYPAD = '/*-+\n1234567890.';

/** One key code (with shift state) → the character a US keyboard types, or null for keys that type nothing. */
export function keyCodeToChar(code: number, shift: boolean): string | null {
  if (code >= 0x04 && code <= 0x1d) {
    const letter = LETTERS[code - 0x04]!;
    return shift ? letter.toUpperCase() : letter;
  }
  if (code >= 0x1e && code <= 0x27) return (shift ? DIGITS_SHIFTED : DIGITS)[code - 0x1e]!;
  if (code >= 0x2c && code <= 0x38) return (shift ? PUNCT_SHIFTED : PUNCT)[code - 0x2c]!;
  if (code >= 0x54 && code <= 0x63 && code !== KEYPAD_ENTER) return KEYPAD[code - 0x54]!;
  return null;
}

/** Streaming decoder: feed reports, get a completed line when Enter or Tab is pressed. */
export interface BootKeyboardDecoder {
  push(report: Uint8Array): string | null;
  reset(): void;
}

const MAX_LINE = 4096;

export function createBootKeyboardDecoder(options: { reportId?: number } = {}): BootKeyboardDecoder {
  let previous = new Set<number>();
  let line = '';
  return {
    push(raw) {
      // Devices with numbered reports put the report id first; skip it when configured.
      const report = options.reportId !== undefined && raw[0] === options.reportId ? raw.subarray(1) : raw;
      if (report.length < 3) return null;
      const modifier = report[0]!;
      const keys = [...report.subarray(2, BOOT_REPORT_LENGTH)].filter((k) => k > 0x03);
      // 0x01 in every slot is ErrorRollOver: too many keys, the report carries nothing usable.
      const current = new Set(keys);
      let completed: string | null = null;
      for (const code of keys) {
        if (previous.has(code)) continue;
        if (code === KEY_ENTER || code === KEY_TAB || code === KEYPAD_ENTER) {
          if (line.length > 0) completed = line;
          line = '';
          continue;
        }
        if (modifier & CTRL_ALT_GUI) continue;
        const char = keyCodeToChar(code, (modifier & SHIFT) !== 0);
        if (char !== null && line.length < MAX_LINE) line += char;
      }
      previous = current;
      return completed;
    },
    reset() {
      previous = new Set();
      line = '';
    },
  };
}

/** The reverse, for the simulator and fixtures: text + Enter as press/release report pairs. ASCII only. */
export function encodeBootKeyboardReports(text: string, terminator: 'enter' | 'tab' = 'enter'): Uint8Array[] {
  const reports: Uint8Array[] = [];
  const press = (code: number, shift: boolean) => {
    reports.push(Uint8Array.from([shift ? 0x02 : 0, 0, code, 0, 0, 0, 0, 0]));
    reports.push(new Uint8Array(BOOT_REPORT_LENGTH));
  };
  for (const char of text) {
    const found = charToKeyCode(char);
    if (found) press(found.code, found.shift);
  }
  press(terminator === 'enter' ? KEY_ENTER : KEY_TAB, false);
  return reports;
}

export function charToKeyCode(char: string): { code: number; shift: boolean } | null {
  for (let code = 0x04; code <= 0x38; code++) {
    if (keyCodeToChar(code, false) === char) return { code, shift: false };
    if (keyCodeToChar(code, true) === char) return { code, shift: true };
  }
  return null;
}
