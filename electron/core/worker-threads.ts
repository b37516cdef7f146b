// Starting the core's worker threads, from the source tree or from a build. A kiosk PC has two
// cores; work that must not hold up the thread serving residents runs on the second one.
//
// Built kiosks start `dist/<name>-worker.mjs`, written next to the bundle by scripts/build.mjs.
// From the source tree (CLI, tests, benchmarks) a worker does not inherit the parent's TypeScript
// loader, so `worker.dev.mjs` registers tsx and then imports the worker's module.
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** Each worker's module, relative to this file; its built entry is dist/<name>-worker.mjs. */
const WORKER_MODULES = {
  'catalogue-read': './catalogue/read-worker.ts',
  'catalogue-import': './catalogue/import-worker.ts',
  'store-background': './store/background-worker.ts',
  'store-backup': './store/backup-worker.ts',
  'eresources-extract': './eresources/extract-worker.ts',
  'statistics-report': './statistics/report-worker.ts',
} as const;

export type WorkerName = keyof typeof WORKER_MODULES;

export function startWorker(name: WorkerName, options: WorkerOptions): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL(`./${name}-worker.mjs`, here), options);
  return new Worker(new URL('./worker.dev.mjs', here), { ...options, argv: [new URL(WORKER_MODULES[name], here).href] });
}
