// The same book sent by two servers (a district Koha and the provincial union catalogue often hold
// one record copied from the other) is offered once, naming every server that had it. Two records are
// the same when what staff compare on screen is the same after folding case, punctuation (ISBD's
// " / : ; ," endings) and spacing; diacritics count, so "Hoa" and "Hòa" stay two. Of the copies, the
// one with the most fields filled is kept whole (fields are never mixed from two records).
import type { RecordInput } from '../record-input';
import type { StoredCandidate } from './lookups';

const fold = (text: string | null) =>
  (text ?? '')
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

export function sameRecordKey(r: RecordInput): string {
  return [fold(r.title), r.authors.map(fold).join('|'), r.year ?? '', fold(r.isbn), fold(r.publisher), fold(r.edition)].join('\u0001');
}

function filled(r: RecordInput): number {
  return Object.values(r).filter((v) => v !== null && v !== '' && !(Array.isArray(v) && v.length === 0)).length;
}

/** Candidates in their first-seen order, each book once; alsoFrom names the other servers that sent it. */
export function mergeSameRecords(candidates: readonly StoredCandidate[]): StoredCandidate[] {
  const byKey = new Map<string, StoredCandidate>();
  for (const candidate of candidates) {
    const key = sameRecordKey(candidate.record);
    const held = byKey.get(key);
    if (!held) {
      byKey.set(key, { ...candidate, alsoFrom: [] });
      continue;
    }
    const servers = [held.source, ...(held.alsoFrom ?? []), candidate.source];
    const richer = filled(candidate.record) > filled(held.record) ? candidate : held;
    const unique = [...new Set(servers)];
    byKey.set(key, { source: richer.source, record: richer.record, alsoFrom: unique.filter((s) => s !== richer.source) });
  }
  return [...byKey.values()];
}
