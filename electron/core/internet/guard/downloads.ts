// Downloads of one session: the type and the size are decided on bytes actually received, not on
// what the server announces (finding 4: a download with no Content-Length skipped the cap). The
// same gate serves the CDP adapter (Browser.downloadProgress) and Electron's DownloadItem.
import { safeDownloadName } from '../wipe';

export interface DownloadRules {
  allowedExtensions: readonly string[];
  maxBytes: number;
}

export type DownloadStart = { ok: true; name: string } | { ok: false; message: string };

export function decideDownloadStart(rules: DownloadRules, suggestedName: string, announcedBytes: number): DownloadStart {
  const name = safeDownloadName(suggestedName, rules.allowedExtensions);
  if (!name.ok)
    return { ok: false, message: `Máy công cộng không tải loại tệp ".${name.extension || '?'}". Chỉ tải được: ${rules.allowedExtensions.join(', ')}.` };
  if (announcedBytes > rules.maxBytes) return { ok: false, message: tooBig(rules) };
  return { ok: true, name: name.name };
}

/** Checked on every progress report: the cap holds whatever Content-Length said, or if it said nothing. */
export function exceedsCap(rules: DownloadRules, receivedBytes: number, totalBytes: number): boolean {
  return receivedBytes > rules.maxBytes || totalBytes > rules.maxBytes;
}

export function tooBig(rules: DownloadRules): string {
  return `Tệp lớn hơn ${Math.floor(rules.maxBytes / (1024 * 1024))} MB nên không tải được trên máy công cộng; phần đã tải đã được xóa.`;
}
