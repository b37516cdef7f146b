-- Card holders protected against typed numbers (issue #16):
--  * an optional resident PIN (scrypt hash), with the same anti-guessing counter as staff PINs;
--  * the typed card numbers of this kiosk, counted for its manual-entry rate limit (kept one day).
CREATE TABLE patron_pins (
  patron_id       INTEGER PRIMARY KEY REFERENCES patrons (id) ON DELETE CASCADE,
  pin_hash        TEXT NOT NULL,
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until    TEXT,
  set_at          TEXT NOT NULL,
  set_by          TEXT NOT NULL CHECK (set_by IN ('resident', 'staff'))
) STRICT;

CREATE TABLE typed_card_entries (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL
) STRICT;
CREATE INDEX typed_card_entries_at ON typed_card_entries (at);
