-- A duplicate merged into a resident neither of whose cards had been used left last_seen_at as '' (not
-- NULL), which the retention rule then read as a date and failed on (issue #21, card care). The merge
-- now keeps NULL; this mends the rows already written.
UPDATE patrons SET last_seen_at = NULL WHERE last_seen_at = '';
