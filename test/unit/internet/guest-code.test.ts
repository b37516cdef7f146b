// The guest code normaliser: whatever way a resident types the code on the slip (no "KHACH-",
// lower case, spaces, a misread O or 1), the code itself is among the readings, and nothing that
// could not be a code on a slip ever becomes one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GUEST_CODE_PATTERN } from '#contract/internet';
import { GUEST_ALPHABET, guestCodeCandidates, newGuestCode } from '../../../electron/core/internet/guest-code';

const code = fc.array(fc.integer({ min: 0, max: GUEST_ALPHABET.length - 1 }), { minLength: 8, maxLength: 8 }).map((draws) => {
  let i = 0;
  return newGuestCode(() => draws[i++]!);
});
/** How a body character may be typed: as printed, in lower case, or misread (Q/D as O or 0, L/J/T as I or 1). */
const MISREADS: Record<string, string[]> = { Q: ['O', '0', 'o'], D: ['O', '0', 'o'], L: ['I', '1', 'l'], J: ['I', '1'], T: ['I', '1'] };

describe('guest code readings', () => {
  it('find the code however it is typed', () => {
    fc.assert(
      fc.property(
        code,
        fc.constantFrom('KHACH-', 'khach-', 'KHÁCH-', 'Khach ', 'KHACH', ''),
        fc.boolean(),
        fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
        fc.constantFrom('', ' ', '-'),
        (printed, prefix, lower, picks, gap) => {
          const body = printed.slice('KHACH-'.length);
          let misread = 0;
          const typed = [...body]
            .map((char, i) => {
              const ways = MISREADS[char];
              if (ways && misread < 2 && picks[i]! % 2 === 0) {
                misread++;
                return ways[picks[i]! % ways.length]!;
              }
              return lower ? char.toLowerCase() : char;
            })
            .join('');
          const text = `${prefix}${typed.slice(0, 4)}${gap}${typed.slice(4)}`;
          const readings = guestCodeCandidates(text);
          expect(readings).toContain(printed);
          expect(readings.length).toBeLessThanOrEqual(9);
          for (const reading of readings) expect(reading).toMatch(GUEST_CODE_PATTERN);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('never turn text that cannot be a code into one', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        for (const reading of guestCodeCandidates(text)) expect(reading).toMatch(GUEST_CODE_PATTERN);
      }),
      { numRuns: 3000 },
    );
    expect(guestCodeCandidates('KHACH-7KQ2M9X')).toEqual([]);
    expect(guestCodeCandidates('BD0000011')).toEqual([]);
    expect(guestCodeCandidates('7KQ2-M9X!')).toEqual([]);
    // More than two misread characters is too loose to be a code.
    expect(guestCodeCandidates('OOO2M9XA')).toEqual([]);
  });
});
