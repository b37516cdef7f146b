// Installing a content pack atomically: check the zip's directory and manifest, stream every file
// into a staging folder while hashing and sniffing it, and only when all of it is verified switch
// the pack in (one transaction); the previous version stays in use until then and is removed after.
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat, statfs } from 'node:fs/promises';
import { join } from 'node:path';
import type { ZipFile } from 'yauzl';
import type { InstallResult } from '#contract/eresources';
import type { KioskContext } from '../context';
import { KioskError } from '../errors';
import { recordEvent } from '../store/event-types';
import { compareVersions, declaredFiles, MANIFEST_NAME, MAX_MANIFEST_BYTES, packManifest, safePackPath, type PackManifest } from './manifest';
import { packsRoot, stagingRoot } from './paths';
import { reject } from './rejections';
import { findPack, toPackView, usedBytes, writePack } from './store';
import { forEachEntry, readEntryText, type ZipEntryInfo } from './zip';
import { diskUsageOf } from './usage';
import { extractOffThread } from './extract-thread';
import { isKiosk, openZipOrReject, runZip } from './extract';
import { markStaging, removeStaging } from './staging';
import { ownedError } from '../store/owner';

export interface InstallProgress {
  phase: 'checking' | 'copying' | 'verifying' | 'switching' | 'done';
  bytesDone: number;
  bytesTotal: number;
}

export interface InstallOptions {
  onProgress?: (progress: InstallProgress) => void;
  /** Who installed it, for the staff action event (null: the technician's CLI or the demo seed). */
  staffId?: number | null;
}

const locks = new WeakMap<KioskContext, boolean>();

interface Checked {
  manifest: PackManifest;
  entries: Map<string, ZipEntryInfo>;
  totalBytes: number;
}

/** Pass 1: the central directory and the manifest only; nothing is written. */
async function checkDirectory(zip: ZipFile): Promise<Checked> {
  const entries = new Map<string, ZipEntryInfo>();
  let manifestText: string | undefined;
  let sawManifest = false;
  await forEachEntry(zip, async (info) => {
    if (info.isSymlink) throw reject.pathEscape(info.name);
    const bare = info.isDirectory ? info.name.slice(0, -1) : info.name;
    if (safePackPath(bare) === undefined) throw reject.pathEscape(info.name);
    if (info.isDirectory) return;
    if (entries.has(info.name)) throw reject.corruptZip(`tệp "${info.name}" xuất hiện hai lần`);
    entries.set(info.name, info);
    if (info.name === MANIFEST_NAME) {
      sawManifest = true;
      manifestText = await readEntryText(zip, info.entry, MAX_MANIFEST_BYTES);
    }
  });
  if (!sawManifest) throw reject.manifestMissing();
  if (manifestText === undefined) throw reject.manifestInvalid(['manifest.json lớn hơn 1 MB']);
  let json: unknown;
  try {
    json = JSON.parse(manifestText.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw reject.manifestInvalid([`không phải JSON hợp lệ (${(error as Error).message.slice(0, 80)})`]);
  }
  // Paths are checked before the rest of the schema so an escaping path gets its own reason.
  for (const path of rawDeclaredPaths(json)) if (safePackPath(path) === undefined) throw reject.pathEscape(path);
  const parsed = packManifest.safeParse(json);
  if (!parsed.success) {
    throw reject.manifestInvalid(parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(gốc)'}: ${i.message}`));
  }
  const manifest = parsed.data;
  const declared = declaredFiles(manifest);
  let totalBytes = 0;
  for (const [path, { file }] of declared) {
    const entry = entries.get(path);
    if (!entry) throw reject.missingFile(path);
    if (entry.uncompressedSize !== file.size) throw reject.sizeMismatch(path);
    totalBytes += file.size;
  }
  for (const name of entries.keys()) if (name !== MANIFEST_NAME && !declared.has(name)) throw reject.undeclaredFile(name);
  return { manifest, entries, totalBytes };
}

function rawDeclaredPaths(json: unknown): string[] {
  const resources = (json as { resources?: unknown })?.resources;
  if (!Array.isArray(resources)) return [];
  const paths: string[] = [];
  for (const r of resources) {
    for (const part of ['file', 'cover']) {
      const path = (r as Record<string, { path?: unknown } | undefined>)?.[part]?.path;
      if (typeof path === 'string') paths.push(path);
    }
  }
  return paths;
}

async function checkSpace(ctx: KioskContext, checked: Checked): Promise<void> {
  const quotaBytes = ctx.config.eresources.quotaMegabytes * 1024 * 1024;
  const replaced = findPack(ctx.db, checked.manifest.id)?.bytes ?? 0;
  const used = usedBytes(ctx.db) - replaced;
  if (used + checked.totalBytes > quotaBytes) throw reject.overQuota(checked.totalBytes, quotaBytes - used, quotaBytes);
  try {
    const fs = await statfs(ctx.dataDir);
    // The old version stays on disk until the new one is in: both must fit at once.
    if (fs.bavail * fs.bsize < checked.totalBytes + 16 * 1024 * 1024) throw reject.diskFull();
  } catch (error) {
    if (isKiosk(error)) throw error;
  }
}

export async function installPack(ctx: KioskContext, zipPath: string, options: InstallOptions = {}): Promise<InstallResult> {
  // Only the data folder's owner installs: it alone may clean staging up after a crash.
  if (ctx.role !== 'owner') throw ownedError(ctx.dataDir, 'Không cài được gói tài liệu');
  if (locks.get(ctx)) throw reject.busy();
  locks.set(ctx, true);
  const staging = join(stagingRoot(ctx.dataDir), `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`);
  let zip: ZipFile | undefined;
  try {
    const size = await stat(zipPath).then(
      (s) => (s.isFile() ? s.size : undefined),
      () => undefined,
    );
    if (size === undefined) throw reject.notFound(zipPath);
    options.onProgress?.({ phase: 'checking', bytesDone: 0, bytesTotal: size });
    zip = await openZipOrReject(zipPath);
    const checked = await runZip(() => checkDirectory(zip!));
    zip.close();
    zip = undefined;

    const existing = findPack(ctx.db, checked.manifest.id);
    if (existing && compareVersions(checked.manifest.version, existing.version) <= 0) {
      throw reject.notNewer(existing.id, existing.version, checked.manifest.version);
    }
    await checkSpace(ctx, checked);

    await mkdir(staging, { recursive: true });
    markStaging(ctx, staging);
    const total = checked.totalBytes;
    let lastReport = 0;
    // Reading, hashing, sniffing and writing hundreds of MB runs on the second core.
    const mimes = await extractOffThread(zipPath, checked.manifest, staging, total, (done) => {
      // A progress event per ~1% keeps the WebSocket quiet on big packs.
      if (done - lastReport >= total / 100 || done === total) {
        lastReport = done;
        options.onProgress?.({ phase: 'copying', bytesDone: done, bytesTotal: total });
      }
    });

    options.onProgress?.({ phase: 'switching', bytesDone: total, bytesTotal: total });
    const folder = `${checked.manifest.id}@${checked.manifest.version}-${randomBytes(4).toString('hex')}`;
    const finalDir = join(packsRoot(ctx.dataDir), folder);
    await mkdir(packsRoot(ctx.dataDir), { recursive: true });
    await rename(staging, finalDir);
    const at = new Date(ctx.clock.now()).toISOString();
    try {
      ctx.db.transaction(() => {
        writePack(ctx.db, checked.manifest, { folder, bytes: total, at, mimes });
        if (options.staffId != null)
          recordEvent(ctx.db, ctx.clock, 'staff.action', {
            staffId: options.staffId,
            action: 'eresources.pack_installed',
            target: `${checked.manifest.id}@${checked.manifest.version}`,
          });
      })();
    } catch (error) {
      await rm(finalDir, { recursive: true, force: true });
      throw error;
    }
    if (existing) await rm(join(packsRoot(ctx.dataDir), existing.folder), { recursive: true, force: true });
    options.onProgress?.({ phase: 'done', bytesDone: total, bytesTotal: total });
    ctx.log.log('info', 'eresources.pack_installed', { pack: checked.manifest.id, version: checked.manifest.version, bytes: total });
    return { pack: toPackView(ctx.db, findPack(ctx.db, checked.manifest.id)!), replacedVersion: existing?.version ?? null, usage: await diskUsageOf(ctx) };
  } finally {
    zip?.close();
    await removeStaging(staging);
    locks.delete(ctx);
  }
}

/** Removes a pack's resources and files. */
export async function removePack(ctx: KioskContext, id: string, staffId: number | null = null) {
  if (ctx.role !== 'owner') throw ownedError(ctx.dataDir, 'Không gỡ được gói tài liệu');
  const pack = findPack(ctx.db, id);
  if (!pack) throw new KioskError('not_found', `Không có gói "${id}" trên kiosk. Hãy xem danh sách gói đã cài.`, { reason: 'pack_not_installed' });
  const view = toPackView(ctx.db, pack);
  ctx.db.transaction(() => {
    ctx.db.prepare('DELETE FROM eresources WHERE pack_id = ?').run(id);
    ctx.db.prepare('DELETE FROM eresource_packs WHERE id = ?').run(id);
    if (staffId !== null) recordEvent(ctx.db, ctx.clock, 'staff.action', { staffId, action: 'eresources.pack_removed', target: `${id}@${pack.version}` });
  })();
  await rm(join(packsRoot(ctx.dataDir), pack.folder), { recursive: true, force: true });
  return { removed: view, usage: await diskUsageOf(ctx) };
}
