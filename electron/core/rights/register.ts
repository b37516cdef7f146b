// Registers the residents' rights methods (contract/rights.ts): see, correct, erase, retention;
// and the retention rule's daily run.
import type { KioskContext } from '../context';
import { requirePatron, toSummary } from '../patrons/records';
import { findPatronById } from '../patrons/lookup';
import { correctPatron } from './correct';
import { erasePatron } from './erase';
import { patronRecordOf } from './record';
import { applyRetention, keepRecord, retentionView } from './retention';
import { scheduleRetention } from './retention-schedule';

export function registerRights(ctx: KioskContext): void {
  const { registry } = ctx;
  registry.register('rights.record', ({ card }) => patronRecordOf(ctx, requirePatron(ctx, card), true));
  registry.register('rights.myRecord', (_request, { resident }) => patronRecordOf(ctx, findPatronById(ctx.db, resident.patronId)!, resident.proof !== 'card'));
  registry.register('rights.correct', ({ card, changes }, { staff }) => toSummary(ctx, correctPatron(ctx, card, changes, staff.id)));
  registry.register('rights.erase', ({ card, reason }, { staff }) => erasePatron(ctx, card, staff.id, reason));
  registry.register('rights.retention', () => retentionView(ctx));
  registry.register('rights.applyRetention', ({ expected }, { staff }) => applyRetention(ctx, staff.id, expected));
  registry.register('rights.keepRecord', ({ card }, { staff }) => keepRecord(ctx, card, staff.id));
  // The folder's owner runs the rule once a day on the kiosk's clock, after the first screen has its answer.
  if (ctx.role === 'owner' && ctx.mode !== 'misconfigured') ctx.afterStart('retention.schedule', () => ctx.onClose(scheduleRetention(ctx)));
}
