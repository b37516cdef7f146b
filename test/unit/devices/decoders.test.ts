// HID report decoders on fixture bytes, round trips through the encoders, and fast-check: no decoder
// throws on arbitrary bytes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDecoder } from '../../../native/devices/decoders';
import { createBootKeyboardDecoder, encodeBootKeyboardReports } from '../../../native/hid/keyboard';
import { cardNumberFromTracks, decodeMagstripeReport, encodeMagstripeReport } from '../../../native/hid/magstripe';
import { createHidPosAssembler, decodeHidPosReport, encodeHidPosReports } from '../../../native/hid/pos';
import { KEYBOARD_CARD, magstripeCard, POS_CCCD, POS_CCCD_TEXT, POS_ISBN } from './fixtures/reports';

const bytes = fc.uint8Array({ maxLength: 400 });

describe('HID POS', () => {
  it('decodes a one-report EAN-13 with its symbology', () => {
    expect(createHidPosAssembler().push(POS_ISBN[0]!)).toEqual({ text: '9786041234567', symbology: 'ean-13' });
  });

  it('joins a multi-report QR and keeps the Vietnamese letters', () => {
    const assembler = createHidPosAssembler();
    expect(assembler.push(POS_CCCD[0]!)).toBeNull();
    expect(assembler.push(POS_CCCD[1]!)).toEqual({ text: POS_CCCD_TEXT, symbology: 'qr' });
  });

  it('ignores reports with another report id or an impossible length', () => {
    const wrongId = POS_ISBN[0]!.slice();
    wrongId[0] = 0x01;
    expect(decodeHidPosReport(wrongId)).toEqual({ ok: false, reason: 'wrong_report_id' });
    const tooLong = POS_ISBN[0]!.slice();
    tooLong[1] = 60;
    expect(decodeHidPosReport(tooLong)).toEqual({ ok: false, reason: 'bad_length' });
  });

  it('round-trips any text through encode and decode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 500 }), (text) => {
        const assembler = createHidPosAssembler();
        const results = encodeHidPosReports(text, ']Q1').map((r) => assembler.push(r));
        expect(results.at(-1)).toEqual({ text, symbology: 'qr' });
        expect(results.slice(0, -1).every((r) => r === null)).toBe(true);
      }),
    );
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.array(bytes, { maxLength: 20 }), (reports) => {
        const assembler = createHidPosAssembler();
        for (const report of reports) assembler.push(report);
      }),
    );
  });
});

describe('boot keyboard', () => {
  it('decodes a card number typed by a keyboard-emulating reader', () => {
    const decoder = createBootKeyboardDecoder();
    const lines = KEYBOARD_CARD.map((r) => decoder.push(r)).filter((l) => l !== null);
    expect(lines).toEqual(['BD000123']);
  });

  it('skips a leading report id when the device numbers its reports', () => {
    const decoder = createBootKeyboardDecoder({ reportId: 1 });
    const lines = KEYBOARD_CARD.map((r) => decoder.push(Uint8Array.from([1, ...r]))).filter((l) => l !== null);
    expect(lines).toEqual(['BD000123']);
  });

  it('round-trips printable ASCII (US layout, shift)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...' !"#$%&\'()*+,-./0123456789:;<=>?@ABCXYZ[\\]^_`abcxyz{|}'), minLength: 1, maxLength: 60 }), (text) => {
        const decoder = createBootKeyboardDecoder();
        const lines = encodeBootKeyboardReports(text)
          .map((r) => decoder.push(r))
          .filter((l) => l !== null);
        expect(lines).toEqual([text]);
      }),
    );
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.array(bytes, { maxLength: 30 }), (reports) => {
        const decoder = createBootKeyboardDecoder();
        for (const report of reports) decoder.push(report);
      }),
    );
  });
});

describe('magnetic stripe', () => {
  it('reads the card number from track 2', () => {
    const tracks = decodeMagstripeReport(magstripeCard());
    expect(tracks?.tracks[1]).toBe(';BD000123?');
    expect(cardNumberFromTracks(tracks!)).toBe('BD000123');
  });

  it('falls back to track 1 when track 2 failed to read', () => {
    const report = magstripeCard();
    report[1] = 1; // track 2 decode error
    expect(cardNumberFromTracks(decodeMagstripeReport(report)!)).toBe('BD000123');
  });

  it('round-trips generated card numbers', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z0-9]{4,20}$/), (card) => {
        expect(createDecoder('magstripe').push(encodeMagstripeReport(card))).toEqual({ text: card, symbology: 'magstripe' });
      }),
    );
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(bytes, (report) => {
        const tracks = decodeMagstripeReport(report);
        if (tracks) cardNumberFromTracks(tracks);
      }),
    );
  });
});
