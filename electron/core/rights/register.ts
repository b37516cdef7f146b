// Registers the residents' rights methods (contract/rights.ts): see, correct, erase, retention.
import type { KioskContext } from '../context';
import { requirePatron, toSummary } from '../patrons/records';
import { findPatronById } from '../patrons/lookup';
import { correctPatron } from './correct';
import { erasePatron } from './erase';
import { patronRecordOf } from './record';
import { applyRetention, retentionView } from './retention';

export function registerRights(ctx: KioskContext): void {
  const { registry } = ctx;
  registry.register('rights.record', ({ card }) => patronRecordOf(ctx, requirePatron(ctx, card), true));
  registry.register('rights.myRecord', (_request, { resident }) => patronRecordOf(ctx, findPatronById(ctx.db, resident.patronId)!, resident.proof !== 'card'));
  registry.register('rights.correct', ({ card, changes }, { staff }) => toSummary(ctx, correctPatron(ctx, card, changes, staff.id)));
  registry.register('rights.erase', ({ card, reason }, { staff }) => erasePatron(ctx, card, staff.id, reason));
  registry.register('rights.retention', () => retentionView(ctx));
  registry.register('rights.applyRetention', ({ expected }, { staff }) => applyRetention(ctx, staff.id, expected));
}
