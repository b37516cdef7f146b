// Where a technician's USB stick is: mount points under /media and /run/media on Linux (read from
// /proc/mounts), drive letters other than the system drive on Windows. Sources are injected so
// tests decide what the machine has.
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { RemovableMedium } from '#contract/technician';

export interface MediaSources {
  platform: NodeJS.Platform;
  /** Contents of /proc/mounts (Linux); undefined when unreadable. */
  mounts(): string | undefined;
  exists(path: string): boolean;
  systemDrive?: string | undefined;
}

/** Mount points under /media or /run/media; /proc/mounts writes a space as \040. */
export function parseRemovableMounts(text: string): string[] {
  const points = new Set<string>();
  for (const line of text.split('\n')) {
    const field = line.split(' ')[1];
    if (!field) continue;
    const point = field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(Number.parseInt(octal, 8)));
    if (/^\/(run\/)?media\/./.test(point)) points.add(point);
  }
  return [...points].sort();
}

export function listRemovableMedia(sources: MediaSources): RemovableMedium[] {
  if (sources.platform === 'win32') {
    const system = (sources.systemDrive ?? 'C:').toUpperCase();
    const media: RemovableMedium[] = [];
    for (let code = 'D'.charCodeAt(0); code <= 'Z'.charCodeAt(0); code += 1) {
      const drive = `${String.fromCharCode(code)}:`;
      if (drive !== system && sources.exists(`${drive}\\`)) media.push({ path: `${drive}\\`, label: drive });
    }
    return media;
  }
  const text = sources.mounts();
  return text === undefined ? [] : parseRemovableMounts(text).map((path) => ({ path, label: basename(path) }));
}

export const systemMediaSources: MediaSources = {
  platform: process.platform,
  systemDrive: process.env.SystemDrive,
  mounts() {
    try {
      return readFileSync('/proc/mounts', 'utf8');
    } catch {
      return undefined;
    }
  },
  exists: existsSync,
};
