// No test reads the machine's clock: the kiosk's time in a test is a FakeClock or a --test-clock
// instant the test chose (test/support/clock.ts). This catches Date's now() and a Date built without
// an argument in test code before they make a test depend on the hour it runs at; CI's libfaketime run
// (.ci/run) catches what a static look cannot (a product path that reads the clock behind the test's back).
// A line that must read it for another reason says why in a `machine-clock:` comment in the three lines above it.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const READS = /\bDate\.now\(\)|\bnew Date\(\s*\)|(?<![.\w])Date\(\s*\)/;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path);
    return /\.(ts|tsx|mjs)$/.test(entry.name) ? [path] : [];
  });
}

/** Lines of `source` that read the machine clock without a `machine-clock:` reason just above. */
export function machineClockReads(source: string): number[] {
  const lines = source.split('\n');
  return lines.flatMap((line, i) =>
    READS.test(line.replace(/\/\/.*$/, '')) && !lines.slice(Math.max(0, i - 3), i).some((above) => /machine-clock:/.test(above)) ? [i + 1] : [],
  );
}

// The samples are put together from pieces, so this file's own text never holds a clock read.
const NOW = ['Date', 'now()'].join('.');
const NEW_DATE = ['new Date(', ')'].join('');
const BARE_DATE = ['Date(', ')'].join('');

describe('machine clock in tests', () => {
  it('finds the reads it is meant to find', () => {
    expect(machineClockReads(`const t = ${NOW};\nconst d = ${NEW_DATE};\nconst ok = new Date(0);`)).toEqual([1, 2]);
    expect(machineClockReads(`// machine-clock: CDP wants wall time\nconst t = ${NOW} / 1000;`)).toEqual([]);
    expect(machineClockReads(`const s = String(${BARE_DATE});`)).toEqual([1]);
  });

  it('no test file reads the wall clock (now(), or a Date without an argument)', () => {
    const offenders = files(join(root, 'test')).flatMap((file) =>
      machineClockReads(readFileSync(file, 'utf8')).map((line) => `${relative(root, file)}:${line}`),
    );
    expect(offenders).toEqual([]);
  });
});
