// Reads a chosen image file into the base64 the contract carries; refuses other types and files
// over 512 KB before anything is sent (the core checks again by the file's bytes).
const TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
const MAX_BYTES = 512 * 1024;

export async function readImage(file: File): Promise<{ mime: (typeof TYPES)[number]; base64: string }> {
  const mime = TYPES.find((type) => type === file.type);
  if (!mime) throw new Error('image_type');
  if (file.size > MAX_BYTES) throw new Error('image_too_large');
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { mime, base64: btoa(binary) };
}
