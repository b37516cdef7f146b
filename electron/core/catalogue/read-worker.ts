// The catalogue reader thread (started by parallel-read.ts through worker-threads.ts): reads an import file — format,
// encoding, records, mapping, duplicates within the file — and hands the units to the importing
// thread in batches, so reading a large file runs on the second core while the first one writes.
// The protocol (header on the parent port, batches on a dedicated port, counters in shared memory)
// is described in parallel-read.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { KioskError } from '../errors';
import { rejectDuplicatesInFile } from './file-duplicates';
import { READER, type ReaderData, type ReaderHeader, type ReaderMessage } from './parallel-protocol';
import { readImportSource, type ReadUnit } from './read-file';
import { indexColumns } from './search-index';

const { source, encoding, control, port, spill } = workerData as ReaderData;

/** Posts one message of units, first waiting while the importing thread is READER.ahead batches behind. */
function send(message: ReaderMessage): boolean {
  for (;;) {
    if (Atomics.load(control, READER.stop) !== 0) return false;
    const taken = Atomics.load(control, READER.taken);
    if (Atomics.load(control, READER.posted) - taken < READER.ahead) break;
    Atomics.wait(control, READER.taken, taken, 1000);
  }
  port.postMessage(message);
  Atomics.add(control, READER.posted, 1);
  Atomics.notify(control, READER.posted);
  return true;
}

async function run(): Promise<void> {
  const read = await readImportSource(source, encoding);
  const header: ReaderHeader = read.ok
    ? {
        kind: 'read',
        format: read.format,
        encoding: read.encoding,
        ...(read.confidence !== undefined ? { confidence: read.confidence } : {}),
        count: read.count,
      }
    : { kind: 'refused', reason: read.reason, message: read.message };
  parentPort!.postMessage(header);
  if (!read.ok) return;
  let batch: ReadUnit[] = [];
  for (const unit of rejectDuplicatesInFile(read.units, spill)) {
    // The spreadsheet row is only needed by rotation manifests, which are read in the importing thread.
    batch.push({ at: unit.at, unit: unit.unit, mapped: unit.mapped, ...(unit.mapped.ok ? { index: indexColumns(unit.mapped.record) } : {}) });
    if (batch.length === READER.batch) {
      if (!send({ kind: 'units', units: batch, last: false })) return;
      batch = [];
    }
  }
  send({ kind: 'units', units: batch, last: true });
}

run().catch((error: unknown) => {
  // Before the header the importing thread is still listening on the parent port; after it, on the dedicated port.
  // A refusal (no room left to spill) reaches staff as its own sentence, not as "unexpected".
  const refusal =
    error instanceof KioskError && error.reason
      ? { refusal: { reason: error.reason, message: error.message, ...(error.params ? { params: error.params } : {}) } }
      : {};
  const failed: ReaderMessage = { kind: 'failed', message: error instanceof Error ? error.message : String(error), ...refusal };
  parentPort!.postMessage(failed);
  port.postMessage(failed);
  Atomics.add(control, READER.posted, 1);
  Atomics.notify(control, READER.posted);
});
