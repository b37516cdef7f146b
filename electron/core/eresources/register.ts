// The digital library feature: browsing and opening e-resources for residents, content packs for
// staff, and the housekeeping a crash may leave (half-copied staging folders, orphaned pack folders).
import { readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { KioskContext } from '../context';
import { browse } from './browse';
import { installDemoPack } from './demo';
import { installPackFromUrl } from './download';
import { installPack, removePack, type InstallProgress } from './install';
import { packsRoot } from './paths';
import { cleanAbandonedStaging } from './staging';
import { findPackSources } from './sources';
import { backfillSearchText, listPacks, toPackView } from './store';
import { diskUsageOf } from './usage';
import { closeResource, openResource } from './views';
import { KioskError } from '../errors';

/**
 * Start-up housekeeping, in the data folder's owner only: a guest (a CLI command beside a running
 * kiosk) deleting staging it does not own is how a half-installed pack was once acknowledged.
 */
async function cleanUp(ctx: KioskContext): Promise<void> {
  if (ctx.role !== 'owner') return;
  const staging = await cleanAbandonedStaging(ctx);
  // A staging folder whose installer still runs means its pack folder may be about to appear.
  if (staging.kept > 0) return;
  const known = new Set(listPacks(ctx.db).map((p) => p.folder));
  let present: string[] = [];
  try {
    present = readdirSync(packsRoot(ctx.dataDir));
  } catch {
    present = [];
  }
  // A folder no pack row points at is a switch that never committed, or an old version whose removal was cut short.
  for (const folder of present) if (!known.has(folder)) await rm(join(packsRoot(ctx.dataDir), folder), { recursive: true, force: true });
}

function progressTo(ctx: KioskContext, jobId: string) {
  return (p: InstallProgress) => ctx.bus.emit('eresources.installProgress', { jobId, ...p });
}

async function withFailureEvent<T>(ctx: KioskContext, jobId: string, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    const message = error instanceof KioskError ? error.message : undefined;
    ctx.bus.emit('eresources.installProgress', { jobId, phase: 'failed', bytesDone: 0, bytesTotal: 0, ...(message ? { message } : {}) });
    throw error;
  }
}

export async function registerEresources(ctx: KioskContext): Promise<void> {
  const { registry } = ctx;
  // Scanning the packs folder for leftovers is no business of the first screen.
  ctx.afterStart('eresources.cleanUp', () => cleanUp(ctx));
  if (ctx.role === 'owner') {
    backfillSearchText(ctx.db);
    try {
      await installDemoPack(ctx);
    } catch (error) {
      // A damaged demo pack must not stop the kiosk: the rest of the demo still works.
      ctx.log.log('warn', 'eresources.demo_pack_failed', { reason: error instanceof KioskError ? (error.reason ?? error.code) : 'internal' });
    }
  }

  registry.register('eresources.browse', (q) => browse(ctx, q));
  registry.register('eresources.topics', () => ctx.config.eresources.topics);
  registry.register('eresources.open', ({ resourceId, card }) => openResource(ctx, resourceId, card));
  registry.register('eresources.close', ({ viewId, visibleSeconds, completed }) => closeResource(ctx, viewId, visibleSeconds, completed));

  registry.register('eresources.packs', async () => {
    return { packs: listPacks(ctx.db).map((p) => toPackView(ctx.db, p)), usage: await diskUsageOf(ctx) };
  });
  registry.register('eresources.sources', ({ folder }) => {
    return findPackSources(ctx, folder);
  });
  registry.register('eresources.install', ({ path, jobId }, { staff }) => {
    return withFailureEvent(ctx, jobId, () => installPack(ctx, path, { staffId: staff.id, onProgress: progressTo(ctx, jobId) }));
  });
  registry.register('eresources.installUrl', ({ url, jobId }, { staff }) => {
    return withFailureEvent(ctx, jobId, () => installPackFromUrl(ctx, url, { staffId: staff.id, onProgress: progressTo(ctx, jobId) }));
  });
  registry.register('eresources.remove', ({ packId }, { staff }) => {
    return removePack(ctx, packId, staff.id);
  });
}
