-- 0060: content packs for the digital library. A pack's files live in eresources/packs/<folder>
-- under the data directory; its resources are rows of `eresources` carrying the pack id.

CREATE TABLE eresource_packs (
  id           TEXT PRIMARY KEY,
  version      TEXT NOT NULL,
  title        TEXT NOT NULL,
  publisher    TEXT NOT NULL,
  description  TEXT NOT NULL DEFAULT '',
  -- Folder name under eresources/packs: changes with every install so the old one stays readable
  -- until the new one has been switched in.
  folder       TEXT NOT NULL UNIQUE,
  bytes        INTEGER NOT NULL,
  installed_at TEXT NOT NULL
) STRICT;

ALTER TABLE eresources ADD COLUMN resource_key TEXT;
ALTER TABLE eresources ADD COLUMN cover_path TEXT;
ALTER TABLE eresources ADD COLUMN mime TEXT;
ALTER TABLE eresources ADD COLUMN size INTEGER;
ALTER TABLE eresources ADD COLUMN featured INTEGER NOT NULL DEFAULT 0;
-- Title, description, topic and source folded (no tone marks, đ → d) for accent-insensitive search.
ALTER TABLE eresources ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
CREATE INDEX eresources_pack ON eresources (pack_id);
CREATE UNIQUE INDEX eresources_pack_key ON eresources (pack_id, resource_key) WHERE pack_id IS NOT NULL;
