// Running a pack's extraction (extract.ts) in a worker thread so the thread serving residents only
// sees progress messages; inline when no worker can start (the same code, just on this thread).
import type { Worker } from 'node:worker_threads';
import type { ApiError } from '#contract';
import { KioskError } from '../errors';
import { startWorker } from '../worker-threads';
import { extractPackFiles } from './extract';
import type { PackManifest } from './manifest';

type Reply = { kind: 'progress'; done: number } | { kind: 'done'; mimes: Map<string, string> } | { kind: 'failed'; error: ApiError & { errno?: string } };

/** Below this, starting a thread costs more than the copy it would take off this one (the demo pack is 0.4 MB). */
export const INLINE_BELOW_BYTES = 8 * 1024 * 1024;

export async function extractOffThread(
  zipPath: string,
  manifest: PackManifest,
  staging: string,
  totalBytes: number,
  progress: (done: number) => void,
): Promise<Map<string, string>> {
  if (totalBytes < INLINE_BELOW_BYTES) return extractPackFiles(zipPath, manifest, staging, progress);
  let worker: Worker;
  try {
    worker = startWorker('eresources-extract', { workerData: { zipPath, manifest, staging } });
  } catch {
    return extractPackFiles(zipPath, manifest, staging, progress);
  }
  return new Promise((resolve, reject) => {
    let settled = false;
    worker.on('message', (reply: Reply) => {
      if (reply.kind === 'progress') return progress(reply.done);
      settled = true;
      if (reply.kind === 'done') resolve(reply.mimes);
      else if (reply.error.code === 'internal') reject(Object.assign(new Error(reply.error.message), { code: reply.error.errno }));
      else
        reject(
          new KioskError(reply.error.code, reply.error.message, {
            ...(reply.error.reason ? { reason: reply.error.reason } : {}),
            ...(reply.error.params ? { params: reply.error.params } : {}),
          }),
        );
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`pack extraction thread ended (${code}) without an answer`));
    });
  });
}
