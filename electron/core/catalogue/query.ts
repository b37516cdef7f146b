// Query normalisation for catalogue search, in one place
// (Telex/VNI readings of a query are tried by `searchCatalogue`, which normalises each of them).
import { foldVietnamese } from '../text/fold';

export interface NormalisedQuery {
  /** Words folded like the index (no marks, đ → d). */
  folded: string[];
  /** The same words as typed, lower-cased with their marks, for ranking exact matches first. */
  exact: string[];
  /** The last word may be unfinished (nothing typed after it): match it as a prefix. */
  prefixLast: boolean;
  /** An ISBN or barcode typed or scanned: matched directly, ahead of text. */
  identifier: string | null;
}

const WORD = /[\p{L}\p{N}]+/gu;
const MAX_WORDS = 8;

export function normaliseQuery(raw: string): NormalisedQuery {
  const text = raw.normalize('NFC');
  const exact = (text.toLowerCase().match(WORD) ?? []).slice(0, MAX_WORDS);
  const folded = exact.map((word) => foldVietnamese(word));
  const compact = text.replace(/[\s-]/g, '');
  const identifier =
    /^(97[89]\d{10}|\d{9}[\dXx])$/.test(compact) || (/^[A-Za-z]{0,4}\d{4,}$/.test(compact) && compact.length <= 32) ? compact.toUpperCase() : null;
  return { folded, exact, prefixLast: folded.length > 0 && !/[\s\p{P}]$/u.test(text), identifier };
}

export type IndexColumn = 'title' | 'authors' | 'subjects' | 'title_x' | 'authors_x' | 'subjects_x';

/**
 * An FTS5 expression: every word must match, the last as a prefix while typing. The *_x columns
 * are matched with the words as typed (marks kept), the others with the folded words.
 */
export function ftsExpression(query: NormalisedQuery, column?: IndexColumn, atStart = false): string {
  const words = column?.endsWith('_x') ? query.exact : query.folded;
  if (atStart && column) {
    // One phrase anchored at the start of the column: "the title begins with what was typed".
    return `${column} : (^"${words.map((w) => w.replace(/"/g, '')).join(' ')}"${query.prefixLast ? '*' : ''})`;
  }
  const terms = words.map((word, i) => `"${word.replace(/"/g, '')}"${query.prefixLast && i === words.length - 1 ? '*' : ''}`);
  const body = terms.join(' AND ');
  // Without a column, every column: a folded word (no marks) matches a word as written only where
  // that word had no marks, so its folded column has it too and the rows are the same; leaving out
  // the column filter saves the index ~15% of a scan.
  return column ? `${column} : (${body})` : body;
}
