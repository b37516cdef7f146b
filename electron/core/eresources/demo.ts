// The demo kiosk's own content pack (made by resources/packs/make-demo-pack.ts, no copyrighted
// material): installed once into a demo data directory so residents and tests have something to open.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KioskContext } from '../context';
import { getMeta, setMeta } from '../store/meta';
import { installPack } from './install';

export const DEMO_PACK_FILE = 'demo-pack.zip';
const META_KEY = 'eresources_demo_pack';

/** resources/packs/demo-pack.zip, looked for upwards from this module (source tree, dist/, .dist/x/). */
export function findDemoPack(start = dirname(fileURLToPath(import.meta.url))): string | undefined {
  let dir = start;
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'resources', 'packs', DEMO_PACK_FILE);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

export async function installDemoPack(ctx: KioskContext): Promise<void> {
  if (ctx.mode !== 'demo' || getMeta(ctx.db, META_KEY) !== undefined) return;
  const file = findDemoPack();
  if (!file) {
    ctx.log.log('warn', 'eresources.demo_pack_missing', {});
    return;
  }
  const result = await installPack(ctx, file);
  setMeta(ctx.db, META_KEY, `${result.pack.id}@${result.pack.version}`);
}
