-- The CCCD HMAC key lives in the key vault (patrons/cccd-key.ts), never in the database: a copy of
-- kiosk.sqlite or of a backup must not be able to confirm a CCCD number. The key an older kiosk
-- kept here is moved out by the code at start; from now on it cannot be written back.
CREATE TRIGGER meta_no_cccd_key_insert BEFORE INSERT ON meta WHEN NEW.key = 'cccd_hmac_key'
BEGIN SELECT RAISE(ABORT, 'the CCCD key belongs in the key vault, not in the database'); END;
CREATE TRIGGER meta_no_cccd_key_update BEFORE UPDATE ON meta WHEN NEW.key = 'cccd_hmac_key'
BEGIN SELECT RAISE(ABORT, 'the CCCD key belongs in the key vault, not in the database'); END;
