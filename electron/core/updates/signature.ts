// Signed updates (issue #15, finding 7): an update is installed only when its manifest is signed by
// the province's ed25519 key (the public half ships in the build, resources/update-key.pub.pem; the
// private half never leaves the province, see docs/deploy.md), names a newer version than the one
// running, and the installer's SHA-512 matches. Same check for the server and a USB stick. Pure
// node:crypto; every refusal is a reason a technician can read.
import { createHash, createPublicKey, verify } from 'node:crypto';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';

export const SIGNED_MANIFEST = 'kiosk-update.json';
export const SIGNATURE_FILE = 'kiosk-update.json.sig';

const manifestSchema = z
  .object({
    product: z.literal('commune-kiosk'),
    version: z.string().regex(/^\d+\.\d+\.\d+$/),
    /** The installer's file name in the same folder; a plain name, never a path. */
    file: z
      .string()
      .min(1)
      .max(200)
      .refine((f) => f === basename(f) && !f.startsWith('.'), 'tên tệp không được chứa thư mục'),
    sha512: z.string().regex(/^[A-Za-z0-9+/]{86}==$/),
    size: z.number().int().positive(),
  })
  .strict();
export type UpdateManifest = z.infer<typeof manifestSchema>;

export type UpdateRefusal = 'insecure_url' | 'missing_signature' | 'bad_signature' | 'bad_manifest' | 'downgrade' | 'missing_file' | 'tampered_file' | 'no_key';

export type Refused = { ok: false; reason: UpdateRefusal; message: string };
export type UpdateCheck = { ok: true; manifest: UpdateManifest; installer: string } | Refused;

const MESSAGES: Record<UpdateRefusal, string> = {
  insecure_url: 'Máy chủ cập nhật phải dùng https://. Hãy sửa updates.url trong cấu hình.',
  missing_signature: 'Bản cập nhật không có chữ ký của tỉnh nên không được cài. Hãy lấy lại bản cập nhật từ thư viện tỉnh.',
  bad_signature:
    'Chữ ký của bản cập nhật không khớp với khóa của tỉnh (tệp bị sửa hoặc ký bằng khóa khác) nên không được cài. Hãy lấy lại bản cập nhật từ thư viện tỉnh.',
  bad_manifest: 'Tệp mô tả bản cập nhật không đúng định dạng nên không được cài. Hãy chép lại thư mục kiosk-update từ thư viện tỉnh.',
  downgrade: 'Bản cập nhật này không mới hơn bản đang chạy nên không được cài. Hãy dùng USB có bản mới hơn, hoặc giữ nguyên bản đang chạy.',
  missing_file: 'Thiếu tệp cài đặt mà bản cập nhật nêu tên. Hãy chép lại cả thư mục kiosk-update từ thư viện tỉnh.',
  tampered_file: 'Tệp cài đặt không khớp với chữ ký (bị sửa hoặc chép hỏng) nên không được cài. Hãy chép lại từ thư viện tỉnh.',
  no_key: 'Bản kiosk này không mang khóa công khai của tỉnh nên không cài được bản cập nhật nào. Hãy cài bản do thư viện tỉnh đóng gói.',
};

const refuse = (reason: UpdateRefusal): Refused => ({ ok: false, reason, message: MESSAGES[reason] });

/** Only https, except a stick's folder served by the kiosk itself on 127.0.0.1. */
export function updateUrlAllowed(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && parsed.hostname === '127.0.0.1');
  } catch {
    return false;
  }
}

/** -1, 0 or 1 for dotted numeric versions (`1.10.0` > `1.9.3`). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((n) => Number.parseInt(n, 10) || 0);
  const pb = b.split('.').map((n) => Number.parseInt(n, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/** Checks the manifest's signature and version; the installer's hash is checked by verifyUpdateFolder. */
export function verifyManifest(
  manifestBytes: Buffer,
  signature: Buffer | undefined,
  publicKeyPem: string | undefined,
  currentVersion: string,
): { ok: true; manifest: UpdateManifest } | Refused {
  if (!publicKeyPem) return refuse('no_key');
  if (!signature || signature.length === 0) return refuse('missing_signature');
  let signed = false;
  try {
    signed = verify(null, manifestBytes, createPublicKey(publicKeyPem), Buffer.from(signature.toString('utf8').trim(), 'base64'));
  } catch {
    signed = false;
  }
  if (!signed) return refuse('bad_signature');
  let parsed: unknown;
  try {
    parsed = JSON.parse(manifestBytes.toString('utf8'));
  } catch {
    return refuse('bad_manifest');
  }
  const manifest = manifestSchema.safeParse(parsed);
  if (!manifest.success) return refuse('bad_manifest');
  if (compareVersions(manifest.data.version, currentVersion) <= 0) return refuse('downgrade');
  return { ok: true, manifest: manifest.data };
}

export function sha512File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha512');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('base64')));
  });
}

/** The whole check of a folder (a USB stick's kiosk-update/ or a download directory). */
export async function verifyUpdateFolder(folder: string, publicKeyPem: string | undefined, currentVersion: string): Promise<UpdateCheck> {
  const manifestPath = join(folder, SIGNED_MANIFEST);
  const signaturePath = join(folder, SIGNATURE_FILE);
  if (!existsSync(manifestPath)) return refuse('bad_manifest');
  const signature = existsSync(signaturePath) ? readFileSync(signaturePath) : undefined;
  const checked = verifyManifest(readFileSync(manifestPath), signature, publicKeyPem, currentVersion);
  if (!checked.ok) return checked;
  const installer = join(folder, checked.manifest.file);
  if (!existsSync(installer)) return refuse('missing_file');
  if ((await sha512File(installer)) !== checked.manifest.sha512) return refuse('tampered_file');
  return { ok: true, manifest: checked.manifest, installer };
}

/** The province's public key carried by this build (resources/update-key.pub.pem), if the build has one. */
export function bundledUpdateKey(resourcesDirs: readonly string[]): string | undefined {
  for (const dir of resourcesDirs) {
    const path = join(dir, 'update-key.pub.pem');
    if (existsSync(path)) return readFileSync(path, 'utf8');
  }
  return undefined;
}
