-- 0010: catalogue search and import bookkeeping. The search index holds text folded in JS
-- (foldVietnamese: tone and vowel marks removed, đ → d), because SQLite's remove_diacritics
-- leaves đ alone, and the same text lower-cased with its marks (*_x) so a query typed with
-- diacritics finds its exact matches first. Contentless: the readable text stays in `records`.
ALTER TABLE records ADD COLUMN edition TEXT;
ALTER TABLE records ADD COLUMN physical_description TEXT;

CREATE VIRTUAL TABLE catalogue_fts USING fts5(
  title, authors, subjects, title_x, authors_x, subjects_x,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 0',
  prefix = '1 2 3'
);

-- One row per import run: what staff see as the import history (counts only, no file content).
CREATE TABLE catalogue_imports (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  file_name  TEXT NOT NULL,
  format     TEXT NOT NULL,
  target     TEXT NOT NULL CHECK (target IN ('catalogue', 'rotation')),
  imported   INTEGER NOT NULL,
  updated    INTEGER NOT NULL,
  unchanged  INTEGER NOT NULL,
  rejected   INTEGER NOT NULL,
  staff_id   INTEGER
) STRICT;

CREATE INDEX items_status_record ON items (status, record_id);
