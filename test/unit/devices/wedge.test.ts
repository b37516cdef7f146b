// Keyboard-wedge detector with realistic timings: a scanner at 5 ms per key versus a person at 120 ms.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WEDGE } from '../../../renderer/src/devices/wedge-defaults';
import { createWedgeDetector, type WedgeDecision } from '../../../renderer/src/devices/wedge';

function typeAt(text: string, msPerKey: number, terminator = 'Enter', settings = DEFAULT_WEDGE): WedgeDecision[] {
  const detector = createWedgeDetector(settings);
  const decisions: WedgeDecision[] = [];
  let at = 1000;
  for (const key of [...text, terminator]) {
    decisions.push(detector.onKey(key, at));
    at += msPerKey;
  }
  return decisions;
}

describe('wedge detector', () => {
  it('turns 13 digits at 5 ms per key ending in Enter into a scan', () => {
    const decisions = typeAt('9786041234567', 5);
    expect(decisions[0]).toEqual({ action: 'pass' });
    expect(decisions.slice(1, 13).every((d) => d.action === 'hold')).toBe(true);
    expect(decisions[13]).toEqual({ action: 'scan', text: '9786041234567' });
  });

  it('leaves a person typing the same digits at 120 ms per key alone', () => {
    const decisions = typeAt('9786041234567', 120);
    expect(decisions.every((d) => d.action === 'pass')).toBe(true);
  });

  it('ends a scan with Tab too, and keeps Shift for capitals inside the burst', () => {
    const detector = createWedgeDetector(DEFAULT_WEDGE);
    const keys = ['B', 'Shift', 'D', '0', '0', '0', '1', '2', '3', 'Tab'];
    const decisions = keys.map((key, i) => detector.onKey(key, 100 + i * 4));
    expect(decisions.at(-1)).toEqual({ action: 'scan', text: 'BD000123' });
  });

  it('gives back held keys when a fast burst has no terminator', () => {
    const detector = createWedgeDetector(DEFAULT_WEDGE);
    expect(detector.onKey('a', 0)).toEqual({ action: 'pass' });
    expect(detector.onKey('b', 10)).toEqual({ action: 'hold' });
    expect(detector.flush(20)).toBeNull(); // still within the burst window
    expect(detector.flush(200)).toBe('b');
    expect(detector.pending()).toBe(false);
  });

  it('a scan that reaches a loaded page in two parts, with the flush timer between them, is still one scan', () => {
    // The keys were stamped 5 ms apart by the scanner; the page handled the second half late.
    const detector = createWedgeDetector(DEFAULT_WEDGE);
    const code = '9786041234567';
    const decisions = [...code.slice(0, 6)].map((key, i) => detector.onKey(key, 1000 + i * 5));
    expect(decisions.slice(1).every((d) => d.action === 'hold')).toBe(true);
    expect(detector.flush(1000 + 400)).toBe('78604'); // typed back for now...
    expect(detector.pending()).toBe(false);
    const rest = [...code.slice(6), 'Enter'].map((key, i) => detector.onKey(key, 1000 + (6 + i) * 5));
    // ... and the burst goes on by its stamps: the screen undoes the field and takes the whole code.
    expect(rest.at(-1)).toEqual({ action: 'scan', text: code });
  });

  it('does not treat a short burst as a scan', () => {
    expect(typeAt('ok', 5).at(-1)).toEqual({ action: 'release', text: 'k' });
  });

  it('never treats Vietnamese letters or Backspace (a person with an input method) as part of a scan', () => {
    const decisions = typeAt('Việt', 5);
    expect(decisions.some((d) => d.action === 'scan')).toBe(false);
  });

  it('strips a configured prefix and suffix and requires the prefix', () => {
    const settings = { ...DEFAULT_WEDGE, prefix: '~', suffix: '#' };
    expect(typeAt('~BD000123#', 5, 'Enter', settings).at(-1)).toEqual({ action: 'scan', text: 'BD000123' });
    expect(typeAt('BD000123', 5, 'Enter', settings).at(-1)).toMatchObject({ action: 'release' });
  });

  it('passes everything through when disabled', () => {
    expect(typeAt('9786041234567', 5, 'Enter', { ...DEFAULT_WEDGE, enabled: false }).every((d) => d.action === 'pass')).toBe(true);
  });

  it('loses no key: passed + held-then-released keys equal what was typed when no scan happens', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...'abc123XYZ'), fc.integer({ min: 1, max: 200 })), { minLength: 1, maxLength: 40 }), (keys) => {
        const detector = createWedgeDetector(DEFAULT_WEDGE);
        let at = 0;
        let typed = '';
        for (const [key, gap] of keys) {
          at += gap;
          const decision = detector.onKey(key, at);
          if (decision.action === 'release') typed += decision.text;
          if (decision.action === 'pass' || decision.action === 'release') typed += key;
        }
        typed += detector.flush(at + 1000) ?? '';
        expect(typed).toBe(keys.map(([key]) => key).join(''));
      }),
    );
  });

  it('loses and repeats no key when the flush timer fires at any moment, however late the keys are handled', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...'abc123XYZ'), fc.integer({ min: 1, max: 200 }), fc.boolean(), fc.integer({ min: 0, max: 300 })), {
          minLength: 1,
          maxLength: 40,
        }),
        (keys) => {
          const detector = createWedgeDetector(DEFAULT_WEDGE);
          let at = 0;
          let typed = '';
          for (const [key, gap, timerFires, lateBy] of keys) {
            at += gap;
            const decision = detector.onKey(key, at);
            if (decision.action === 'release') typed += decision.text;
            if (decision.action === 'pass' || decision.action === 'release') typed += key;
            // A timer between keys reads "now" later than the key's own stamp by however late it runs.
            if (timerFires) typed += detector.flush(at + lateBy) ?? '';
          }
          typed += detector.flush(at + 1000) ?? '';
          expect(typed).toBe(keys.map(([key]) => key).join(''));
        },
      ),
    );
  });
});
