#!/usr/bin/env node
// The `kiosk` command from a source tree: runs the built CLI (dist/cli.mjs, one esbuild bundle, so a
// command starts in a fraction of a second instead of compiling TypeScript on every call). When dist/
// is missing or older than the sources (a fresh clone after `npm ci`, or an edit), it builds first,
// once: concurrent calls wait on a lock rather than building over each other.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = process.env.KIOSK_DIST_DIR ? resolve(root, process.env.KIOSK_DIST_DIR) : join(root, 'dist');
const stamp = join(dist, '.build-stamp');
// The same list scripts/build.mjs compares against (its --if-stale check).
const SOURCES = ['electron', 'common', 'native', 'collector', 'renderer', 'resources', 'package.json', 'vite.config.ts', 'scripts/build.mjs'];

function newerThan(path, built) {
  if (!existsSync(path)) return false;
  const stats = statSync(path);
  if (stats.mtimeMs > built) return true;
  if (!stats.isDirectory()) return false;
  return readdirSync(path).some((entry) => entry !== 'node_modules' && newerThan(join(path, entry), built));
}

function stale() {
  if (!existsSync(stamp) || !existsSync(join(dist, 'cli.mjs'))) return true;
  // A production build (no test hooks) is rebuilt too: this command is the developers' and tests' one.
  if (!readFileSync(stamp, 'utf8').includes('flavour=test-hooks')) return true;
  const built = statSync(stamp).mtimeMs;
  return SOURCES.some((source) => newerThan(join(root, source), built));
}

function buildOnce() {
  mkdirSync(dist, { recursive: true });
  const lock = join(dist, '.build-lock');
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another kiosk command is building; a lock older than 5 minutes is left from a killed build.
      if (waited > 300_000 || Date.now() - statSync(lock, { throwIfNoEntry: false })?.mtimeMs > 300_000) rmdirSync(lock, { recursive: true });
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
      if (!stale()) return;
    }
  }
  try {
    if (!stale()) return;
    process.stderr.write('Đang build kiosk (dist/ cũ hơn mã nguồn)…\n');
    const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    if (build.status !== 0) process.exit(build.status ?? 1);
  } finally {
    rmdirSync(lock);
  }
}

if (stale()) buildOnce();
await import(pathToFileURL(join(dist, 'cli.mjs')).href);
