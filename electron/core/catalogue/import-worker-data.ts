// What the importing thread hands the import's own thread (import-worker.ts).
import type { MessagePort } from 'node:worker_threads';
import type { ImportOptions } from './import';
import type { ImportSource } from './read-file';

export interface ImportWorkerData {
  /** The database file: the thread opens its own connection. */
  file: string;
  source: ImportSource;
  options: Omit<ImportOptions, 'onProgress' | 'log'>;
  /** The import's instant (the caller's clock, which cannot cross threads). */
  at: number;
  /** The serving thread's request counter (store/write-turns.ts). */
  serving: Int32Array;
  /** Progress ({ phase, done, total }) and the journalled run's id ({ runId }), as they happen. */
  progress: MessagePort;
}
