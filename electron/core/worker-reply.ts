// One answer from a worker thread: the worker runs its job once and posts the result or the
// failure; the starting thread gets the same KioskError (reason, params) or coded Error (an errno
// or SQLITE_* code, so a full disk is still told apart from damage by store/disk.ts) that the
// job would have thrown on this thread.
import { parentPort, type TransferListItem } from 'node:worker_threads';
import type { ApiError } from '#contract';
import { KioskError } from './errors';
import { startWorker, type WorkerName } from './worker-threads';

/** A failure as it crosses threads: a KioskError's API form, or an error's message and code. */
export type WorkerFailure = { known: ApiError } | { message: string; code?: string };

type Answer<T> = { ok: true; value: T } | { ok: false; failure: WorkerFailure };

export function failureOf(error: unknown): WorkerFailure {
  if (error instanceof KioskError) return { known: error.toApiError() };
  const code = (error as { code?: unknown })?.code;
  return { message: (error as Error)?.message ?? String(error), ...(typeof code === 'string' ? { code } : {}) };
}

export function errorFrom(failure: WorkerFailure): Error {
  if ('known' in failure) {
    const { code, message, reason, params } = failure.known;
    return new KioskError(code, message, { ...(reason === undefined ? {} : { reason }), ...(params === undefined ? {} : { params }) });
  }
  return Object.assign(new Error(failure.message), failure.code === undefined ? {} : { code: failure.code });
}

/** In the worker: runs the job and posts its one answer (`transfer` lists buffers to move, not copy). */
export async function answerOnce<T>(job: () => T | Promise<T>, transfer: (value: T) => TransferListItem[] = () => []): Promise<void> {
  let answer: Answer<T>;
  try {
    answer = { ok: true, value: await job() };
  } catch (error) {
    answer = { ok: false, failure: failureOf(error) };
  }
  parentPort!.postMessage(answer, answer.ok ? transfer(answer.value) : []);
}

/** The message of the error runOnce rejects with when no thread could be started at all. */
export const COULD_NOT_START = 'worker thread could not start';

/**
 * In the starting thread: runs `name` once with `workerData` (`transferList`: ports or buffers
 * moved to it); rejects when it cannot start or fails.
 */
export function runOnce<T>(name: WorkerName, workerData: unknown, transferList: TransferListItem[] = []): Promise<T> {
  return new Promise((resolve, reject) => {
    let settled = false;
    let worker: ReturnType<typeof startWorker>;
    try {
      worker = startWorker(name, { workerData, transferList });
    } catch (error) {
      reject(new Error(`${COULD_NOT_START}: ${(error as Error)?.message ?? String(error)}`));
      return;
    }
    worker.once('message', (answer: Answer<T>) => {
      settled = true;
      if (answer.ok) resolve(answer.value);
      else reject(errorFrom(answer.failure));
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`${name} thread ended (${code}) without an answer`));
    });
  });
}
