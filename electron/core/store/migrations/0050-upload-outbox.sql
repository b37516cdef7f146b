-- 0050: the upload outbox. A trigger marks the day of every new event as dirty inside the same
-- transaction that appends the event, so no feature has to remember to; the uploader turns dirty
-- days into outbox rows (a new revision when the day's figures changed) and marks them sent.

CREATE TABLE upload_dirty_days (
  day TEXT PRIMARY KEY
) STRICT;

CREATE TRIGGER events_mark_upload_day AFTER INSERT ON events
BEGIN
  INSERT INTO upload_dirty_days (day) VALUES (NEW.day) ON CONFLICT (day) DO NOTHING;
END;

-- Days recorded before this migration are uploaded too.
INSERT OR IGNORE INTO upload_dirty_days (day) SELECT DISTINCT day FROM events;

-- One row per local day: the latest figures, their revision, and whether the collector has them.
CREATE TABLE upload_outbox (
  day        TEXT PRIMARY KEY,
  revision   INTEGER NOT NULL CHECK (revision >= 1),
  digest     TEXT NOT NULL,
  figures    TEXT NOT NULL CHECK (json_valid(figures)),
  state      TEXT NOT NULL CHECK (state IN ('pending', 'sent')),
  staged_at  TEXT NOT NULL,
  sent_at    TEXT,
  attempts   INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX upload_outbox_pending ON upload_outbox (state, day);
