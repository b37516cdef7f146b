-- An ISBN that fails its check (MARC 020 $z, "cancelled/invalid ISBN") is kept beside the valid
-- one instead of losing the record: shown to staff, found by search, matched on re-import.
ALTER TABLE records ADD COLUMN invalid_isbn TEXT;
CREATE INDEX records_invalid_isbn ON records (invalid_isbn) WHERE invalid_isbn IS NOT NULL;
