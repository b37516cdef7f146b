// Catalogue search: accent- and case-insensitive through the folded FTS5 index, title matches
// before author before subject, exact diacritics before folded matches, availability per record.
// `searchCatalogue` is the one entry point other features reuse. A query typed in Telex/VNI without
// conversion ("nguyeenx nhaajt anhs") is also read as Vietnamese (`telexCandidates`) and both merged.
import { telexCandidates } from '../../../common/vietnamese/typing';
import type { SearchHit, SearchResponse } from '../../contract/catalogue';
import type { Db } from '../store/open';
import { foldVietnamese } from '../text/fold';
import { recordAvailability } from './availability';
import { ftsExpression, normaliseQuery, type IndexColumn, type NormalisedQuery } from './query';

export interface SearchOptions {
  availableOnly?: boolean;
  limit?: number;
  offset?: number;
}

/** Matches ranked per tier are capped: past this many, "more" tells the screen to ask for precision. */
export const CANDIDATE_CAP = 200;

/**
 * Match tiers, best first. Words as typed (marks kept) beat folded matches, so "Đặng" lists the
 * author Đặng before titles with "dạng"; within each, title beats author beats subject.
 */
type Tier = { field: SearchHit['matchedIn']; column?: IndexColumn; exact: boolean };
const TIERS: Tier[] = [
  { field: 'title', column: 'title_x', exact: true },
  { field: 'author', column: 'authors_x', exact: true },
  { field: 'subject', column: 'subjects_x', exact: true },
  { field: 'title', column: 'title', exact: false },
  { field: 'author', column: 'authors', exact: false },
  { field: 'subject', column: 'subjects', exact: false },
  { field: 'any', exact: false },
];

interface RecordRow {
  id: number;
  title: string;
  authors: string;
  subjects: string;
  publisher: string | null;
  year: number | null;
  isbn: string | null;
  call_number: string | null;
}

function statements(db: Db) {
  const available = `AND EXISTS (SELECT 1 FROM items i JOIN collections c ON c.id = i.collection_id WHERE i.record_id = catalogue_fts.rowid AND i.status = 'available' AND c.returned_at IS NULL)`;
  return {
    match: db.prepare(`SELECT rowid AS id FROM catalogue_fts WHERE catalogue_fts MATCH ? LIMIT ?`),
    matchAvailable: db.prepare(`SELECT rowid AS id FROM catalogue_fts WHERE catalogue_fts MATCH ? ${available} LIMIT ?`),
    record: db.prepare('SELECT id, title, authors, subjects, publisher, year, isbn, call_number FROM records WHERE id = ?'),
    byIsbn: db.prepare('SELECT id FROM records WHERE isbn = ? LIMIT 20'),
    byBarcode: db.prepare('SELECT record_id AS id FROM items WHERE barcode = ?'),
  };
}
const cache = new WeakMap<Db, ReturnType<typeof statements>>();
const prepared = (db: Db) => cache.get(db) ?? (cache.set(db, statements(db)), cache.get(db)!);

interface Candidate {
  row: RecordRow;
  tier: Tier;
  order: number;
}

/**
 * The query as typed, then its Telex/VNI reading when that differs in letters: "sachs" also
 * searches "sách", while a query that reads the same folded (already Vietnamese) runs once.
 */
function queryReadings(rawQuery: string): NormalisedQuery[] {
  const readings: NormalisedQuery[] = [];
  const keys = new Set<string>();
  for (const candidate of telexCandidates(rawQuery)) {
    const query = normaliseQuery(candidate);
    const key = `${query.exact.join(' ')}|${query.prefixLast}`;
    if (query.folded.length === 0 || keys.has(key)) continue;
    keys.add(key);
    readings.push(query);
  }
  return readings;
}

export function searchCatalogue(db: Db, rawQuery: string, options: SearchOptions = {}): SearchResponse {
  const readings = queryReadings(rawQuery);
  const query = readings[0];
  const limit = options.limit ?? 20;
  const offset = options.offset ?? 0;
  const empty: SearchResponse = { query: rawQuery, total: 0, more: false, results: [] };
  if (!query) return empty;
  const s = prepared(db);
  const seen = new Set<number>();
  const candidates: Candidate[] = [];
  let more = false;

  const add = (id: number, tier: Tier, order: number) => {
    if (seen.has(id)) return;
    seen.add(id);
    const row = s.record.get(id) as RecordRow | undefined;
    if (row) candidates.push({ row, tier, order });
  };

  if (query.identifier) {
    const idTier: Tier = { field: 'identifier', exact: true };
    for (const { id } of [...(s.byIsbn.all(query.identifier) as { id: number }[]), ...(s.byBarcode.all(query.identifier) as { id: number }[])]) add(id, idTier, 0);
  }
  const statement = options.availableOnly ? s.matchAvailable : s.match;
  TIERS.forEach((tier, order) => {
    // Each tier tries every reading, so a Telex reading's title match still beats an author match.
    for (const reading of readings) {
      // Typed without any diacritics, nothing can match "as typed" better than folded: skip those tiers.
      const typedMarks = reading.exact.some((word, i) => word !== reading.folded[i]);
      if (tier.exact && !typedMarks) continue;
      if (candidates.length >= CANDIDATE_CAP) {
        more = true;
        return;
      }
      const room = CANDIDATE_CAP - candidates.length;
      // One extra row tells whether this tier had more than we took.
      const ids = statement.all(ftsExpression(reading, tier.column), room + 1) as { id: number }[];
      if (ids.length > room) more = true;
      for (const { id } of ids.slice(0, room)) add(id, tier, order + 1);
    }
  });
  if (options.availableOnly && query.identifier) {
    // Identifier hits skipped the availability filter above; apply it now.
    for (let i = candidates.length - 1; i >= 0; i--) {
      if (candidates[i]!.tier.field === 'identifier' && recordAvailability(db, candidates[i]!.row.id).available === 0) candidates.splice(i, 1);
    }
  }

  const foldedPhrases = readings.map((reading) => reading.folded.join(' '));
  const startsWithQuery = (c: Candidate) => {
    const title = foldVietnamese(c.row.title);
    return Number(foldedPhrases.some((phrase) => title.startsWith(phrase)));
  };
  candidates.sort(
    (a, b) =>
      a.order - b.order ||
      // Within a tier, a title that starts with the query reads as the best match.
      startsWithQuery(b) - startsWithQuery(a) ||
      a.row.title.length - b.row.title.length ||
      a.row.id - b.row.id,
  );

  const results: SearchHit[] = candidates.slice(offset, offset + limit).map(({ row, tier }) => {
    const availability = recordAvailability(db, row.id);
    return {
      id: row.id,
      title: row.title,
      authors: JSON.parse(row.authors) as string[],
      subjects: JSON.parse(row.subjects) as string[],
      publisher: row.publisher,
      year: row.year,
      isbn: row.isbn,
      callNumber: row.call_number,
      ...availability,
      matchedIn: tier.field,
      exact: tier.exact,
    };
  });
  return { query: rawQuery, total: candidates.length, more, results };
}
