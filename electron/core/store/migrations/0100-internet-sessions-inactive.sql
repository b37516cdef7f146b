-- 0100: an internet session can end as 'inactive': nobody answered "Bạn còn dùng máy không?" after
-- internet.inactivityMinutes without input (core/internet/inactivity.ts, issue #21). SQLite cannot
-- change a CHECK constraint in place, so the table is rebuilt with its rows, as 0075 did.

CREATE TABLE internet_sessions_0100 (
  id             INTEGER PRIMARY KEY,
  patron_id      INTEGER REFERENCES patrons (id),
  guest_pass_id  INTEGER REFERENCES internet_guest_passes (id),
  sign_in_method TEXT NOT NULL CHECK (sign_in_method IN ('card', 'cccd', 'guest', 'manual')),
  category       TEXT NOT NULL,
  gender         TEXT NOT NULL,
  age_band       TEXT NOT NULL,
  day            TEXT NOT NULL,
  started_at     TEXT NOT NULL,
  allowance_ms   INTEGER NOT NULL CHECK (allowance_ms >= 0),
  limited_by     TEXT NOT NULL,
  used_ms        INTEGER NOT NULL DEFAULT 0 CHECK (used_ms >= 0),
  checkpoint_at  TEXT NOT NULL,
  boot_id        TEXT NOT NULL,
  uptime_s       REAL NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('active', 'suspended', 'ended')),
  ended_at       TEXT,
  end_reason     TEXT CHECK (end_reason IN ('time_up', 'resident', 'staff', 'closing', 'crash', 'power_cut', 'emergency', 'inactive')),
  pages_printed  INTEGER NOT NULL DEFAULT 0,
  downloads_dir  TEXT,
  more_time_requested_at TEXT,
  auto_extended  INTEGER NOT NULL DEFAULT 0,
  -- JSON: what the restart found (boot ids, uptimes, wall clock) when it decided how the session ended.
  end_evidence   TEXT,
  CHECK ((patron_id IS NULL) <> (guest_pass_id IS NULL))
) STRICT;

INSERT INTO internet_sessions_0100 (id, patron_id, guest_pass_id, sign_in_method, category, gender, age_band, day, started_at,
  allowance_ms, limited_by, used_ms, checkpoint_at, boot_id, uptime_s, status, ended_at, end_reason, pages_printed, downloads_dir,
  more_time_requested_at, auto_extended, end_evidence)
SELECT id, patron_id, guest_pass_id, sign_in_method, category, gender, age_band, day, started_at,
  allowance_ms, limited_by, used_ms, checkpoint_at, boot_id, uptime_s, status, ended_at, end_reason, pages_printed, downloads_dir,
  more_time_requested_at, auto_extended, end_evidence
FROM internet_sessions;

DROP TABLE internet_sessions;
ALTER TABLE internet_sessions_0100 RENAME TO internet_sessions;
CREATE INDEX internet_sessions_day ON internet_sessions (day, patron_id);
CREATE UNIQUE INDEX internet_sessions_one_open ON internet_sessions ((1)) WHERE status <> 'ended';
