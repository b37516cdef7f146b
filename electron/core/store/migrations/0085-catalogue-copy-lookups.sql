-- Copy cataloguing (issue #17 item 5): every ISBN staff looked up on the configured catalogue
-- servers, with what each server answered and the records offered, so a lookup made with no
-- network waits here ('queued') until a retry is answered, and staff can pick a record later.
CREATE TABLE copy_lookups (
  id INTEGER PRIMARY KEY,
  isbn TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('queued', 'found', 'none', 'added', 'discarded')),
  requested_at TEXT NOT NULL,
  staff_id INTEGER,
  attempts INTEGER NOT NULL DEFAULT 0,
  last_attempt_at TEXT,
  -- Epoch milliseconds of the next automatic retry of a queued lookup (compared with the clock).
  next_attempt_ms INTEGER,
  -- JSON: what each server answered at the last attempt, and the records offered (mapped).
  sources TEXT NOT NULL DEFAULT '[]',
  candidates TEXT NOT NULL DEFAULT '[]',
  record_id INTEGER REFERENCES records (id),
  finished_at TEXT
);
CREATE INDEX copy_lookups_open ON copy_lookups (state, next_attempt_ms) WHERE state IN ('queued', 'found', 'none');
CREATE INDEX copy_lookups_isbn ON copy_lookups (isbn);
