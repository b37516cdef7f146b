-- Residents' rights under Decree 13/2023 (issue #16):
--  * the consent a resident gave when the card was made: which text (version), when, and whether they
--    agreed on the kiosk screen or told the staff member at the desk;
--  * when the resident last used the kiosk, for the retention rule (anonymise after N years away);
--  * when the record was erased on request or by the retention rule: the row stays, stripped of
--    every personal field, so loans and events still point at one anonymous patron and statistics
--    do not change.
ALTER TABLE patrons ADD COLUMN consent_version TEXT;
ALTER TABLE patrons ADD COLUMN consent_at TEXT;
ALTER TABLE patrons ADD COLUMN consent_by TEXT CHECK (consent_by IN ('resident', 'staff'));
ALTER TABLE patrons ADD COLUMN last_seen_at TEXT;
ALTER TABLE patrons ADD COLUMN erased_at TEXT;
-- An erased card still counts among the cards active on the days before its erasure, in the same
-- coarse dimensions every event about it already carries (gender, age band), never a birth year.
ALTER TABLE patrons ADD COLUMN stats_gender TEXT;
ALTER TABLE patrons ADD COLUMN stats_age_band TEXT;

-- Cards made before this kiosk recorded visits: the latest of the card's creation, a loan or return,
-- and a sign-in event.
UPDATE patrons SET last_seen_at = max(
  created_at,
  coalesce((SELECT max(max(checked_out_at, coalesce(returned_at, ''))) FROM loans WHERE loans.patron_id = patrons.id), ''),
  coalesce((SELECT max(at) FROM events WHERE type = 'patron.signed_in' AND json_extract(payload, '$.patronId') = patrons.id), '')
);
CREATE INDEX patrons_last_seen ON patrons (last_seen_at) WHERE erased_at IS NULL;

-- A resident is "seen" whenever an event of theirs is written (sign-in, loan, return, renewal, hold,
-- an internet session, an e-resource opened, a card renewed at the desk): one trigger, in the same
-- transaction as the event, so no service has to remember it.
CREATE TRIGGER patrons_seen AFTER INSERT ON events
WHEN NEW.type IN ('patron.registered', 'patron.signed_in', 'patron.card_renewed', 'loan.checkout', 'loan.renew', 'loan.return',
                  'hold.placed', 'internet.session_started', 'eresource.opened')
  AND json_extract(NEW.payload, '$.patronId') IS NOT NULL
BEGIN
  UPDATE patrons SET last_seen_at = NEW.at
  WHERE id = json_extract(NEW.payload, '$.patronId') AND erased_at IS NULL AND (last_seen_at IS NULL OR last_seen_at < NEW.at);
END;
