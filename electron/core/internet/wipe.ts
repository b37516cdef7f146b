// Wipe between residents, as a plan: what the browsing surface must clear for a session, and the
// per-session downloads folder that only the core creates and deletes.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { WipeStep } from '#contract/internet';

export const ALL_WIPE_STEPS: readonly WipeStep[] = [
  'tabs',
  'cookies',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'cacheStorage',
  'serviceWorkers',
  'httpCache',
  'history',
  'formData',
  'permissions',
  'authCache',
  'downloads',
];

export interface WipePlan {
  sessionId: number;
  /** The Electron session partition of this resident (in memory: no `persist:` prefix). */
  partition: string;
  steps: readonly WipeStep[];
  downloadsDir: string | null;
}

export function partitionFor(sessionId: number): string {
  return `internet-session-${sessionId}`;
}

export function wipePlan(sessionId: number, downloadsDir: string | null): WipePlan {
  return { sessionId, partition: partitionFor(sessionId), steps: ALL_WIPE_STEPS, downloadsDir };
}

export function downloadsRoot(dataDir: string): string {
  return join(dataDir, 'internet-downloads');
}

/** A fresh, unguessable folder for one session's downloads. */
export function createDownloadsDir(dataDir: string): string {
  const dir = join(downloadsRoot(dataDir), randomBytes(8).toString('hex'));
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Deletes a session's folder; only ever something under the downloads root of this data directory. */
export function deleteDownloadsDir(dataDir: string, dir: string | null): void {
  if (dir && dir.startsWith(downloadsRoot(dataDir) + sep)) rmSync(dir, { recursive: true, force: true });
}

/** At start: every leftover folder goes, except the one of a session that may still resume. */
export function sweepDownloads(dataDir: string, keep: string | null): void {
  const root = downloadsRoot(dataDir);
  if (!existsSync(root)) return;
  for (const entry of readdirSync(root)) {
    const path = join(root, entry);
    if (path !== keep) rmSync(path, { recursive: true, force: true });
  }
}

/** Allowed types by extension; the name is reduced to safe characters so it stays inside the folder. */
export function safeDownloadName(fileName: string, allowedExtensions: readonly string[]): { ok: true; name: string } | { ok: false; extension: string } {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const cleaned =
    base
      .normalize('NFC')
      .replace(/[^\p{L}\p{N}._ -]/gu, '_')
      .replace(/^\.+/, '')
      .slice(0, 120) || 'tep-tai-ve';
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 ? cleaned.slice(dot + 1).toLowerCase() : '';
  if (!allowedExtensions.includes(extension)) return { ok: false, extension };
  return { ok: true, name: cleaned };
}
