// Province-to-country load: terminals each uploading a year of backlog (62-day batches) into the
// PostgreSQL collector. Run at a scale that fits a few minutes here, then extrapolated linearly
// to 10,000 terminals (rows and bytes grow linearly; time does too while indexes fit in memory).
import { writeResult } from './harness';
import { days, startBench, uploadAll } from './collector-load';

const TERMINALS = Number(process.env.BENCH_TERMINALS ?? 400);
const TARGET_TERMINALS = 10_000;
const bench = await startBench(TERMINALS);
try {
  const year = days('2026-01-01', 365);
  let started = 0;
  const result = await uploadAll(bench, year, 62, 16, () => (started = performance.now()));
  const seconds = (performance.now() - started) / 1000;
  const bytes = await bench.tableBytes();
  const counts = await bench.store.counts();
  const factor = TARGET_TERMINALS / TERMINALS;
  // A dashboard query over the whole year for every commune, on the loaded tables.
  const q0 = performance.now();
  const communes = await bench.store.communeTotals('2026-01-01', '2026-12-31');
  const dashboardMs = performance.now() - q0;
  writeResult({
    name: 'collector-backlog',
    description: `${TERMINALS} terminals × 365 days of backlog into the PostgreSQL collector over HTTP (62-day batches, 16 concurrent), measured here and extrapolated linearly ×${factor} to ${TARGET_TERMINALS} terminals. Extrapolated figures are estimates, not measurements.`,
    unit: 'seconds and bytes',
    figures: {
      measured: {
        terminals: TERMINALS,
        terminalDays: result.terminalDays,
        rows: counts.dayRows,
        seconds: Number(seconds.toFixed(1)),
        terminalDaysPerSecond: Math.round(result.terminalDays / seconds),
        databaseBytes: bytes,
        bytesPerTerminalDay: Math.round(bytes / result.terminalDays),
        yearDashboardQueryMs: Number(dashboardMs.toFixed(1)),
        communes: communes.length,
      },
      extrapolatedTo10000Terminals: {
        terminalDays: result.terminalDays * factor,
        minutes: Number(((seconds * factor) / 60).toFixed(1)),
        databaseGiB: Number(((bytes * factor) / 2 ** 30).toFixed(2)),
      },
      postgres: await bench.settings(),
    },
  });
} finally {
  await bench.close();
}
