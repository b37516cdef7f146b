// Real file-type detection for pack files: the first bytes decide (file-type's signatures, plus a
// small check for HTML, which has no magic number), and the result must fit the declared format.
import { fileTypeFromBuffer } from 'file-type/core';
import type { EresourceFormat } from '#contract/eresources';

/** How many leading bytes detection reads; file-type needs at most 4100 for the formats we allow. */
export const SNIFF_BYTES = 8192;

export const ALLOWED_MIME: Record<Exclude<EresourceFormat, 'link'> | 'cover', readonly string[]> = {
  pdf: ['application/pdf'],
  epub: ['application/epub+zip'],
  audio: ['audio/mpeg', 'audio/x-m4a', 'audio/mp4', 'audio/wav', 'audio/ogg'],
  video: ['video/mp4', 'video/webm'],
  image: ['image/png', 'image/jpeg', 'image/webp', 'image/gif'],
  html: ['text/html'],
  cover: ['image/png', 'image/jpeg', 'image/webp', 'image/gif'],
};

/** True when the bytes look like an HTML document: optional BOM, whitespace and comments, then a doctype or <html>. */
export function looksLikeHtml(head: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: false }).decode(head.subarray(0, 2048));
  } catch {
    return false;
  }
  text = text.replace(/^\uFEFF/, '');
  for (;;) {
    const trimmed = text.replace(/^\s+/, '');
    if (trimmed.startsWith('<!--')) {
      const end = trimmed.indexOf('-->');
      if (end < 0) return false;
      text = trimmed.slice(end + 3);
      continue;
    }
    return /^<(!doctype\s+html|html[\s>])/i.test(trimmed);
  }
}

/** The real MIME type of a file from its first bytes, or undefined when it is not one we recognise. */
export async function sniffMime(head: Uint8Array): Promise<string | undefined> {
  if (head.length === 0) return undefined;
  const detected = await fileTypeFromBuffer(head);
  if (detected) {
    // An EPUB is a zip whose first entry is `mimetype`; file-type reports it as EPUB when that is so.
    if (detected.mime === 'audio/x-wav' || detected.mime === 'audio/vnd.wave') return 'audio/wav';
    return detected.mime;
  }
  return looksLikeHtml(head) ? 'text/html' : undefined;
}

export function mimeFits(format: EresourceFormat | 'cover', mime: string | undefined): boolean {
  if (format === 'link' || mime === undefined) return false;
  return ALLOWED_MIME[format].includes(mime);
}
