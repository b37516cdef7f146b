// The copy_lookups table (migration 0085): one row per ISBN looked up, reused while it is open, so
// the queue never lists an ISBN twice; candidates are kept as mapped records (RecordInput) so
// picking one later needs no server.
import type { CopyCandidate, CopyLookup, CopySource } from '#contract/copy-cataloguing';
import type { Db } from '../../store/open';
import type { RecordInput } from '../record-input';

export interface StoredCandidate {
  source: string;
  record: RecordInput;
  /** Other servers that sent the same record (same-record.ts); absent in lookups stored before. */
  alsoFrom?: string[];
}

interface Row {
  id: number;
  isbn: string;
  state: CopyLookup['state'];
  requested_at: string;
  attempts: number;
  last_attempt_at: string | null;
  next_attempt_ms: number | null;
  sources: string;
  candidates: string;
}

export const OPEN_STATES = "('queued', 'found', 'none')";

export function openLookupFor(db: Db, isbn: string): number | undefined {
  const row = db.prepare(`SELECT id FROM copy_lookups WHERE isbn = ? AND state IN ${OPEN_STATES} ORDER BY id DESC LIMIT 1`).get(isbn) as
    { id: number } | undefined;
  return row?.id;
}

export function createLookup(db: Db, isbn: string, at: string, staffId: number | null): number {
  return Number(db.prepare(`INSERT INTO copy_lookups (isbn, state, requested_at, staff_id) VALUES (?, 'queued', ?, ?)`).run(isbn, at, staffId).lastInsertRowid);
}

export function saveAttempt(
  db: Db,
  id: number,
  outcome: { state: 'queued' | 'found' | 'none'; at: string; nextAttemptMs: number | null; sources: CopySource[]; candidates: StoredCandidate[] },
): void {
  db.prepare(
    `UPDATE copy_lookups SET state = ?, attempts = attempts + 1, last_attempt_at = ?, next_attempt_ms = ?, sources = ?, candidates = ? WHERE id = ?`,
  ).run(outcome.state, outcome.at, outcome.nextAttemptMs, JSON.stringify(outcome.sources), JSON.stringify(outcome.candidates), id);
}

export function finishLookup(db: Db, id: number, state: 'added' | 'discarded', at: string, recordId: number | null): boolean {
  return (
    db
      .prepare(`UPDATE copy_lookups SET state = ?, finished_at = ?, record_id = ?, next_attempt_ms = NULL WHERE id = ? AND state IN ${OPEN_STATES}`)
      .run(state, at, recordId, id).changes === 1
  );
}

export function storedCandidates(db: Db, id: number): { state: CopyLookup['state']; isbn: string; candidates: StoredCandidate[] } | undefined {
  const row = db.prepare('SELECT state, isbn, candidates FROM copy_lookups WHERE id = ?').get(id) as
    { state: CopyLookup['state']; isbn: string; candidates: string } | undefined;
  return row && { state: row.state, isbn: row.isbn, candidates: JSON.parse(row.candidates) as StoredCandidate[] };
}

export function dueQueued(db: Db, nowMs: number | null): number[] {
  const rows = (
    nowMs === null
      ? db.prepare(`SELECT id FROM copy_lookups WHERE state = 'queued' ORDER BY id LIMIT 50`).all()
      : db.prepare(`SELECT id FROM copy_lookups WHERE state = 'queued' AND next_attempt_ms <= ? ORDER BY id LIMIT 50`).all(nowMs)
  ) as { id: number }[];
  return rows.map((r) => r.id);
}

export function queueCounts(db: Db): { queued: number; answered: number } {
  const row = db
    .prepare(`SELECT sum(state = 'queued') AS queued, sum(state IN ('found', 'none')) AS answered FROM copy_lookups WHERE state IN ${OPEN_STATES}`)
    .get() as { queued: number | null; answered: number | null };
  return { queued: row.queued ?? 0, answered: row.answered ?? 0 };
}

export function candidateView(candidates: StoredCandidate[]): CopyCandidate[] {
  return candidates.map(({ source, record, alsoFrom }, index) => ({
    index,
    source,
    alsoFrom: alsoFrom ?? [],
    title: record.title,
    authors: record.authors,
    publisher: record.publisher,
    year: record.year,
    isbn: record.isbn,
    edition: record.edition,
    physicalDescription: record.physicalDescription,
    callNumber: record.callNumber,
  }));
}

function existingFor(db: Db, isbn: string): CopyLookup['existing'] {
  const row = db
    .prepare('SELECT r.id, r.title, (SELECT count(*) FROM items i WHERE i.record_id = r.id) AS copies FROM records r WHERE r.isbn = ? ORDER BY r.id LIMIT 1')
    .get(isbn) as { id: number; title: string; copies: number } | undefined;
  return row ? { recordId: row.id, title: row.title, copies: row.copies } : null;
}

/** The local record a copy of this ISBN joins, if the commune has one. */
export const existingRecordId = (db: Db, isbn: string): number | undefined => existingFor(db, isbn)?.recordId;

function common(row: Row) {
  return {
    id: row.id,
    isbn: row.isbn,
    state: row.state,
    requestedAt: row.requested_at,
    attempts: row.attempts,
    lastAttemptAt: row.last_attempt_at,
    nextAttemptAt: row.state === 'queued' && row.next_attempt_ms !== null ? new Date(row.next_attempt_ms).toISOString() : null,
    sources: JSON.parse(row.sources) as CopySource[],
  };
}

export function lookupView(db: Db, id: number): CopyLookup | undefined {
  const row = db.prepare('SELECT * FROM copy_lookups WHERE id = ?').get(id) as Row | undefined;
  if (!row) return undefined;
  return { ...common(row), candidates: candidateView(JSON.parse(row.candidates) as StoredCandidate[]), existing: existingFor(db, row.isbn) };
}

export function openLookups(db: Db) {
  const rows = db.prepare(`SELECT * FROM copy_lookups WHERE state IN ${OPEN_STATES} ORDER BY id DESC LIMIT 100`).all() as Row[];
  return rows.map((row) => ({ ...common(row), candidateCount: (JSON.parse(row.candidates) as unknown[]).length }));
}
