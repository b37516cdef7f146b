-- 0076: per-row checksums on the catalogue (records) and patrons, so damage inside a row (a flipped
-- byte in a title: quick_check and integrity_check see nothing) is detected at start and in the
-- self-test. The triggers use built-in SQL only, so every writer (an import worker, the sqlite3
-- tool) keeps working: they mark a written row as "to hash" (hash NULL), and the kiosk computes the
-- hash in code (store/row-checks.ts) shortly after, when idle and when it closes.
CREATE TABLE row_checks (
  tbl    TEXT NOT NULL,
  row_id INTEGER NOT NULL,
  hash   TEXT,
  PRIMARY KEY (tbl, row_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX row_checks_pending ON row_checks (tbl) WHERE hash IS NULL;

CREATE TRIGGER row_checks_records_insert AFTER INSERT ON records BEGIN
  INSERT OR REPLACE INTO row_checks (tbl, row_id, hash) VALUES ('records', NEW.id, NULL);
END;
CREATE TRIGGER row_checks_records_update AFTER UPDATE ON records BEGIN
  INSERT OR REPLACE INTO row_checks (tbl, row_id, hash) VALUES ('records', NEW.id, NULL);
END;
CREATE TRIGGER row_checks_records_delete AFTER DELETE ON records BEGIN
  DELETE FROM row_checks WHERE tbl = 'records' AND row_id = OLD.id;
END;
CREATE TRIGGER row_checks_patrons_insert AFTER INSERT ON patrons BEGIN
  INSERT OR REPLACE INTO row_checks (tbl, row_id, hash) VALUES ('patrons', NEW.id, NULL);
END;
CREATE TRIGGER row_checks_patrons_update AFTER UPDATE ON patrons BEGIN
  INSERT OR REPLACE INTO row_checks (tbl, row_id, hash) VALUES ('patrons', NEW.id, NULL);
END;
CREATE TRIGGER row_checks_patrons_delete AFTER DELETE ON patrons BEGIN
  DELETE FROM row_checks WHERE tbl = 'patrons' AND row_id = OLD.id;
END;

-- Rows already there are hashed by the kiosk at its next start.
INSERT INTO row_checks (tbl, row_id, hash) SELECT 'records', id, NULL FROM records;
INSERT INTO row_checks (tbl, row_id, hash) SELECT 'patrons', id, NULL FROM patrons;
