-- 0081: the journal of a large catalogue import (catalogue/import-journal.ts). A large import writes
-- in short committed batches, so that a resident's checkout never waits behind it for seconds;
-- each batch records here, in the same transaction, what it changed (rows it inserted, old values
-- of rows it updated, copies it added). Until the run is marked 'committed' it can be undone batch
-- by batch: after a failure at once, after a kill (power cut, SIGKILL) by the owner at its next
-- start. Once committed, the item.added events of its copies are appended batch by batch (events
-- are append-only, so they are only written for an import that will stay), and the run is deleted.
CREATE TABLE catalogue_import_runs (
  id                 INTEGER PRIMARY KEY,
  file_name          TEXT NOT NULL,
  started_at         TEXT NOT NULL,
  state              TEXT NOT NULL CHECK (state IN ('writing', 'committed')),
  collection_id      INTEGER NOT NULL,
  collection_kind    TEXT NOT NULL CHECK (collection_kind IN ('own', 'rotation')),
  source             TEXT NOT NULL CHECK (source IN ('import', 'rotation')),
  -- The import created the collection (an empty catalogue's own collection): undo removes it.
  created_collection INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE catalogue_import_journal (
  run_id      INTEGER NOT NULL REFERENCES catalogue_import_runs (id) ON DELETE CASCADE,
  batch       INTEGER NOT NULL,
  -- JSON list of what the batch did, in order (see import-journal.ts, BatchOp).
  ops         TEXT NOT NULL,
  events_done INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (run_id, batch)
) STRICT;
