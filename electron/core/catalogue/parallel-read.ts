// Reading a large import file on the second core. A kiosk PC has two: reading and mapping a
// 200,000-record MARC file takes about as long as writing it, so the file is read in a worker
// thread (read-worker.ts) while this thread writes, and a large import takes the time of the
// slower of the two instead of their sum.
//
// The import's writer (its own thread, import-worker.ts) writes synchronously, batch after batch,
// so units are taken synchronously too: the reader posts
// batches on a dedicated MessagePort and counts them in shared memory; this thread waits on that
// counter with Atomics.wait and takes each batch with receiveMessageOnPort. The reader waits in
// turn when it is READER.ahead batches ahead. The header (format, count or refusal) comes first,
// on the parent port, and is awaited before the transaction starts.
import { MessageChannel, receiveMessageOnPort, type Worker } from 'node:worker_threads';
import { refused } from '../errors';
import { startWorker } from '../worker-threads';
import { READER, type ReaderData, type ReaderHeader, type ReaderMessage } from './parallel-protocol';
import type { TextEncoding } from './encoding';
import type { SpillOptions } from './file-duplicates';
import type { ImportSource, ReadOutcome, ReadUnit } from './read-file';

/** How long the importer waits for one batch before it gives up (the reader thread died, say of memory). */
const BATCH_TIMEOUT_MS = 60_000;
/** How long a stopped reader has to end by itself before it is terminated. */
const STOP_GRACE_MS = 2_000;

export type ParallelRead = ReadOutcome & {
  close(): void;
  /** Settles when the reader thread has ended (at once when the file was read here). */
  ended: Promise<void>;
};

const describe = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 300);

/**
 * Starts the reader thread on `source` (bytes, or a file it streams). Resolves to the file's units (taken synchronously, in
 * order), to its refusal, or to the reason no thread could be started (a string) — then the
 * caller reads the file itself. Call `close()` when done, also after an error.
 */
export async function readInWorker(source: ImportSource, encoding?: TextEncoding, spill?: SpillOptions): Promise<ParallelRead | string> {
  let shared: ImportSource = source;
  if (source instanceof Uint8Array) {
    shared = new Uint8Array(new SharedArrayBuffer(source.length));
    shared.set(source);
  }
  const control = new Int32Array(new SharedArrayBuffer(READER.slots * Int32Array.BYTES_PER_ELEMENT));
  const { port1, port2 } = new MessageChannel();
  const data: ReaderData = { source: shared, ...(encoding ? { encoding } : {}), ...(spill ? { spill } : {}), control, port: port2 };
  let worker: Worker;
  try {
    worker = startWorker('catalogue-read', { workerData: data, transferList: [port2] });
  } catch (error) {
    port1.close();
    return describe(error);
  }
  const ended = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  // A later failure shows as a missing batch (see next()); an unheard 'error' event would end the process.
  worker.on('error', () => undefined);
  const close = () => {
    Atomics.store(control, READER.stop, 1);
    Atomics.notify(control, READER.taken);
    port1.close();
    // A reader waiting to send sees the stop at once and ends by itself, deleting its spill file on
    // the way; one still busy reading is stopped (its spill file goes at the owner's next start).
    const stop = setTimeout(() => void worker.terminate(), STOP_GRACE_MS);
    stop.unref();
    worker.once('exit', () => clearTimeout(stop));
  };
  const header = await new Promise<ReaderHeader>((resolve) => {
    worker.once('message', resolve);
    worker.once('error', (error) => resolve({ kind: 'failed', message: describe(error) }));
    worker.once('exit', (code) => resolve({ kind: 'failed', message: `exited with code ${code}` }));
  });
  if (header.kind === 'failed') {
    close();
    return header.message;
  }
  if (header.kind === 'refused') {
    close();
    return { ok: false, reason: header.reason, message: header.message, close: () => undefined, ended };
  }

  let taken = 0;
  const next = (): ReaderMessage => {
    for (;;) {
      const received = receiveMessageOnPort(port1);
      if (received) {
        Atomics.store(control, READER.taken, ++taken);
        Atomics.notify(control, READER.taken);
        return received.message as ReaderMessage;
      }
      const posted = Atomics.load(control, READER.posted);
      // Posted before counted: a batch counted since the check above is already on the port.
      if (posted > taken) continue;
      if (Atomics.wait(control, READER.posted, posted, BATCH_TIMEOUT_MS) === 'timed-out') {
        throw refused('reader_stopped', 'Việc đọc tệp bị dừng giữa chừng. Chưa có gì được nhập; hãy nhập lại tệp.');
      }
    }
  };
  function* units(): Generator<ReadUnit> {
    for (;;) {
      const message = next();
      if (message.kind === 'failed') {
        if (message.refusal) throw refused(message.refusal.reason, message.refusal.message, message.refusal.params);
        throw new Error(`catalogue reader thread failed: ${message.message}`);
      }
      yield* message.units;
      if (message.last) return;
    }
  }
  const { format, encoding: read, confidence, count } = header;
  return { ok: true, format, encoding: read, ...(confidence !== undefined ? { confidence } : {}), count, units: units(), close, ended };
}
