-- 0055: the indicators audited against their definitions (issue #24).
-- "Residents served for the first time this year" looks up, for each resident served on a day,
-- whether they used a service earlier in the same year: this partial index over the use events
-- makes that one lookup per resident instead of a scan of the year.
CREATE INDEX events_use_patron_day ON events (json_extract(payload, '$.patronId'), day)
  WHERE type IN ('patron.signed_in','loan.checkout','internet.session_started','eresource.opened','loan.renew');

-- Every day is recomputed by today's definitions (acquisitions without rotation books, visits
-- from every service, residents served) and re-sent with its next revision, so the collector
-- replaces the figures it holds instead of adding to them.
INSERT OR IGNORE INTO upload_dirty_days (day) SELECT DISTINCT day FROM events;
