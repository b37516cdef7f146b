// Looking an ISBN up on every configured server at once. Each server gets its own deadline, so a
// slow or dead one costs staff its timeout and never holds back another's records. When no
// server answers at all (no network), the ISBN is queued and retried (retryQueued).
import type { CopyLookup, CopySource } from '#contract/copy-cataloguing';
import type { KioskContext } from '../../context';
import { notFound, refused } from '../../errors';
import { mapMarcRecord } from '../marc-map';
import { normaliseIsbn } from '../record-input';
import type { CopyTarget } from './config';
import { createLookup, dueQueued, lookupView, openLookupFor, queueCounts, saveAttempt, type StoredCandidate } from './lookups';
import { mergeSameRecords } from './same-record';
import { searchTarget } from './sources';
import { SourceError, type SourceFailure } from './source-error';

function sentence(target: CopyTarget, outcome: CopySource['outcome'], hits: number, timeoutMs: number, detail: string): string {
  const name = target.name;
  switch (outcome) {
    case 'found':
      return `${name}: có ${hits} bản ghi.`;
    case 'none':
      return `${name}: không có bản ghi nào với ISBN này.`;
    case 'unreachable':
      return `${name}: không kết nối được (mất mạng, hoặc máy chủ đang tắt).`;
    case 'timeout':
      return `${name}: không trả lời trong ${Math.round(timeoutMs / 1000)} giây (máy chủ chậm hoặc mạng chậm).`;
    case 'refused':
      return `${name}: máy chủ từ chối câu hỏi (${detail.slice(0, 120)}). Hãy báo kỹ thuật viên kiểm tra cấu hình máy chủ này.`;
    case 'bad_reply':
      return `${name}: câu trả lời của máy chủ không đọc được. Hãy báo kỹ thuật viên.`;
  }
}

/** Asks every target; never throws (a failing server becomes its outcome). */
export async function askTargets(ctx: KioskContext, isbn: string): Promise<{ sources: CopySource[]; candidates: StoredCandidate[] }> {
  const { targets, timeoutSeconds, maxRecords } = ctx.config.copyCataloguing;
  const answers = await Promise.all(
    targets.map(async (target) => {
      const started = ctx.clock.monotonic();
      const timeoutMs = (target.timeoutSeconds ?? timeoutSeconds) * 1000;
      try {
        const answer = await searchTarget(target, isbn, { timeoutMs, maxRecords });
        return { target, started, timeoutMs, answer, failure: undefined };
      } catch (error) {
        const failure = error instanceof SourceError ? error : new SourceError('bad_reply', (error as Error).message);
        ctx.log.log('warn', 'catalogue.copy_source_failed', {
          target: target.name,
          protocol: target.protocol,
          failure: failure.failure,
          detail: failure.detail.slice(0, 300),
        });
        return { target, started, timeoutMs, answer: undefined, failure };
      }
    }),
  );
  const sources: CopySource[] = [];
  const candidates: StoredCandidate[] = [];
  for (const { target, started, timeoutMs, answer, failure } of answers) {
    const outcome: SourceFailure | 'found' | 'none' = failure ? failure.failure : answer!.total > 0 ? 'found' : 'none';
    const hits = answer?.total ?? 0;
    sources.push({
      name: target.name,
      protocol: target.protocol,
      outcome,
      hits,
      ms: Math.max(0, Math.round(ctx.clock.monotonic() - started)),
      message: sentence(target, outcome, hits, timeoutMs, failure?.detail ?? ''),
    });
    answer?.records.forEach((marc, i) => {
      const mapped = mapMarcRecord(marc, i + 1);
      if (mapped.ok) candidates.push({ source: target.name, record: { ...mapped.record, items: [] } });
    });
  }
  return { sources, candidates: mergeSameRecords(candidates) };
}

const offline = (sources: CopySource[]) => sources.every((s) => s.outcome === 'unreachable' || s.outcome === 'timeout');

/** One attempt for a lookup row: found / none when any server answered, else queued for the next retry. */
async function attempt(ctx: KioskContext, id: number, isbn: string): Promise<'queued' | 'found' | 'none'> {
  const { sources, candidates } = await askTargets(ctx, isbn);
  const now = ctx.clock.now();
  const state = offline(sources) ? 'queued' : candidates.length > 0 ? 'found' : 'none';
  saveAttempt(ctx.db, id, {
    state,
    at: new Date(now).toISOString(),
    sources,
    candidates,
    nextAttemptMs: state === 'queued' ? now + ctx.config.copyCataloguing.retryMinutes * 60_000 : null,
  });
  return state;
}

export function requireTargets(ctx: KioskContext): void {
  if (ctx.config.copyCataloguing.targets.length === 0) {
    throw refused(
      'no_copy_targets',
      'Chưa có máy chủ mục lục nào được cấu hình để biên mục sao chép. Hãy nhờ kỹ thuật viên thêm máy chủ của thư viện tỉnh (mục copyCataloguing.targets).',
    );
  }
}

export async function lookupIsbn(ctx: KioskContext, text: string, staffId: number | null): Promise<CopyLookup> {
  requireTargets(ctx);
  const isbn = normaliseIsbn(text);
  if (!isbn) {
    throw refused(
      'invalid_isbn',
      `"${text.slice(0, 40)}" không phải là một ISBN đúng (10 hoặc 13 chữ số, chữ số cuối là số kiểm tra). Hãy quét mã vạch ISBN ở bìa sau sách, hoặc gõ lại từng chữ số.`,
      { isbn: text.slice(0, 40) },
    );
  }
  const id = openLookupFor(ctx.db, isbn) ?? createLookup(ctx.db, isbn, new Date(ctx.clock.now()).toISOString(), staffId);
  const state = await attempt(ctx, id, isbn);
  // A server answered: the network is back, so the ISBNs waiting in the queue are tried now.
  if (state !== 'queued')
    void retryQueued(ctx, { dueOnly: false }).catch((error: Error) => ctx.log.log('warn', 'catalogue.copy_retry_failed', { error: error.message }));
  return lookupView(ctx.db, id)!;
}

export function showLookup(ctx: KioskContext, id: number): CopyLookup {
  const view = lookupView(ctx.db, id);
  if (!view) throw notFound('lookup_not_found', 'Không tìm thấy lượt tra cứu này (có thể đã bị xóa khỏi danh sách). Hãy quét lại ISBN.');
  return view;
}

const running = new WeakSet<KioskContext>();

/** Tries queued ISBNs again (those due, or all); tells screens when one was answered. */
export async function retryQueued(ctx: KioskContext, options: { dueOnly: boolean }): Promise<{ tried: number; answered: number; stillQueued: number }> {
  if (running.has(ctx) || ctx.config.copyCataloguing.targets.length === 0) return { tried: 0, answered: 0, stillQueued: queueCounts(ctx.db).queued };
  running.add(ctx);
  try {
    const ids = dueQueued(ctx.db, options.dueOnly ? ctx.clock.now() : null);
    let answered = 0;
    for (const id of ids) {
      const row = lookupView(ctx.db, id);
      if (!row || row.state !== 'queued') continue;
      if ((await attempt(ctx, id, row.isbn)) !== 'queued') answered++;
      else break; // still no network: the rest wait for the next round
    }
    const counts = queueCounts(ctx.db);
    if (answered > 0) ctx.bus.emit('catalogue.copyQueueChanged', counts);
    return { tried: ids.length, answered, stillQueued: counts.queued };
  } finally {
    running.delete(ctx);
  }
}
