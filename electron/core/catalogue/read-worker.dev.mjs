// Entry of the catalogue reader thread when the kiosk runs from the source tree (CLI, tests,
// benchmarks): a worker thread does not inherit the parent's TypeScript loader, so it registers
// tsx itself. Built kiosks start dist/catalogue-read-worker.mjs instead (scripts/build.mjs).
import { register } from 'tsx/esm/api';

register();
await import('./read-worker.ts');
