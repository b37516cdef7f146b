-- 0001: the kiosk's first schema: metadata, the append-only event log, catalogue, patrons, staff,
-- and e-resources. Later features add numbered files of their own.

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- Every state change appends one row here in the same transaction; statistics read only this.
-- `day` is the local (Asia/Ho_Chi_Minh) calendar day, so reports never re-derive time zones.
CREATE TABLE events (
  id      INTEGER PRIMARY KEY AUTOINCREMENT,
  at      TEXT NOT NULL,
  day     TEXT NOT NULL,
  type    TEXT NOT NULL,
  payload TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(payload))
) STRICT;
CREATE INDEX events_day_type ON events (day, type);
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

CREATE TABLE collections (
  id             INTEGER PRIMARY KEY,
  code           TEXT NOT NULL UNIQUE,
  name           TEXT NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('own', 'rotation')),
  source_library TEXT,
  due_back       TEXT,
  received_at    TEXT,
  returned_at    TEXT,
  created_at     TEXT NOT NULL
) STRICT;

CREATE TABLE records (
  id             INTEGER PRIMARY KEY,
  control_number TEXT UNIQUE,
  title          TEXT NOT NULL,
  authors        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(authors)),
  subjects       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(subjects)),
  publisher      TEXT,
  year           INTEGER,
  isbn           TEXT,
  call_number    TEXT,
  language       TEXT NOT NULL DEFAULT 'vie',
  summary        TEXT,
  material_type  TEXT NOT NULL DEFAULT 'book',
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
) STRICT;
CREATE INDEX records_isbn ON records (isbn);

CREATE TABLE items (
  id            INTEGER PRIMARY KEY,
  barcode       TEXT NOT NULL UNIQUE,
  record_id     INTEGER NOT NULL REFERENCES records (id) ON DELETE CASCADE,
  collection_id INTEGER NOT NULL REFERENCES collections (id),
  location      TEXT,
  status        TEXT NOT NULL DEFAULT 'available'
                CHECK (status IN ('available', 'on_loan', 'reference', 'lost', 'in_transit')),
  added_at      TEXT NOT NULL
) STRICT;
CREATE INDEX items_record ON items (record_id);
CREATE INDEX items_collection ON items (collection_id);

-- Only what circulation and statistics need. A CCCD is kept as a keyed hash, never in clear.
CREATE TABLE patrons (
  id          INTEGER PRIMARY KEY,
  card_number TEXT NOT NULL UNIQUE,
  full_name   TEXT NOT NULL,
  birth_year  INTEGER,
  gender      TEXT CHECK (gender IN ('male', 'female', 'other')),
  category    TEXT NOT NULL,
  village     TEXT,
  phone       TEXT,
  card_expiry TEXT NOT NULL,
  status      TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'blocked', 'pending')),
  cccd_hash   TEXT UNIQUE,
  created_at  TEXT NOT NULL
) STRICT;

CREATE TABLE staff (
  id              INTEGER PRIMARY KEY,
  card_number     TEXT NOT NULL UNIQUE,
  display_name    TEXT NOT NULL,
  role            TEXT NOT NULL CHECK (role IN ('staff', 'technician')),
  pin_hash        TEXT NOT NULL,
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until    TEXT,
  created_at      TEXT NOT NULL
) STRICT;

CREATE TABLE eresources (
  id          INTEGER PRIMARY KEY,
  title       TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  topic       TEXT NOT NULL,
  audience    TEXT NOT NULL DEFAULT 'all',
  language    TEXT NOT NULL DEFAULT 'vie',
  format      TEXT NOT NULL CHECK (format IN ('pdf', 'epub', 'audio', 'video', 'image', 'html', 'link')),
  source      TEXT NOT NULL DEFAULT '',
  url         TEXT,
  pack_id     TEXT,
  path        TEXT,
  created_at  TEXT NOT NULL
) STRICT;
