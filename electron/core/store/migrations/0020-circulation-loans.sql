-- 0020: loans and holds. One open loan per item is enforced by the database itself, so two quick
-- scans of the same item (or two kiosks racing) can never produce two loans.

CREATE TABLE loans (
  id             INTEGER PRIMARY KEY,
  item_id        INTEGER NOT NULL REFERENCES items (id),
  patron_id      INTEGER NOT NULL REFERENCES patrons (id),
  checked_out_at TEXT NOT NULL,
  due_date       TEXT NOT NULL,            -- local calendar day (YYYY-MM-DD) the item is due back
  renewals       INTEGER NOT NULL DEFAULT 0,
  returned_at    TEXT,
  override_by    INTEGER REFERENCES staff (id),
  override_reason TEXT,
  -- A reference copy lent by a staff override goes back to 'reference' when it is returned.
  item_status_before TEXT NOT NULL DEFAULT 'available'
) STRICT;
CREATE UNIQUE INDEX loans_one_open_per_item ON loans (item_id) WHERE returned_at IS NULL;
CREATE INDEX loans_open_by_patron ON loans (patron_id) WHERE returned_at IS NULL;
CREATE INDEX loans_open_by_due ON loans (due_date) WHERE returned_at IS NULL;

-- A resident waiting for a title: a returned copy of it goes to the staff shelf, not the open shelf.
CREATE TABLE holds (
  id           INTEGER PRIMARY KEY,
  record_id    INTEGER NOT NULL REFERENCES records (id),
  patron_id    INTEGER NOT NULL REFERENCES patrons (id),
  created_at   TEXT NOT NULL,
  fulfilled_at TEXT,
  cancelled_at TEXT
) STRICT;
CREATE INDEX holds_open_by_record ON holds (record_id) WHERE fulfilled_at IS NULL AND cancelled_at IS NULL;
