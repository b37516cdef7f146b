// Finding content packs to import: .zip files in the USB folders the configuration names (or in one
// folder staff type), looked for two levels deep because sticks mount as /media/<user>/<label>.
import { readdirSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { KioskContext } from '../context';
import { refused } from '../errors';

export interface FoundPack {
  path: string;
  name: string;
  bytes: number;
}

const MAX_FOUND = 200;

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function walk(dir: string, depth: number, found: FoundPack[]): void {
  for (const name of listDir(dir).sort()) {
    if (found.length >= MAX_FOUND || name.startsWith('.')) continue;
    const path = join(dir, name);
    let stats;
    try {
      stats = statSync(path);
    } catch {
      continue;
    }
    if (stats.isFile() && name.toLowerCase().endsWith('.zip')) found.push({ path, name, bytes: stats.size });
    else if (stats.isDirectory() && depth > 0) walk(path, depth - 1, found);
  }
}

export function findPackSources(ctx: KioskContext, folder?: string): { folders: string[]; files: FoundPack[] } {
  if (folder !== undefined && !isAbsolute(folder)) {
    throw refused('folder_not_absolute', 'Hãy nhập đường dẫn đầy đủ của thư mục, ví dụ /media/usb hoặc E:\\goi-tai-lieu.');
  }
  const folders = folder !== undefined ? [folder] : ctx.config.eresources.importFolders;
  const files: FoundPack[] = [];
  for (const dir of folders) walk(dir, 3, files);
  return { folders, files };
}
