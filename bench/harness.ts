// Shared pieces of the benchmarks: percentiles, machine facts, and writing results as JSON.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, uptime } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const RESULTS_DIR = fileURLToPath(new URL('./results/', import.meta.url));

export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function summarise(samples: number[], digits = 3) {
  const round = (n: number) => Number(n.toFixed(digits));
  return {
    n: samples.length,
    p50: round(percentile(samples, 50)),
    p95: round(percentile(samples, 95)),
    p99: round(percentile(samples, 99)),
    max: round(Math.max(...samples)),
    mean: round(samples.reduce((a, b) => a + b, 0) / samples.length),
  };
}

/**
 * The machine, and how loaded it was when the result was written: the benches run on a PC shared
 * with other work, so each JSON carries the 1/5/15-minute load averages (what `uptime` prints).
 */
export function machine() {
  const round = (n: number) => Number(n.toFixed(2));
  return {
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    loadAverage: loadavg().map(round),
    uptimeHours: round(uptime() / 3600),
  };
}

/** value / peer, two decimals: how many times slower (>1) or faster (<1) a figure is than its peer's. */
export function ratio(value: number, peer: number): number {
  return Number((value / peer).toFixed(2));
}

export interface BenchResult {
  name: string;
  description: string;
  unit: string;
  target?: { metric: string; limit: number; met: boolean };
  figures: Record<string, unknown>;
}

export function writeResult(result: BenchResult): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const document = { ...result, at: new Date().toISOString(), machine: machine() };
  writeFileSync(join(RESULTS_DIR, `${result.name}.json`), `${JSON.stringify(document, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
}
