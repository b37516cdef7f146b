// The file chooser of a web page (finding 1: `<input type=file>` opened the system dialog as the
// kiosk's user, who can read kiosk.sqlite). The chooser never reaches the OS: a page gets nothing,
// or, when configured, only files the resident downloaded in this session, checked to be plain
// files directly inside that folder (no symlink, no `..`).
import { lstatSync, readdirSync, realpathSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export type UploadMode = 'refuse' | 'session-downloads';

/** The files a resident may offer a page: regular files directly in the session's folder. */
export function uploadableFiles(folder: string | null): string[] {
  if (!folder) return [];
  try {
    return readdirSync(folder)
      .map((name) => join(folder, name))
      .filter((path) => {
        try {
          return lstatSync(path).isFile();
        } catch {
          return false;
        }
      })
      .sort();
  } catch {
    return [];
  }
}

/** Keeps only chosen paths that are uploadable files of `folder`; anything else is dropped. */
export function confineUploads(folder: string | null, chosen: readonly string[]): string[] {
  if (!folder) return [];
  let root: string;
  try {
    root = realpathSync(folder);
  } catch {
    return [];
  }
  const allowed = new Set(uploadableFiles(folder).map((p) => basename(p)));
  return chosen.filter((path) => {
    try {
      return allowed.has(basename(path)) && realpathSync(dirname(path)) === root && lstatSync(path).isFile();
    } catch {
      return false;
    }
  });
}
