// What a session may save and print: downloads only while a session runs, only allowed types and
// sizes, into the session's own folder (wiped at the end); printed pages are counted for statistics.
import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { refused } from '../errors';
import { recordEvent } from '../store/event-types';
import type { InternetContext } from './context';
import * as store from './sessions-store';
import { publishState } from './state';
import { safeDownloadName } from './wipe';

/** Where a download may be saved, or why not. */
export function decideDownload(ic: InternetContext, fileName: string, sizeBytes: number): { ok: true; path: string } | { ok: false; message: string } {
  const { downloads } = ic.config;
  const open = store.openSession(ic.db);
  if (!open || open.status !== 'active' || !open.downloadsDir) return { ok: false, message: 'Chỉ tải tệp được khi đang trong phiên Internet.' };
  const name = safeDownloadName(fileName, downloads.allowedExtensions);
  if (!name.ok) {
    return { ok: false, message: `Máy công cộng không tải loại tệp ".${name.extension || '?'}". Chỉ tải được: ${downloads.allowedExtensions.join(', ')}.` };
  }
  if (sizeBytes > downloads.maxMegabytes * 1024 * 1024) {
    return { ok: false, message: `Tệp lớn hơn ${downloads.maxMegabytes} MB nên không tải được trên máy công cộng.` };
  }
  return { ok: true, path: join(open.downloadsDir, name.name) };
}

/** Browser mode's download: the text arrives over the API and is saved under the same rules. */
export function saveDownload(ic: InternetContext, fileName: string, text: string): string {
  const decision = decideDownload(ic, fileName, Buffer.byteLength(text));
  if (!decision.ok) throw refused('download_refused', decision.message);
  writeFileSync(decision.path, text);
  publishState(ic);
  return basename(decision.path);
}

export function recordPrint(ic: InternetContext, pages: number): void {
  const { db, clock } = ic;
  const open = store.openSession(db);
  if (!open || pages <= 0) return;
  db.transaction(() => {
    store.addPages(db, open.id, pages);
    recordEvent(db, clock, 'print.pages', { pages, service: 'internet' });
  })();
}
