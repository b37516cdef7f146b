// The home screen's JavaScript budget (issue: a small first screen on old commune PCs). This is a
// size check, not a timing: it reads the build's chunk graph (Vite's manifest) and adds up, gzipped,
// every script the home screen loads before it can show anything — the entry and everything it
// imports statically. Screens loaded on demand (staff area, digital library, viewers) do not count.
// `npm test` builds before it runs the unit tests; run `npm run build` first when running this alone.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

/** The budget: at most this many gzipped bytes of JavaScript before the home screen shows. */
const HOME_SCREEN_BUDGET_BYTES = 150 * 1024;

const root = fileURLToPath(new URL('../../../', import.meta.url));
const rendererDir = join(process.env.KIOSK_DIST_DIR ? resolve(root, process.env.KIOSK_DIST_DIR) : join(root, 'dist'), 'renderer');

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

function readManifest(): Record<string, ManifestChunk> {
  const file = join(rendererDir, '.vite/manifest.json');
  if (!existsSync(file)) throw new Error(`No build manifest at ${file}: run \`npm run build\` first.`);
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, ManifestChunk>;
}

/** The entry chunk and every chunk it imports statically, transitively. */
function firstScreenChunks(manifest: Record<string, ManifestChunk>): string[] {
  const entry = Object.keys(manifest).find((key) => manifest[key]!.isEntry);
  if (!entry) throw new Error('The build manifest names no entry chunk.');
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const imported of manifest[key]?.imports ?? []) visit(imported);
  };
  visit(entry);
  return [...seen].map((key) => manifest[key]!.file).filter((file) => file.endsWith('.js'));
}

describe('the home screen bundle', () => {
  const manifest = readManifest();
  const files = firstScreenChunks(manifest);
  const gzipped = (file: string) => gzipSync(readFileSync(join(rendererDir, file)), { level: 9 }).length;

  it(`loads at most ${HOME_SCREEN_BUDGET_BYTES / 1024} KB of gzipped JavaScript before it shows`, () => {
    const total = files.reduce((sum, file) => sum + gzipped(file), 0);
    expect(total, `home-screen JavaScript: ${files.join(', ')}`).toBeLessThanOrEqual(HOME_SCREEN_BUDGET_BYTES);
  });

  it('leaves the viewers, the staff area and the digital library to load on demand', () => {
    const sources = Object.entries(manifest)
      .filter(([, chunk]) => files.includes(chunk.file))
      .map(([key]) => key);
    for (const heavy of ['pdfjs-dist', 'epubjs', 'screens/staff/', 'screens/digital-library/', 'screens/statistics/']) {
      expect(
        sources.filter((source) => source.includes(heavy)),
        heavy,
      ).toEqual([]);
    }
    // Every on-demand screen exists as its own chunk reachable from the entry.
    const lazy = new Set(Object.values(manifest).flatMap((chunk) => chunk.dynamicImports ?? []));
    for (const screen of ['screens/staff/StaffArea.tsx', 'screens/digital-library/DigitalLibrary.tsx']) {
      expect(
        [...lazy].some((key) => key.endsWith(screen)),
        screen,
      ).toBe(true);
    }
  });
});
