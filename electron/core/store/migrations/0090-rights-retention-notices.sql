-- The retention rule runs by itself (issue #16): a resident who has not used the library for
-- `circulation.retentionYears` is anonymised automatically, but never before staff have been told
-- for `circulation.retentionNoticeDays`. One row per resident staff have been told about: the local
-- day the notice began. The day of anonymisation is derived (the later of the retention day and the
-- end of the notice), so changing the configuration never needs this table rewritten. The row
-- holds no personal data and goes when the resident comes back, is erased, or the rule is off.
CREATE TABLE retention_notices (
  patron_id INTEGER PRIMARY KEY REFERENCES patrons (id),
  noticed_on TEXT NOT NULL CHECK (noticed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
);
