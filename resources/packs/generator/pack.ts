// Building a content pack zip from resources and their files: sizes and SHA-256 are computed here,
// so a publisher (or a test) only says what each file is. Files are streamed, never held whole.
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { writeZip, type ZipItem } from './zip';

export interface PackFileInput {
  path: string;
  data?: Buffer | Uint8Array | string;
  file?: string;
}

export interface PackResourceInput {
  id: string;
  title: string;
  description?: string;
  topic: string;
  audience?: string;
  language?: string;
  format: string;
  source?: string;
  featured?: boolean;
  url?: string;
  file?: PackFileInput;
  cover?: PackFileInput;
}

export interface PackInput {
  id: string;
  version: string;
  title: string;
  publisher: string;
  description?: string;
  resources: PackResourceInput[];
}

async function describe(input: PackFileInput): Promise<{ path: string; size: number; sha256: string }> {
  const hash = createHash('sha256');
  if (input.file) {
    for await (const chunk of createReadStream(input.file)) hash.update(chunk as Buffer);
    return { path: input.path, size: statSync(input.file).size, sha256: hash.digest('hex') };
  }
  const data = Buffer.from(input.data ?? '');
  return { path: input.path, size: data.length, sha256: hash.update(data).digest('hex') };
}

/** The manifest object for a pack (what manifest.json will hold). */
export async function manifestFor(pack: PackInput): Promise<Record<string, unknown>> {
  const resources = [];
  for (const r of pack.resources) {
    const { file, cover, ...rest } = r;
    resources.push({ ...rest, ...(file ? { file: await describe(file) } : {}), ...(cover ? { cover: await describe(cover) } : {}) });
  }
  return { manifestVersion: 1, id: pack.id, version: pack.version, title: pack.title, publisher: pack.publisher, description: pack.description ?? '', resources };
}

export interface BuildOptions {
  /** Change the manifest after checksums are computed (tests of rejections). */
  editManifest?: (manifest: Record<string, unknown>) => unknown;
  /** Extra zip entries beyond the declared files (tests of rejections). */
  extra?: ZipItem[];
  /** Leave out these declared paths from the zip. */
  omit?: string[];
  /** Replace a file's content in the zip after its checksum was computed. */
  tamper?: Record<string, Buffer>;
}

export async function buildPack(target: string, pack: PackInput, options: BuildOptions = {}): Promise<Record<string, unknown>> {
  const manifest = await manifestFor(pack);
  const finalManifest = options.editManifest ? options.editManifest(structuredClone(manifest)) : manifest;
  const items: ZipItem[] = [{ path: 'manifest.json', data: JSON.stringify(finalManifest, null, 2) }];
  for (const r of pack.resources) {
    for (const f of [r.file, r.cover]) {
      if (!f || options.omit?.includes(f.path)) continue;
      const tampered = options.tamper?.[f.path];
      items.push(tampered ? { path: f.path, data: tampered } : f.file ? { path: f.path, file: f.file } : { path: f.path, data: f.data ?? '' });
    }
  }
  items.push(...(options.extra ?? []));
  await writeZip(target, items);
  return finalManifest as Record<string, unknown>;
}
