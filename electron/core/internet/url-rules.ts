// The URL policy in force: configuration lists plus the block-list files (resources/internet/ or
// absolute paths), read once at start. A missing file is reported, never silently ignored.
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InternetConfig } from './config';
import { parseHostList, type UrlPolicy } from './url-policy';

/** resources/internet beside the bundle (dist/resources/internet) or in the source tree. */
export function internetResourcesDir(): string {
  for (const candidate of ['./resources/internet/', '../../../resources/internet/']) {
    const dir = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(dir)) return dir;
  }
  return fileURLToPath(new URL('./resources/internet/', import.meta.url));
}

export interface LoadedUrlPolicy {
  policy: UrlPolicy;
  /** Files that could not be read: shown by the self-test and the CLI. */
  missingFiles: string[];
}

/** `pushed`: hosts the provincial portal added (pushed-blocks.ts). */
export function loadUrlPolicy(
  config: InternetConfig['urlPolicy'],
  kioskOrigins: readonly string[],
  resourcesDir = internetResourcesDir(),
  pushed: readonly string[] = [],
): LoadedUrlPolicy {
  const block = [...config.block, ...pushed];
  const missingFiles: string[] = [];
  for (const file of config.blockListFiles) {
    const path = isAbsolute(file) ? file : join(resourcesDir, file);
    try {
      block.push(...parseHostList(readFileSync(path, 'utf8')));
    } catch {
      missingFiles.push(path);
    }
  }
  return { policy: { mode: config.mode, allow: config.allow, block, kioskOrigins }, missingFiles };
}
