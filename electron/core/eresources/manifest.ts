// The content-pack manifest (manifest.json at the root of a pack zip): its schema and the rule for
// paths inside a pack. Every path a pack names must stay inside the pack's own folder.
import { z } from 'zod';
import { eresourceAudience, eresourceFormat } from '#contract/eresources';

export const MANIFEST_NAME = 'manifest.json';
/** A manifest is small text; anything larger is not a manifest. */
export const MAX_MANIFEST_BYTES = 1024 * 1024;

/**
 * A pack-relative path as it must appear in a manifest or a zip: forward slashes, no leading slash,
 * no drive letter or backslash, no empty, `.` or `..` segment, no control characters. Returns the path
 * unchanged when safe, or undefined.
 */
export function safePackPath(path: string): string | undefined {
  if (path.length === 0 || path.length > 400) return undefined;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\:*?"<>|]/.test(path)) return undefined;
  if (path.startsWith('/') || path.startsWith('~')) return undefined;
  const segments = path.split('/');
  for (const segment of segments) {
    if (segment === '' || segment === '.' || segment === '..') return undefined;
    if (segment.length > 200 || segment.endsWith('.') || segment.endsWith(' ')) return undefined;
  }
  return path;
}

const packPath = z
  .string()
  .refine((p) => safePackPath(p) !== undefined, 'đường dẫn phải nằm trong gói (không có "..", không bắt đầu bằng "/", không có ký tự "\\" hay ":")');

export const packFile = z
  .object({
    path: packPath,
    size: z
      .number()
      .int()
      .nonnegative()
      .max(64 * 1024 ** 3),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/i, 'mã SHA-256 gồm 64 ký tự thập lục phân')
      .transform((s) => s.toLowerCase()),
  })
  .strict();
export type PackFile = z.output<typeof packFile>;

export const manifestResource = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'mã tài nguyên gồm chữ thường, số, ".", "_" hoặc "-"'),
    title: z.string().trim().min(1).max(300),
    description: z.string().max(4000).default(''),
    topic: z.string().trim().min(1).max(80),
    audience: eresourceAudience.default('all'),
    language: z
      .string()
      .regex(/^[a-z]{2,3}$/, 'mã ngôn ngữ gồm 2–3 chữ thường (vie, en …)')
      .default('vie'),
    format: eresourceFormat,
    source: z.string().max(300).default(''),
    featured: z.boolean().default(false),
    file: packFile.optional(),
    cover: packFile.optional(),
    url: z.string().url().max(2000).optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.format === 'link') {
      if (!r.url) ctx.addIssue({ code: 'custom', path: ['url'], message: 'tài nguyên dạng liên kết phải có "url"' });
      else if (!/^https?:\/\//i.test(r.url)) ctx.addIssue({ code: 'custom', path: ['url'], message: 'liên kết phải bắt đầu bằng http:// hoặc https://' });
      if (r.file) ctx.addIssue({ code: 'custom', path: ['file'], message: 'tài nguyên dạng liên kết không có tệp' });
    } else if (!r.file) {
      ctx.addIssue({ code: 'custom', path: ['file'], message: `tài nguyên dạng ${r.format} phải có "file" (path, size, sha256)` });
    }
  });
export type ManifestResource = z.output<typeof manifestResource>;

export const packManifest = z
  .object({
    manifestVersion: z.literal(1),
    id: z.string().regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, 'mã gói gồm 3–64 ký tự: chữ thường, số, ".", "_" hoặc "-"'),
    version: z.string().regex(/^\d{1,6}(\.\d{1,6}){0,3}$/, 'phiên bản dạng số, ví dụ 1.0 hoặc 2024.3.1'),
    title: z.string().trim().min(1).max(300),
    publisher: z.string().trim().min(1).max(300),
    description: z.string().max(4000).default(''),
    resources: z.array(manifestResource).min(1).max(10_000),
  })
  .strict()
  .superRefine((m, ctx) => {
    const ids = new Set<string>();
    const paths = new Set<string>();
    m.resources.forEach((r, i) => {
      if (ids.has(r.id)) ctx.addIssue({ code: 'custom', path: ['resources', i, 'id'], message: `mã tài nguyên "${r.id}" bị trùng` });
      ids.add(r.id);
      for (const part of ['file', 'cover'] as const) {
        const f = r[part];
        if (!f) continue;
        if (f.path === MANIFEST_NAME) ctx.addIssue({ code: 'custom', path: ['resources', i, part, 'path'], message: 'tệp không được trùng tên manifest.json' });
        if (paths.has(f.path)) ctx.addIssue({ code: 'custom', path: ['resources', i, part, 'path'], message: `tệp "${f.path}" được khai báo hai lần` });
        paths.add(f.path);
      }
    });
  });
export type PackManifest = z.output<typeof packManifest>;

/** Every file the manifest declares, by path. */
export function declaredFiles(manifest: PackManifest): Map<string, { file: PackFile; format: ManifestResource['format'] | 'cover' }> {
  const files = new Map<string, { file: PackFile; format: ManifestResource['format'] | 'cover' }>();
  for (const r of manifest.resources) {
    if (r.file) files.set(r.file.path, { file: r.file, format: r.format });
    if (r.cover) files.set(r.cover.path, { file: r.cover, format: 'cover' });
  }
  return files;
}

/** Compares dotted numeric versions: negative when a < b. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
