// Catalogue search: accent- and case-insensitive through the folded FTS5 index, title matches
// before author before subject, exact diacritics before folded matches, availability per record.
// `searchCatalogue` is the one entry point other features reuse. Ranking is done entirely by
// which index query (tier) found a record, so only the shown page is ever read from `records`.
// A query typed in Telex/VNI without conversion is also read as Vietnamese (`telexCandidates`).
import { telexCandidates } from '../../../common/vietnamese/typing';
import type { SearchHit, SearchResponse } from '#contract/catalogue';
import type { Db } from '../store/open';
import { recordAvailability, recordsAvailability, setAsideCondition } from './availability';
import { ftsExpression, normaliseQuery, type IndexColumn, type NormalisedQuery } from './query';
import type { ExistingRecord } from './store-records';

export interface SearchOptions {
  availableOnly?: boolean;
  limit?: number;
  offset?: number;
  /** Local day (YYYY-MM-DD) the search is made, so a late copy is not promised back in the past. */
  today?: string;
}

/** Matches counted at most; past this, `more` tells the screen to ask for a narrower query. */
export const CANDIDATE_CAP = 200;

/**
 * Matches counted for one request: the page asked for and one page more (the screen offers "show
 * more" while there are), within CANDIDATE_CAP. Counting further only ran the slower tiers for
 * rows no page shows: a name like "Đặng Văn Hùng" (common syllables, few exact matches) took
 * 3–4 ms to count to 200 and takes about 1 ms to count to 40, with the same first pages.
 */
function countedFor(offset: number, limit: number): number {
  return Math.min(CANDIDATE_CAP, offset + 2 * limit);
}

/**
 * Match tiers, best first. Words as typed (marks kept) beat folded matches, so "Đặng" lists the
 * author Đặng before titles with "dạng"; within each, a title that begins with the query, then
 * any title, then author, then subject.
 */
interface Tier {
  field: SearchHit['matchedIn'];
  column?: IndexColumn;
  exact: boolean;
  atStart?: boolean;
}
const TIERS: Tier[] = [
  { field: 'title', column: 'title_x', exact: true, atStart: true },
  { field: 'title', column: 'title_x', exact: true },
  { field: 'author', column: 'authors_x', exact: true },
  { field: 'subject', column: 'subjects_x', exact: true },
  { field: 'title', column: 'title', exact: false, atStart: true },
  { field: 'title', column: 'title', exact: false },
  { field: 'author', column: 'authors', exact: false },
  { field: 'subject', column: 'subjects', exact: false },
  { field: 'any', exact: false },
];
const IDENTIFIER_TIER: Tier = { field: 'identifier', exact: true };

type RecordRow = Pick<ExistingRecord, 'id' | 'title' | 'authors' | 'subjects' | 'publisher' | 'year' | 'isbn' | 'invalid_isbn' | 'call_number'>;

function statements(db: Db) {
  const available = `AND EXISTS (SELECT 1 FROM items i JOIN collections c ON c.id = i.collection_id WHERE i.record_id = catalogue_fts.rowid AND i.status = 'available' AND c.returned_at IS NULL AND NOT ${setAsideCondition(db)})`;
  return {
    match: db.prepare(`SELECT rowid AS id FROM catalogue_fts WHERE catalogue_fts MATCH ? LIMIT ?`),
    matchAvailable: db.prepare(`SELECT rowid AS id FROM catalogue_fts WHERE catalogue_fts MATCH ? ${available} LIMIT ?`),
    // The page's records in one statement (ids as a JSON array); the order is the tiers', kept in JS.
    records: db.prepare(
      'SELECT id, title, authors, subjects, publisher, year, isbn, invalid_isbn, call_number FROM records WHERE id IN (SELECT value FROM json_each(?))',
    ),
    // A mistyped ISBN kept from an import (020 $z) is found too: it is what is printed on the book.
    byIsbn: db.prepare('SELECT id FROM records WHERE isbn = @id UNION SELECT id FROM records WHERE invalid_isbn = @id LIMIT 20'),
    byBarcode: db.prepare('SELECT record_id AS id FROM items WHERE barcode = ?'),
  };
}
const cache = new WeakMap<Db, ReturnType<typeof statements>>();
const prepared = (db: Db) => cache.get(db) ?? (cache.set(db, statements(db)), cache.get(db)!);

/**
 * The query as typed, then its Telex/VNI reading ("sachs" → "sách") when that reads differently;
 * a query already in Vietnamese runs once.
 */
function queryReadings(query: NormalisedQuery, rawQuery: string): NormalisedQuery[] {
  const readings = [query];
  for (const candidate of telexCandidates(rawQuery).slice(1)) {
    const reading = normaliseQuery(candidate);
    if (reading.folded.length > 0 && reading.exact.join(' ') !== query.exact.join(' ')) readings.push(reading);
  }
  return readings;
}

export function searchCatalogue(db: Db, rawQuery: string, options: SearchOptions = {}): SearchResponse {
  const query = normaliseQuery(rawQuery);
  const limit = options.limit ?? 20;
  const offset = options.offset ?? 0;
  if (query.folded.length === 0) return { query: rawQuery, total: 0, more: false, results: [] };
  const s = prepared(db);
  const found = new Map<number, Tier>();
  const counted = countedFor(offset, limit);
  // One match more than counted says that there are more.
  const enough = counted + 1;

  if (query.identifier) {
    const ids = [...(s.byIsbn.all({ id: query.identifier }) as { id: number }[]), ...(s.byBarcode.all(query.identifier) as { id: number }[])];
    for (const { id } of ids) {
      if (!options.availableOnly || recordAvailability(db, id).available > 0) found.set(id, IDENTIFIER_TIER);
    }
  }
  const statement = options.availableOnly ? s.matchAvailable : s.match;
  // A tier query asks for as many rows as could still be needed even if every row found by a
  // better tier came back again. Results are kept per expression (with the limit they were asked
  // with), so the unanchored title query can be asked first: when it finds nothing, the anchored
  // tier (a subset of it) is skipped without another index scan.
  const ran = new Map<string, { limit: number; ids: { id: number }[] }>();
  const run = (expression: string, limit: number) => {
    const known = ran.get(expression);
    // Reusable when asked with at least this limit, or when it returned every match there is.
    if (known && (known.limit >= limit || known.ids.length < known.limit)) return known.ids;
    const ids = statement.all(expression, limit) as { id: number }[];
    ran.set(expression, { limit, ids });
    return ids;
  };
  // A query typed in Telex/VNI without conversion ("kyx thuaajt") is also read as Vietnamese;
  // each tier tries every reading, so a Telex reading's title match still beats an author match.
  const readings = queryReadings(query, rawQuery);
  tiers: for (const tier of TIERS) {
    for (const reading of readings) {
      if (found.size >= enough) break tiers;
      // Typed without any diacritics, nothing can match "as typed" better than folded: skip those tiers.
      const typedMarks = reading.exact.some((word, i) => word !== reading.folded[i]);
      if (tier.exact && !typedMarks) continue;
      const wanted = enough + found.size;
      if (tier.atStart && run(ftsExpression(reading, tier.column), wanted).length === 0) continue;
      // The index returns ids in rowid order and stops at the limit.
      for (const { id } of run(ftsExpression(reading, tier.column, tier.atStart), wanted)) {
        if (found.has(id)) continue;
        found.set(id, tier);
        if (found.size >= enough) break tiers;
      }
    }
  }
  const more = found.size > counted;
  if (more) found.delete([...found.keys()].at(-1)!);

  const page = [...found].slice(offset, offset + limit);
  const ids = page.map(([id]) => id);
  const rows = new Map((s.records.all(JSON.stringify(ids)) as RecordRow[]).map((row) => [row.id, row]));
  const availability = recordsAvailability(db, ids, options.today);
  const results: SearchHit[] = page.flatMap(([id, tier]) => {
    const row = rows.get(id);
    if (!row) return [];
    return [
      {
        id: row.id,
        title: row.title,
        authors: JSON.parse(row.authors) as string[],
        subjects: JSON.parse(row.subjects) as string[],
        publisher: row.publisher,
        year: row.year,
        isbn: row.isbn,
        invalidIsbn: row.invalid_isbn,
        callNumber: row.call_number,
        ...availability.get(id)!,
        matchedIn: tier.field,
        exact: tier.exact,
      },
    ];
  });
  return { query: rawQuery, total: found.size, more, results };
}
