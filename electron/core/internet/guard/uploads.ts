// The file chooser of a web page (finding 1: `<input type=file>` opened the system dialog as the
// kiosk's user, who can read kiosk.sqlite). The chooser never reaches the OS: a page gets nothing,
// or, when configured, only files the resident downloaded in this session and picked on the kiosk's
// own picker screen, checked to be plain files directly inside that folder (no symlink, no `..`).
// decideUploads() is the one path every browser adapter (Electron's debugger, the CDP pipe) takes.
import { lstatSync, readdirSync, realpathSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';

export type UploadMode = 'refuse' | 'session-downloads';

/** What the page asked for: Page.fileChooserOpened's mode and the input's `accept` attribute. */
export interface ChooserRequest {
  multiple: boolean;
  accept: string;
}

export interface UploadRules {
  mode: UploadMode;
  /** The session's download folder at the moment the chooser opens (null: no session, nothing to offer). */
  folder: () => string | null;
  /** Asks the resident (the kiosk's picker screen); resolves with the files chosen, [] on cancel. */
  choose?: (files: string[], request: ChooserRequest) => Promise<string[]>;
}

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

// MIME families the kiosk can name from an extension; anything else in `accept` is matched by extension only.
const MIME_BY_EXTENSION: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.txt': 'text/plain',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.odt': 'application/vnd.oasis.opendocument.text',
};

/** Whether a file name fits an `accept` attribute (".pdf,image/*"); an empty one accepts everything. */
export function acceptsFile(accept: string, name: string): boolean {
  const tokens = accept
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean);
  if (tokens.length === 0) return true;
  const ext = extname(name).toLowerCase();
  const mime = MIME_BY_EXTENSION[ext] ?? '';
  return tokens.some((token) => (token.startsWith('.') ? token === ext : token.endsWith('/*') ? mime.startsWith(token.slice(0, -1)) : token === mime));
}

/**
 * The files a page gets for one chooser: nothing when refused or when nothing fits; otherwise what
 * the resident chose among the session's files that fit `accept`, confined again to the folder and
 * cut to one when the input is not `multiple`. Total: a failing picker gives nothing.
 */
export async function decideUploads(rules: UploadRules, request: ChooserRequest): Promise<{ offered: number; files: string[] }> {
  if (rules.mode !== 'session-downloads' || !rules.choose) return { offered: 0, files: [] };
  const folder = rules.folder();
  const offered = uploadableFiles(folder).filter((path) => acceptsFile(request.accept, basename(path)));
  if (offered.length === 0) return { offered: 0, files: [] };
  const chosen = await rules.choose(offered, request).catch(() => []);
  const confined = confineUploads(folder, chosen).filter((path) => offered.includes(path));
  return { offered: offered.length, files: [...new Set(confined)].slice(0, request.multiple ? undefined : 1) };
}
