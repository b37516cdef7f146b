-- 0096: the room's console (issue #18). On a hub: each paired PC's last internet report, as its
-- heartbeat gave it, for `kiosk room status` and the technician's page (another process than the
-- one that serves the room). Written when the PC's state changes and at most once a minute
-- otherwise. No resident's name is kept here: `who` is blanked before it is written.

ALTER TABLE room_pcs ADD COLUMN report TEXT CHECK (report IS NULL OR json_valid(report));
ALTER TABLE room_pcs ADD COLUMN reported_at TEXT;
