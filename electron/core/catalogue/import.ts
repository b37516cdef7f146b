// One import run: read the file (bytes, or a file on disk of any size, streamed), reject what
// cannot be a record and note what staff should look at (warnings) record by record, and write
// the rest. The writing runs in the import's own thread with its own connection
// (import-worker.ts), so the thread serving residents stays free; a large import writes in short
// journalled batches and stays all-or-nothing (import-write.ts, import-journal.ts). A file that
// cannot be read at all is refused before anything is written.
import { statSync } from 'node:fs';
import { freemem } from 'node:os';
import { dirname } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import type { ImportReport } from '#contract/catalogue';
import type { Clock } from '../clock';
import { KioskError, refused } from '../errors';
import type { Logger, LogLevel } from '../log';
import type { Db } from '../store/open';
import { servingCounter } from '../store/write-turns';
import { COULD_NOT_START, runOnce } from '../worker-reply';
import type { TextEncoding } from './encoding';
import { importScratchFolder, rejectDuplicatesInFile, type SpillOptions } from './file-duplicates';
import { recoverImports } from './import-journal';
import { writeImport, type ImportPhase, type WriteHooks } from './import-write';
import type { ImportWorkerData } from './import-worker-data';
import { readInWorker, type ParallelRead } from './parallel-read';
import { readImportSource, type ImportSource, type ReadOutcome } from './read-file';

export type { ImportSource } from './read-file';

export interface ImportOptions {
  fileName: string;
  target: 'catalogue' | 'rotation';
  dryRun?: boolean;
  staffId?: number | null;
  onProgress?: (phase: ImportPhase, done: number, total: number) => void;
  /**
   * Where the file is read: 'auto' reads a large catalogue file in a worker thread while the
   * writer writes (see parallel-read.ts) and anything else in the writer; tests name 'worker' or 'inline'.
   */
  reader?: 'auto' | 'worker' | 'inline';
  /**
   * Where it is written: 'auto' in the import's own thread (import-worker.ts) unless the file is
   * small or the database lives in memory; 'inline' on the calling thread (tests, and the fallback
   * when no thread starts); 'worker' always in the thread.
   */
  writer?: 'auto' | 'worker' | 'inline';
  /** The encoding staff named (a file detection found ambiguous); otherwise detected. */
  encoding?: TextEncoding;
  /** Told where the file was read and why a thread could not start (counts only, no content). */
  log?: Logger;
  /** Where a large file's numbers spill (file-duplicates.ts): by default the scratch folder beside the database. */
  spill?: SpillOptions;
}

/**
 * SQLite's page cache during a large import, in KiB. The import rewrites index pages again and
 * again; pages pushed out of the default 2 MB cache are written to the WAL and read back each
 * time. The database grows by about 2.5 times the size of a MARC file, so the cache is sized by
 * the file, within a quarter of the free memory so a small PC does not swap, and at most 512 MB.
 */
export function bulkCacheKiB(fileBytes: number): number {
  const wanted = (fileBytes * 3) / 1024;
  const ceiling = Math.min(512 * 1024, freemem() / 4 / 1024);
  return Math.round(Math.max(32 * 1024, Math.min(wanted, ceiling)));
}

export type LogLine = [LogLevel, string, Record<string, string | number | boolean | null>];

/**
 * Files from this size are written in the import's own thread. Below it (a few hundred records, a
 * rotation list) the whole import is one transaction of a few tens of milliseconds, less than
 * starting a thread costs, and no longer than one batch of a large import holds a checkout.
 */
const WRITER_THREAD_FROM_BYTES = 256 * 1024;

/** Files from this size are read in a worker thread: below it, starting one costs more than it saves. */
const WORKER_FROM_BYTES = 1 << 20;

export const sourceBytes = (source: ImportSource) => (source instanceof Uint8Array ? source.length : statSync(source.path).size);

/** The file's units, read in a worker thread or here; duplicates within the file are rejected either way. */
async function readUnits(source: ImportSource, options: ImportOptions): Promise<ParallelRead> {
  const reader = options.reader ?? 'auto';
  const bytes = sourceBytes(source);
  // Rotation manifests are small and their batch columns are needed here (prepareRotationBatch).
  const inWorker = options.target === 'catalogue' && (reader === 'worker' || (reader === 'auto' && bytes >= WORKER_FROM_BYTES));
  if (inWorker) {
    const read = await readInWorker(source, options.encoding, options.spill);
    if (typeof read !== 'string') {
      options.log?.log('info', 'catalogue.import_read', { reader: 'worker', bytes });
      return read;
    }
    // Slower, not wrong: the import goes on reading the file here.
    options.log?.log('warn', 'catalogue.reader_thread_unavailable', { why: read });
    if (reader === 'worker') throw new Error(`catalogue reader thread could not start: ${read}`);
  }
  options.log?.log('info', 'catalogue.import_read', { reader: 'importer', bytes });
  const read: ReadOutcome = await readImportSource(source, options.encoding);
  if (!read.ok) return { ...read, close: () => undefined, ended: Promise.resolve() };
  const units = rejectDuplicatesInFile(read.units, options.spill);
  // Closing ends the generator, whose finally closes and deletes its spill file, also when writing failed half-way.
  return { ...read, units, close: () => void units.return(undefined), ended: Promise.resolve() };
}

/**
 * Reads and writes on this thread: what the import's thread runs on its own connection (and the
 * calling thread when none can start). `between` runs between two batches of a large import.
 */
export async function importHere(db: Db, clock: Pick<Clock, 'now'>, source: ImportSource, options: ImportOptions, between: () => void): Promise<ImportReport> {
  const progress = options.onProgress ?? (() => undefined);
  progress('reading', 0, 0);
  const read = await readUnits(source, options);
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  try {
    if (!read.ok) throw refused(read.reason, read.message);
    progress('checking', 0, read.count);
    if (read.count > 5000) db.pragma(`cache_size = -${bulkCacheKiB(sourceBytes(source))}`);
    const hooks: WriteHooks = { between, progress };
    return writeImport(db, clock, read, { ...options, fileBytes: sourceBytes(source) }, hooks);
  } finally {
    db.pragma(`cache_size = ${cacheSize}`);
    read.close();
  }
}

/**
 * Imports `source` into the catalogue of `db`. Normally in the import's own thread: this thread
 * only relays progress and waits, so a kiosk keeps answering residents meanwhile.
 */
export async function importCatalogueFile(db: Db, clock: Pick<Clock, 'now'>, source: ImportSource, options: ImportOptions): Promise<ImportReport> {
  // One import at a time per database: two would only slow each other down, and an import's
  // thread that dies is undone by the next line of defence below, which must not touch another's run.
  if (importing.has(db)) throw refused('import_running', 'Đang có một lượt nhập vốn sách khác chạy. Hãy đợi lượt đó xong rồi nhập tệp này.');
  importing.add(db);
  // A large file's numbers spill beside the database, on the disk the import writes to anyway.
  if (options.spill?.dir === undefined && !db.memory) options = { ...options, spill: { ...options.spill, dir: importScratchFolder(dirname(db.name)) } };
  try {
    const writer = options.writer ?? 'auto';
    const small = writer === 'auto' && sourceBytes(source) < WRITER_THREAD_FROM_BYTES;
    if (writer === 'inline' || db.memory || small) return await importHere(db, clock, source, options, () => undefined);
    return await importInThread(db, clock, source, options, writer);
  } finally {
    importing.delete(db);
  }
}

const importing = new WeakSet<Db>();

async function importInThread(
  db: Db,
  clock: Pick<Clock, 'now'>,
  source: ImportSource,
  options: ImportOptions,
  writer: 'auto' | 'worker',
): Promise<ImportReport> {
  const { port1, port2 } = new MessageChannel();
  port1.on('message', ({ phase, done, total }: { phase: ImportPhase; done: number; total: number }) => options.onProgress?.(phase, done, total));
  const { onProgress: _progress, log: _log, ...plain } = options;
  const data: ImportWorkerData = {
    file: db.name,
    source,
    options: plain,
    // One instant for the whole import (its rows' dates, its events): the writer thread cannot
    // share this thread's clock, and a test's injected clock must reach it.
    at: clock.now(),
    serving: servingCounter(),
    progress: port2,
  };
  try {
    const answer = await runOnce<{ report: ImportReport; log: LogLine[] }>('catalogue-import', data, [port2]);
    for (const [level, event, fields] of answer.log) options.log?.log(level, event, fields);
    return answer.report;
  } catch (error) {
    if (error instanceof Error && error.message.startsWith(COULD_NOT_START) && writer === 'auto') {
      options.log?.log('warn', 'catalogue.import_thread_unavailable', { why: error.message.slice(0, 200) });
      return importHere(db, clock, source, options, () => undefined);
    }
    // The thread undoes its own run when a write fails; if it died instead (out of memory), its
    // run is still marked as writing: undo it here, as the next start would.
    if (!(error instanceof KioskError)) recoverImports(db, clock, options.log);
    throw error;
  } finally {
    port1.close();
  }
}
