// Taking turns at the database's write lock between the thread serving residents and a long
// writer on another thread (a large catalogue import). SQLite gives the lock to whoever asks when
// it is free; a waiting connection only retries after growing sleeps (up to 100 ms), so a writer
// thread that commits and begins again at once could keep a resident's checkout waiting for
// seconds. Instead, the serving thread counts the requests it is running (in shared memory, set
// by the registry around each handler's synchronous part, where every write of a request happens)
// and the writer thread looks before each batch: while a request runs, it waits for it to finish.
//
// One counter per process, on purpose: it describes this process's serving thread, whichever kiosk
// instance it serves, and is handed to writer threads in their workerData.
const serving = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));

/** The counter a writer thread watches (pass it in workerData; shared, not copied). */
export const servingCounter = (): Int32Array => serving;

/** Runs one request handler's synchronous part counted as "serving" (its returned promise is not waited for). */
export function whileServing<T>(run: () => T): T {
  Atomics.add(serving, 0, 1);
  try {
    return run();
  } finally {
    Atomics.sub(serving, 0, 1);
    Atomics.notify(serving, 0);
  }
}

/**
 * In a writer thread, between two of its transactions: waits while the serving thread runs a
 * request (at most `patienceMs`: a long read-only request must not stop the import), then pauses
 * `gapMs` so writers outside requests (timers) find the lock free now and then too.
 */
export function waitForTurn(counter: Int32Array, patienceMs: number, gapMs: number): void {
  const until = performance.now() + patienceMs;
  for (;;) {
    const running = Atomics.load(counter, 0);
    const left = until - performance.now();
    if (running === 0 || left <= 0) break;
    Atomics.wait(counter, 0, running, left);
  }
  if (gapMs > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, gapMs);
}
