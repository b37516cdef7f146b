-- 0021: holds that can be placed, kept and picked up. A returned copy is set aside for the oldest
-- waiting hold (item_id) and kept on the staff shelf until ready_until; a hold ends fulfilled (the
-- resident borrowed the title) or cancelled, with who or what ended it.

ALTER TABLE holds ADD COLUMN item_id INTEGER REFERENCES items (id);
ALTER TABLE holds ADD COLUMN ready_at TEXT;
ALTER TABLE holds ADD COLUMN ready_until TEXT;   -- last local day (YYYY-MM-DD) the copy is kept
ALTER TABLE holds ADD COLUMN cancel_reason TEXT CHECK (cancel_reason IN ('resident', 'staff', 'expired'));

-- One open hold per resident and title, and one open hold per copy set aside, enforced by the
-- database so two kiosks (or two taps) cannot queue a resident twice or give one copy to two people.
CREATE UNIQUE INDEX holds_one_open_per_patron ON holds (record_id, patron_id) WHERE fulfilled_at IS NULL AND cancelled_at IS NULL;
CREATE UNIQUE INDEX holds_one_open_per_item ON holds (item_id) WHERE item_id IS NOT NULL AND fulfilled_at IS NULL AND cancelled_at IS NULL;
CREATE INDEX holds_open_by_patron ON holds (patron_id) WHERE fulfilled_at IS NULL AND cancelled_at IS NULL;
