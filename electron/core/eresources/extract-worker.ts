// The pack-extraction thread (started by extract-thread.ts): copies a pack's files into staging
// on the second core and reports progress, the MIME types found, or the refusal.
import { parentPort, workerData } from 'node:worker_threads';
import { KioskError } from '../errors';
import { extractPackFiles } from './extract';
import type { PackManifest } from './manifest';

const { zipPath, manifest, staging } = workerData as { zipPath: string; manifest: PackManifest; staging: string };
try {
  const mimes = await extractPackFiles(zipPath, manifest, staging, (done) => parentPort!.postMessage({ kind: 'progress', done }));
  parentPort!.postMessage({ kind: 'done', mimes });
} catch (error) {
  const known = error instanceof KioskError ? error.toApiError() : undefined;
  parentPort!.postMessage({
    kind: 'failed',
    error: known ?? { code: 'internal', message: (error as Error).message, errno: (error as { code?: string }).code },
  });
}
