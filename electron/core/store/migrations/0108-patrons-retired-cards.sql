-- Card numbers that no longer open a card (issue #21, card care at the desk): a lost card reissued
-- under a new number, or a duplicate record merged into the resident's other one. The old number is
-- refused with where the card went, and is never issued again.
CREATE TABLE retired_cards (
  card_number TEXT PRIMARY KEY,
  patron_id   INTEGER NOT NULL REFERENCES patrons (id),
  reason      TEXT NOT NULL CHECK (reason IN ('reissued', 'merged')),
  retired_at  TEXT NOT NULL,
  staff_id    INTEGER
) STRICT;
CREATE INDEX retired_cards_patron ON retired_cards (patron_id);
