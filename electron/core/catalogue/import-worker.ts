// The import's own thread (started by import.ts through worker-reply.ts): reads the file (itself,
// or through a reader thread of its own on the other core) and writes it on its own connection, so
// the thread serving residents is never held up by an import. Between two batches it gives the
// write lock to a request the serving thread is running (store/write-turns.ts). After a large
// import it merges the search index in small steps and copies the log into the database file, on
// this thread too.
import { workerData } from 'node:worker_threads';
import { openWorkerConnection } from '../store/open';
import { checkpointAndTruncate } from '../store/wal';
import { waitForTurn } from '../store/write-turns';
import { answerOnce } from '../worker-reply';
import { importHere, type LogLine } from './import';
import type { ImportWorkerData } from './import-worker-data';
import { mergeIndexInSteps } from './search-index';

const { file, source, options, at, serving, progress } = workerData as ImportWorkerData;

/** How long the import waits for a request to finish before it writes anyway (a long read must not stop it). */
const PATIENCE_MS = 150;
/** A pause after every batch, so writers outside requests (timers) find the lock free too. */
const GAP_MS = 4;

const between = () => waitForTurn(serving, PATIENCE_MS, GAP_MS);
const log: LogLine[] = [];

await answerOnce(async () => {
  const db = openWorkerConnection(file);
  try {
    const report = await importHere(
      db,
      { now: () => at },
      source,
      {
        ...options,
        log: { log: (level, event, fields = {}) => void log.push([level, event, fields]) },
        onProgress: (phase, done, total) => progress.postMessage({ phase, done, total }),
      },
      between,
    );
    // A file large enough for this thread left segments to merge and a log to copy; a dry run left nothing.
    if (!report.dryRun) {
      log.push(['info', 'catalogue.index_merged', { steps: mergeIndexInSteps(db, between) }]);
      const checkpoint = checkpointAndTruncate(db);
      log.push(['info', 'store.bulk_write_finished', { pages: checkpoint.checkpointed, of: checkpoint.log, truncated: checkpoint.truncated }]);
    }
    return { report, log };
  } finally {
    db.close();
    progress.close();
  }
});
