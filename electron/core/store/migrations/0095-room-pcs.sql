-- 0095: the room (issue #18). On a hub: the PCs paired with it (identified by the SHA-256 of the
-- certificate it signed for them; revoking one cuts it off at its next connection or call) and the
-- one-time pairing codes. Standalone kiosks and room kiosks leave both tables empty.

CREATE TABLE room_pcs (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL,
  fingerprint  TEXT NOT NULL UNIQUE CHECK (length(fingerprint) = 64),
  paired_at    TEXT NOT NULL,
  last_seen_at TEXT,
  revoked_at   TEXT
) STRICT;

-- A code is never stored: `key` is its scrypt derivation (what both sides use for their proofs).
-- Every attempt is counted before it is checked, so a code dies after a few wrong guesses.
CREATE TABLE room_pairing_codes (
  id              INTEGER PRIMARY KEY,
  key             TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  expires_at      TEXT NOT NULL,
  used_at         TEXT,
  used_by         INTEGER REFERENCES room_pcs (id),
  cancelled_at    TEXT,
  failed_attempts INTEGER NOT NULL DEFAULT 0
) STRICT;
