// What the importing thread and the catalogue reader thread (read-worker.ts) say to each other.
import type { MessagePort } from 'node:worker_threads';
import type { ApiError } from '#contract';
import type { TextEncoding } from './encoding';
import type { SpillOptions } from './file-duplicates';
import type { ImportFormat, ReadUnit } from './read-file';

export const READER = {
  /** Slots of the shared Int32Array: batches posted by the reader, taken by the importer, and a stop flag. */
  posted: 0,
  taken: 1,
  stop: 2,
  slots: 3,
  /** Units per batch: large enough that one message costs little, small enough to keep both threads busy. */
  batch: 1000,
  /** Batches the reader may run ahead of the importer: memory stays flat when writing is the slower side. */
  ahead: 8,
} as const;

export interface ReaderData {
  /** The file: in shared memory (copied once, never cloned per message), or its path (read streamed). */
  source: Uint8Array | { path: string };
  /** The encoding staff named, when they did. */
  encoding?: TextEncoding;
  control: Int32Array;
  port: MessagePort;
  /** Where and when the numbers seen in a large file spill (file-duplicates.ts). */
  spill?: SpillOptions;
}

/** First message, on the parent port: what the file is, or why it is refused. */
export type ReaderHeader =
  | { kind: 'read'; format: ImportFormat; encoding: TextEncoding; confidence?: number; count: number }
  | { kind: 'refused'; reason: string; message: string }
  | { kind: 'failed'; message: string };

/** A refusal the reader made while reading (no room to spill): said to staff as it is. */
export interface ReaderRefusal {
  reason: string;
  message: string;
  params?: ApiError['params'];
}

/**
 * Later messages, on the dedicated port. Units travel as cloned objects: receiving a clone cost
 * this thread about 40 % less than parsing the same batch sent as JSON text (measured, 30,000 units).
 */
export type ReaderMessage = { kind: 'units'; units: ReadUnit[]; last: boolean } | { kind: 'failed'; message: string; refusal?: ReaderRefusal };
