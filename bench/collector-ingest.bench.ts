// Collector ingest on PostgreSQL: terminal-day uploads per second over HTTP (gzip, bearer auth,
// validation, idempotent upsert), a month of days per request, 16 concurrent kiosks.
import { writeResult } from './harness';
import { days, startBench, uploadAll } from './collector-load';

const TERMINALS = 300;
const bench = await startBench(TERMINALS);
try {
  // Warm-up: connections, prepared plans, partitions.
  await uploadAll({ ...bench, terminals: bench.terminals.slice(0, 20) }, days('2025-06-01', 31), 31, 8);
  const dayList = days('2026-01-01', 62);
  let started = 0;
  const result = await uploadAll(bench, dayList, 31, 16, () => (started = performance.now()));
  const seconds = (performance.now() - started) / 1000;
  const rate = result.terminalDays / seconds;
  writeResult({
    name: 'collector-ingest',
    description: `PostgreSQL collector over HTTP: ${TERMINALS} terminals × ${dayList.length} days in batches of 31 days, 16 concurrent uploads; collector, PostgreSQL and load generator share this 2-core machine (request bodies are built before the clock starts, as kiosks build them).`,
    unit: 'terminal-day uploads per second',
    target: { metric: 'terminalDaysPerSecond', limit: 2000, met: rate >= 2000 },
    figures: {
      terminalDays: result.terminalDays,
      requests: result.requests,
      seconds: Number(seconds.toFixed(2)),
      terminalDaysPerSecond: Math.round(rate),
      requestsPerSecond: Math.round(result.requests / seconds),
      meanGzipBytesPerTerminalDay: Math.round(result.gzipBytes / result.terminalDays),
      postgres: await bench.settings(),
    },
  });
} finally {
  await bench.close();
}
