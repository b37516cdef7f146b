// SQL of the digital library: installed packs, their resources, and the folded search text.
import type { EresourceView, PackView } from '#contract/eresources';
import { foldVietnamese } from '../text/fold';
import type { Db } from '../store/open';
import type { PackManifest } from './manifest';

export interface PackRow {
  id: string;
  version: string;
  title: string;
  publisher: string;
  description: string;
  folder: string;
  bytes: number;
  installed_at: string;
}

export interface ResourceRow {
  id: number;
  title: string;
  description: string;
  topic: string;
  audience: string;
  language: string;
  format: EresourceView['format'];
  source: string;
  url: string | null;
  pack_id: string | null;
  path: string | null;
  resource_key: string | null;
  cover_path: string | null;
  mime: string | null;
  size: number | null;
  featured: number;
  search_text: string;
  created_at: string;
}

export function searchTextOf(r: { title: string; description: string; topic: string; source: string }): string {
  return foldVietnamese([r.title, r.topic, r.source, r.description].join(' \u2022 '));
}

export function toView(row: ResourceRow): EresourceView {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    topic: row.topic,
    audience: row.audience,
    language: row.language,
    format: row.format,
    source: row.source,
    featured: row.featured === 1,
    hasFile: row.path !== null && row.pack_id !== null,
    hasCover: row.cover_path !== null && row.pack_id !== null,
    mime: row.mime,
    size: row.size,
    url: row.url,
    packId: row.pack_id,
  };
}

export function listPacks(db: Db): PackRow[] {
  return db.prepare('SELECT * FROM eresource_packs ORDER BY title, id').all() as PackRow[];
}

export function findPack(db: Db, id: string): PackRow | undefined {
  return db.prepare('SELECT * FROM eresource_packs WHERE id = ?').get(id) as PackRow | undefined;
}

export function packResourceCount(db: Db, id: string): number {
  return (db.prepare('SELECT count(*) AS n FROM eresources WHERE pack_id = ?').get(id) as { n: number }).n;
}

export function toPackView(db: Db, row: PackRow): PackView {
  return {
    id: row.id,
    version: row.version,
    title: row.title,
    publisher: row.publisher,
    installedAt: row.installed_at,
    bytes: row.bytes,
    resources: packResourceCount(db, row.id),
  };
}

export function usedBytes(db: Db): number {
  return (db.prepare('SELECT coalesce(sum(bytes), 0) AS n FROM eresource_packs').get() as { n: number }).n;
}

export function allResources(db: Db): ResourceRow[] {
  return db.prepare('SELECT * FROM eresources ORDER BY featured DESC, title, id').all() as ResourceRow[];
}

export function findResource(db: Db, id: number): ResourceRow | undefined {
  return db.prepare('SELECT * FROM eresources WHERE id = ?').get(id) as ResourceRow | undefined;
}

/** Replaces a pack's row and resources with the new version's; call inside a transaction. */
export function writePack(db: Db, manifest: PackManifest, info: { folder: string; bytes: number; at: string; mimes: Map<string, string> }): void {
  db.prepare('DELETE FROM eresources WHERE pack_id = ?').run(manifest.id);
  db.prepare('DELETE FROM eresource_packs WHERE id = ?').run(manifest.id);
  db.prepare(
    `INSERT INTO eresource_packs (id, version, title, publisher, description, folder, bytes, installed_at)
     VALUES (@id, @version, @title, @publisher, @description, @folder, @bytes, @at)`,
  ).run({
    id: manifest.id,
    version: manifest.version,
    title: manifest.title,
    publisher: manifest.publisher,
    description: manifest.description,
    folder: info.folder,
    bytes: info.bytes,
    at: info.at,
  });
  const insert = db.prepare(
    `INSERT INTO eresources (title, description, topic, audience, language, format, source, url, pack_id, path, resource_key, cover_path, mime, size, featured, search_text, created_at)
     VALUES (@title, @description, @topic, @audience, @language, @format, @source, @url, @packId, @path, @key, @cover, @mime, @size, @featured, @searchText, @at)`,
  );
  for (const r of manifest.resources) {
    const source = r.source || manifest.publisher;
    insert.run({
      title: r.title,
      description: r.description,
      topic: r.topic,
      audience: r.audience,
      language: r.language,
      format: r.format,
      source,
      url: r.url ?? null,
      packId: manifest.id,
      path: r.file?.path ?? null,
      key: r.id,
      cover: r.cover?.path ?? null,
      mime: r.file ? (info.mimes.get(r.file.path) ?? null) : null,
      size: r.file?.size ?? null,
      featured: r.featured ? 1 : 0,
      searchText: searchTextOf({ ...r, source }),
      at: info.at,
    });
  }
}

/** Rows written before the search column existed (the demo seed's links) get their folded text. */
export function backfillSearchText(db: Db): void {
  const rows = db.prepare("SELECT * FROM eresources WHERE search_text = ''").all() as ResourceRow[];
  const update = db.prepare('UPDATE eresources SET search_text = ? WHERE id = ?');
  db.transaction(() => rows.forEach((r) => update.run(searchTextOf(r), r.id)))();
}
