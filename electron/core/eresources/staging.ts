// Staging folders of pack installs and the marker that says whose they are. Only the data folder's
// owner installs packs and cleans up (store/owner.ts), so a staging folder found at the owner's
// start belongs to an install that died; the marker (pid and start time of the installing process)
// lets the clean-up prove it rather than assume it, and keeps a folder whose installer still runs.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { KioskContext } from '../context';
import { processAlive } from '../system/process-alive';
import { stagingRoot } from './paths';

const MARKER_SUFFIX = '.owner.json';

export interface StagingMarker {
  pid: number;
  startedAt: string;
}

/** When this process started, by the kiosk's clock (a pid alone may be reused after a restart). */
export function processStartedAt(ctx: KioskContext): string {
  return new Date(ctx.clock.now() - Math.round(process.uptime() * 1000)).toISOString();
}

/** Writes the marker beside a staging folder before anything is extracted into it. */
export function markStaging(ctx: KioskContext, staging: string): void {
  const marker: StagingMarker = { pid: process.pid, startedAt: processStartedAt(ctx) };
  writeFileSync(`${staging}${MARKER_SUFFIX}`, JSON.stringify(marker));
}

export async function removeStaging(staging: string): Promise<void> {
  await rm(staging, { recursive: true, force: true });
  await rm(`${staging}${MARKER_SUFFIX}`, { force: true });
}

function readMarker(file: string): StagingMarker | undefined {
  try {
    const marker = JSON.parse(readFileSync(file, 'utf8')) as Partial<StagingMarker>;
    return typeof marker.pid === 'number' && typeof marker.startedAt === 'string' ? { pid: marker.pid, startedAt: marker.startedAt } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Removes the staging folders whose installer is provably gone: no marker (an earlier version, or
 * a crash before it was written), or a marker naming a process that no longer runs. A folder whose
 * installer is alive is kept and reported.
 */
export async function cleanAbandonedStaging(ctx: KioskContext): Promise<{ removed: number; kept: number }> {
  const root = stagingRoot(ctx.dataDir);
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return { removed: 0, kept: 0 };
  }
  let removed = 0;
  let kept = 0;
  for (const name of names) {
    if (name.endsWith(MARKER_SUFFIX)) {
      if (!names.includes(name.slice(0, -MARKER_SUFFIX.length))) await rm(join(root, name), { force: true });
      continue;
    }
    const marker = readMarker(join(root, `${name}${MARKER_SUFFIX}`));
    if (marker && marker.pid !== process.pid && processAlive(marker.pid)) {
      kept++;
      ctx.log.log('warn', 'eresources.staging_in_use', { pid: marker.pid, startedAt: marker.startedAt });
      continue;
    }
    await removeStaging(join(root, name));
    removed++;
  }
  return { removed, kept };
}
