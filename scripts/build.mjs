// Builds what runs: the renderer (Vite) into dist/renderer, and the Node entry points (esbuild)
// into dist/: host.mjs (browser mode), cli.mjs (the `kiosk` command), electron-main.mjs, preload.cjs and
// the core's worker threads (catalogue-read-worker.mjs, store-background-worker.mjs, …), plus the SQL migrations.
// `--if-stale` skips the build when dist is newer than every source file (and was built the same way).
// `--production` (what the installers are built from): test hooks such as `--test-clock` are compiled
// out of every entry (__KIOSK_TEST_HOOKS__ = false; common/testing/test-clock.ts). The Electron main
// bundle never has them, whatever the flag.
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// KIOSK_DIST_DIR lets parallel work build into its own folder (keep it inside the repo so
// node_modules resolve): KIOSK_DIST_DIR=.dist/mine npm run build.
const dist = process.env.KIOSK_DIST_DIR ? resolve(root, process.env.KIOSK_DIST_DIR) : join(root, 'dist');
const stamp = join(dist, '.build-stamp');
const SOURCES = ['electron', 'common', 'native', 'collector', 'renderer', 'resources', 'package.json', 'vite.config.ts', 'scripts/build.mjs'];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

const production = process.argv.includes('--production');
const flavour = production ? 'production' : 'test-hooks';

if (process.argv.includes('--if-stale') && existsSync(stamp)) {
  const built = statSync(stamp).mtimeMs;
  const sameFlavour = readFileSync(stamp, 'utf8').includes(`flavour=${flavour}`);
  if (sameFlavour && SOURCES.every((source) => newestMtime(join(root, source)) <= built)) process.exit(0);
}

const started = Date.now();
await viteBuild({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir: join(dist, 'renderer') } });

// Native addons and Electron stay outside the bundle; so do the report libraries, which read their own
// data files next to their code (pdfkit's standard fonts) and are loaded only when a report is exported.
// Everything else is inlined for a fast start.
const external = ['better-sqlite3', 'node-hid', 'electron', 'bufferutil', 'utf-8-validate', 'pg-native', 'pdfkit'];
const requireShim = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";
const testHooks = (on) => ({ define: { __KIOSK_TEST_HOOKS__: on && !production ? 'true' : 'false' } });
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  external,
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
  ...testHooks(false),
};

await Promise.all([
  build({
    ...common,
    ...testHooks(true),
    entryPoints: [join(root, 'electron/host/main.ts')],
    outfile: join(dist, 'host.mjs'),
    format: 'esm',
    banner: { js: requireShim },
  }),
  // The `kiosk` command for developers and tests (bin/kiosk.mjs); an installed kiosk runs the same
  // program through its own executable's --cli mode (electron/main/cli-mode.ts).
  build({
    ...common,
    ...testHooks(true),
    entryPoints: [join(root, 'electron/cli/main.ts')],
    outfile: join(dist, 'cli.mjs'),
    format: 'esm',
    banner: { js: requireShim },
  }),
  build({
    ...common,
    entryPoints: [join(root, 'electron/main/main.ts')],
    outfile: join(dist, 'electron-main.mjs'),
    format: 'esm',
    banner: { js: requireShim },
  }),
  build({ ...common, entryPoints: [join(root, 'electron/preload/preload.ts')], outfile: join(dist, 'preload.cjs'), format: 'cjs' }),
  // The core's worker threads, started next to the bundle (electron/core/worker-threads.ts).
  build({
    ...common,
    entryPoints: [join(root, 'electron/core/catalogue/read-worker.ts')],
    outfile: join(dist, 'catalogue-read-worker.mjs'),
    format: 'esm',
    banner: { js: requireShim },
  }),
  build({
    ...common,
    entryPoints: [join(root, 'electron/core/catalogue/import-worker.ts')],
    outfile: join(dist, 'catalogue-import-worker.mjs'),
    format: 'esm',
    banner: { js: requireShim },
  }),
  build({
    ...common,
    entryPoints: [join(root, 'electron/core/store/background-worker.ts')],
    outfile: join(dist, 'store-background-worker.mjs'),
    format: 'esm',
    banner: { js: requireShim },
  }),
  build({
    ...common,
    entryPoints: [join(root, 'electron/core/store/backup-worker.ts')],
    outfile: join(dist, 'store-backup-worker.mjs'),
    format: 'esm',
    banner: { js: requireShim },
  }),
  build({
    ...common,
    entryPoints: [join(root, 'electron/core/eresources/extract-worker.ts')],
    outfile: join(dist, 'eresources-extract-worker.mjs'),
    format: 'esm',
    banner: { js: requireShim },
  }),
  build({
    ...common,
    entryPoints: [join(root, 'electron/core/statistics/report-worker.ts')],
    outfile: join(dist, 'statistics-report-worker.mjs'),
    format: 'esm',
    banner: { js: requireShim },
  }),
  // The provincial collector (`npm run collector`), bundled so its web server and PostgreSQL client are
  // build-time dependencies; installers leave dist/collector out (electron-builder.yml).
  build({
    ...common,
    ...testHooks(true),
    entryPoints: [join(root, 'collector/main.ts')],
    outfile: join(dist, 'collector/collector.mjs'),
    format: 'esm',
    banner: { js: requireShim },
  }),
]);
// The portal's stylesheet and chart script, and uPlot's, served from beside the collector's bundle.
const collectorStatic = join(dist, 'collector/static');
cpSync(join(root, 'collector/static'), collectorStatic, { recursive: true });
const uplotDist = join(root, 'node_modules/uplot/dist');
for (const file of ['uPlot.iife.min.js', 'uPlot.min.css']) cpSync(join(uplotDist, file), join(collectorStatic, file));

const migrations = join(dist, 'migrations');
rmSync(migrations, { recursive: true, force: true });
mkdirSync(migrations, { recursive: true });
cpSync(join(root, 'electron/core/store/migrations'), migrations, { recursive: true });
// The bundled texts as files too: `kiosk i18n export` on an installed PC reads the originals from here.
cpSync(join(root, 'resources/locales'), join(dist, 'resources/locales'), { recursive: true });
// Block lists and other files the internet feature reads at run time (resources/internet).
cpSync(join(root, 'resources/internet'), join(dist, 'resources/internet'), { recursive: true });
// The demo content pack, so a packaged demo kiosk (which only ships dist/) still has its Thư viện số.
mkdirSync(join(dist, 'resources/packs'), { recursive: true });
cpSync(join(root, 'resources/packs/demo-pack.zip'), join(dist, 'resources/packs/demo-pack.zip'));

writeFileSync(stamp, `${new Date().toISOString()} flavour=${flavour}\n`);
process.stderr.write(
  `Đã build kiosk${production ? ' (bản cài đặt, không có móc kiểm thử)' : ''} vào dist/ trong ${((Date.now() - started) / 1000).toFixed(1)} s.\n`,
);
