-- 0104: pushes from the provincial portal (issue #19). One receipt per push this kiosk has looked
-- at (what became of it, and whether the portal has been told), the block-list hosts and the
-- content-pack notices that pushes brought. Announcements go to the announcements table itself.

CREATE TABLE push_receipts (
  push_id     INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL,
  outcome     TEXT NOT NULL CHECK (outcome IN ('applied', 'refused')),
  reason      TEXT,
  -- 1 when the portal's signature was verified: only such a receipt makes a later copy a replay.
  verified    INTEGER NOT NULL CHECK (verified IN (0, 1)),
  received_at TEXT NOT NULL,
  reported_at TEXT
) STRICT;
CREATE INDEX push_receipts_unreported ON push_receipts (push_id) WHERE reported_at IS NULL;

CREATE TABLE pushed_block_hosts (
  host     TEXT PRIMARY KEY,
  push_id  INTEGER NOT NULL,
  added_at TEXT NOT NULL
) STRICT;

CREATE TABLE pushed_notices (
  push_id     INTEGER PRIMARY KEY,
  title       TEXT NOT NULL,
  body        TEXT NOT NULL,
  received_at TEXT NOT NULL
) STRICT;
