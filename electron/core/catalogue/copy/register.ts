// Copy cataloguing's handlers, and the retry of queued ISBNs: a timer (owner process only) that
// looks every half minute for lookups whose retry time has come on ctx.clock.
import type { KioskContext } from '../../context';
import { finishLookup, openLookups, queueCounts } from './lookups';
import { addCopy } from './add-copy';
import { lookupIsbn, retryQueued, showLookup } from './lookup';

const RETRY_CHECK_MS = 30_000;

export function registerCopyCataloguing(ctx: KioskContext): void {
  const { registry, db, clock } = ctx;
  registry.register('catalogue.copyLookup', ({ isbn }, { staff }) => lookupIsbn(ctx, isbn, staff.id));
  registry.register('catalogue.copyLookupShow', ({ lookupId }) => showLookup(ctx, lookupId));
  registry.register('catalogue.copyAdd', (request) => addCopy(ctx, request));
  registry.register('catalogue.copyQueue', () => ({
    targets: ctx.config.copyCataloguing.targets.map(({ name, protocol }) => ({ name, protocol })),
    retryMinutes: ctx.config.copyCataloguing.retryMinutes,
    lookups: openLookups(db),
  }));
  registry.register('catalogue.copyRetry', () => retryQueued(ctx, { dueOnly: false }));
  registry.register('catalogue.copyDiscard', ({ lookupId }) => {
    const discarded = finishLookup(db, lookupId, 'discarded', new Date(clock.now()).toISOString(), null);
    if (discarded) ctx.bus.emit('catalogue.copyQueueChanged', queueCounts(db));
    return { discarded };
  });
  if (ctx.role === 'owner') {
    ctx.afterStart('catalogue.copyRetry', () => {
      const timer = setInterval(
        () => void retryQueued(ctx, { dueOnly: true }).catch((error: Error) => ctx.log.log('warn', 'catalogue.copy_retry_failed', { error: error.message })),
        RETRY_CHECK_MS,
      );
      timer.unref();
      ctx.onClose(() => clearInterval(timer));
    });
  }
}
