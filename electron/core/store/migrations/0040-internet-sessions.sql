-- 0040: free internet sessions: sessions (with a checkpoint of used time so a crash can resume),
-- one-day guest passes, staff extensions of a resident's day, and the queue for the PC.

CREATE TABLE internet_guest_passes (
  id          INTEGER PRIMARY KEY,
  code        TEXT NOT NULL UNIQUE,
  minutes     INTEGER NOT NULL CHECK (minutes > 0),
  valid_day   TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  created_by  INTEGER REFERENCES staff (id),
  used_at     TEXT
) STRICT;

CREATE TABLE internet_sessions (
  id             INTEGER PRIMARY KEY,
  patron_id      INTEGER REFERENCES patrons (id),
  guest_pass_id  INTEGER REFERENCES internet_guest_passes (id),
  sign_in_method TEXT NOT NULL CHECK (sign_in_method IN ('card', 'cccd', 'guest', 'manual')),
  category       TEXT NOT NULL,
  gender         TEXT NOT NULL,
  age_band       TEXT NOT NULL,
  day            TEXT NOT NULL,
  started_at     TEXT NOT NULL,
  -- Everything granted so far (initial allowance + extensions) and what the binding limit was.
  allowance_ms   INTEGER NOT NULL CHECK (allowance_ms >= 0),
  limited_by     TEXT NOT NULL,
  -- Used time measured on the monotonic clock, saved every few seconds: a crash loses at most that.
  used_ms        INTEGER NOT NULL DEFAULT 0 CHECK (used_ms >= 0),
  checkpoint_at  TEXT NOT NULL,
  boot_id        TEXT NOT NULL,
  uptime_s       REAL NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('active', 'suspended', 'ended')),
  ended_at       TEXT,
  end_reason     TEXT CHECK (end_reason IN ('time_up', 'resident', 'staff', 'closing', 'crash', 'emergency')),
  pages_printed  INTEGER NOT NULL DEFAULT 0,
  downloads_dir  TEXT,
  more_time_requested_at TEXT,
  auto_extended  INTEGER NOT NULL DEFAULT 0,
  CHECK ((patron_id IS NULL) <> (guest_pass_id IS NULL))
) STRICT;
CREATE INDEX internet_sessions_day ON internet_sessions (day, patron_id);
-- One PC, one open session: the store refuses a second one whatever the code does.
CREATE UNIQUE INDEX internet_sessions_one_open ON internet_sessions ((1)) WHERE status <> 'ended';

CREATE TABLE internet_day_extra (
  patron_id INTEGER NOT NULL REFERENCES patrons (id),
  day       TEXT NOT NULL,
  minutes   INTEGER NOT NULL,
  PRIMARY KEY (patron_id, day)
) STRICT;

CREATE TABLE internet_queue (
  id         INTEGER PRIMARY KEY,
  patron_id  INTEGER NOT NULL REFERENCES patrons (id),
  ticket     INTEGER NOT NULL,
  day        TEXT NOT NULL,
  joined_at  TEXT NOT NULL,
  status     TEXT NOT NULL CHECK (status IN ('waiting', 'served', 'left', 'missed')),
  called_at  TEXT
) STRICT;
CREATE UNIQUE INDEX internet_queue_one_place ON internet_queue (patron_id) WHERE status = 'waiting';
