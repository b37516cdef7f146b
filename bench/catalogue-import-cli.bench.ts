// The catalogue import through the entry point a technician takes: the built CLI,
// `node dist/cli.mjs catalogue import FILE`, on the 200,000-record MARC21 file of the 200k
// benchmark (same generator, same seed), into a fresh data folder each time. The named peer is
// `yaz-marcdump -i marc -o marcxml` (Index Data's YAZ, Debian package `yaz`) converting the same
// file in the same run: it only reads and writes MARC, while the import also checks, writes,
// journals and indexes every record (issue #17 goal: within 3× of yaz's time). Both run under
// GNU time for their elapsed time and peak resident memory (RSS beside the file size: memory must
// stay flat however large the file). The runs alternate, IMPORT_RUNS of each; medians are compared.
// CATALOGUE_CLI_BENCH_BIG_RECORDS adds one import (and one yaz run) of a much larger file.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeIso2709 } from '../electron/core/catalogue/iso2709';
import { recordToMarc } from '../electron/core/catalogue/marc-map';
import { generateCatalogue } from '../electron/core/demo/catalogue-generator';
import { writeResult } from './harness';
import { machineLoad, ratio } from './kiosk-process';

const RECORDS = Number(process.env.CATALOGUE_BENCH_RECORDS ?? 200_000);
const IMPORT_RUNS = Number(process.env.CATALOGUE_BENCH_IMPORT_RUNS ?? 3);
const BIG_RECORDS = Number(process.env.CATALOGUE_CLI_BENCH_BIG_RECORDS ?? 0);
const cli = fileURLToPath(new URL('../dist/cli.mjs', import.meta.url));
const mib = (bytes: number) => Number((bytes / 2 ** 20).toFixed(1));

/** Writes `records` generated records as one MARC21 file, 10,000 at a time (the generator's seed as the 200k bench). */
async function writeMarcFile(file: string, records: number): Promise<number> {
  const out = createWriteStream(file);
  for (let at = 0; at < records; at += 10_000) {
    const part = generateCatalogue(Math.min(10_000, records - at), 424242 + at).map((r, i) => ({
      ...r,
      controlNumber: `B${String(at + i).padStart(8, '0')}`,
      items: r.items.map((item, j) => ({ ...item, barcode: `B${String(at + i).padStart(8, '0')}-${j}` })),
    }));
    if (!out.write(writeIso2709(part.map((r) => recordToMarc(r))))) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  return statSync(file).size;
}

/** Runs argv under GNU time: elapsed seconds and peak RSS (MiB); throws when the command fails. */
function timed(argv: string[], stdout: 'ignore' | 'pipe' = 'ignore'): { seconds: number; peakRssMiB: number; stdout: string; stderr: string } {
  const run = spawnSync('/usr/bin/time', ['-f', 'TIME %e %M', ...argv], { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', stdout, 'pipe'] });
  const match = /TIME ([\d.]+) (\d+)\s*$/.exec(run.stderr);
  if (run.status !== 0 || !match) throw new Error(`${argv.join(' ')} failed (${run.status}): ${run.stderr.slice(-800)}`);
  return { seconds: Number(match[1]), peakRssMiB: mib(Number(match[2]) * 1024), stdout: run.stdout ?? '', stderr: run.stderr };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function importOnce(file: string, dir: string, expected: number) {
  const data = join(dir, `data-${Math.random().toString(36).slice(2)}`);
  const run = timed([process.execPath, cli, 'catalogue', 'import', file, '--data-dir', data, '--json'], 'pipe');
  const report = JSON.parse(run.stdout) as { imported: number; itemsAdded: number };
  if (report.imported !== expected) throw new Error(`imported ${report.imported} of ${expected}`);
  const progressLines = run.stderr.split('\n').filter((line) => line.startsWith('Đang')).length;
  rmSync(data, { recursive: true, force: true });
  return {
    seconds: run.seconds,
    peakRssMiB: run.peakRssMiB,
    recordsPerSecond: Math.round(expected / run.seconds),
    itemsAdded: report.itemsAdded,
    progressLines,
  };
}

function yazOnce(file: string) {
  const run = timed(['yaz-marcdump', '-i', 'marc', '-o', 'marcxml', file]);
  return { seconds: run.seconds, peakRssMiB: run.peakRssMiB };
}

const dir = mkdtempSync(join(tmpdir(), 'kiosk-bench-import-cli-'));
try {
  const file = join(dir, 'tinh.mrc');
  const fileBytes = await writeMarcFile(file, RECORDS);
  const loadAtStart = machineLoad();
  const imports: ReturnType<typeof importOnce>[] = [];
  const yaz: ReturnType<typeof yazOnce>[] = [];
  for (let run = 0; run < IMPORT_RUNS; run++) {
    yaz.push(yazOnce(file));
    imports.push(importOnce(file, dir, RECORDS));
  }
  const importSeconds = median(imports.map((r) => r.seconds));
  const yazSeconds = median(yaz.map((r) => r.seconds));
  let big: Record<string, unknown> | undefined;
  if (BIG_RECORDS > 0) {
    const bigFile = join(dir, 'tinh-rat-lon.mrc');
    const bigBytes = await writeMarcFile(bigFile, BIG_RECORDS);
    rmSync(file, { force: true });
    const yazBig = yazOnce(bigFile);
    const importBig = importOnce(bigFile, dir, BIG_RECORDS);
    big = { records: BIG_RECORDS, fileMiB: mib(bigBytes), import: importBig, yaz: yazBig, importOverYaz: ratio(importBig.seconds, yazBig.seconds) };
  }
  const importOverYaz = ratio(importSeconds, yazSeconds);
  writeResult({
    name: 'catalogue-import-cli',
    description:
      `\`node dist/cli.mjs catalogue import FILE --json\` (the technician's entry point; a fresh data folder each run, so the import is written in journalled batches on its own thread, then its events, index merge and checkpoint) ` +
      `on one MARC21 file of ${RECORDS} generated records, beside \`yaz-marcdump -i marc -o marcxml FILE\` on the same file, alternating, ${IMPORT_RUNS} runs each, medians compared. ` +
      'Elapsed seconds and peak RSS from GNU time (/usr/bin/time -f "%e %M"). progressLines: lines the CLI wrote on stderr.',
    unit: 's',
    target: { metric: 'import seconds / yaz-marcdump seconds (issue #17: within 3×)', limit: 3, met: importOverYaz <= 3 },
    figures: {
      records: RECORDS,
      fileMiB: mib(fileBytes),
      import: {
        seconds: importSeconds,
        recordsPerSecond: Math.round(RECORDS / importSeconds),
        peakRssMiB: median(imports.map((r) => r.peakRssMiB)),
        runs: imports,
      },
      yazMarcdump: { seconds: yazSeconds, recordsPerSecond: Math.round(RECORDS / yazSeconds), peakRssMiB: median(yaz.map((r) => r.peakRssMiB)), runs: yaz },
      importOverYaz,
      ...(big ? { big } : {}),
      load: { start: loadAtStart, end: machineLoad() },
    },
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
