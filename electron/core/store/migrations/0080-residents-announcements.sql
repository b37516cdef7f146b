-- 0080: announcements on the idle screen. Staff schedule notices between two local days; the
-- calendar of reading and lifelong-learning days comes preloaded (texts live in the locale files,
-- keyed by `key`, so every language shows them).

CREATE TABLE announcements (
  id         INTEGER PRIMARY KEY,
  title      TEXT NOT NULL,
  body       TEXT NOT NULL DEFAULT '',
  image_mime TEXT CHECK (image_mime IN ('image/png', 'image/jpeg', 'image/webp')),
  image      BLOB,
  starts_on  TEXT NOT NULL,
  ends_on    TEXT NOT NULL CHECK (ends_on >= starts_on),
  created_by INTEGER REFERENCES staff (id),
  created_at TEXT NOT NULL,
  removed_at TEXT,
  CHECK ((image IS NULL) = (image_mime IS NULL))
) STRICT;
CREATE INDEX announcements_days ON announcements (starts_on, ends_on) WHERE removed_at IS NULL;

-- One row per yearly event: the day it falls on, how many days it lasts, and how many days
-- before it the idle screen starts announcing it.
CREATE TABLE reading_calendar (
  key           TEXT PRIMARY KEY,
  month         INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
  day           INTEGER NOT NULL CHECK (day BETWEEN 1 AND 31),
  duration_days INTEGER NOT NULL DEFAULT 1 CHECK (duration_days BETWEEN 1 AND 31),
  lead_days     INTEGER NOT NULL DEFAULT 7 CHECK (lead_days BETWEEN 0 AND 60),
  enabled       INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1))
) STRICT;

INSERT INTO reading_calendar (key, month, day, duration_days, lead_days) VALUES
  ('vietnamBookDay', 4, 21, 1, 7),         -- Ngày Sách và Văn hóa đọc Việt Nam
  ('worldBookDay', 4, 23, 1, 7),           -- Ngày Sách và Bản quyền thế giới
  ('lifelongLearningWeek', 10, 1, 7, 7),   -- Tuần lễ hưởng ứng học tập suốt đời (1–7/10)
  ('culturalHeritageDay', 11, 23, 1, 7);   -- Ngày Di sản văn hóa Việt Nam
