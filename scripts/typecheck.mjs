// Typechecks the three TypeScript projects: Node side (electron/, native/, collector/, tests),
// renderer (DOM), and the end-to-end tests.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsc = join(root, 'node_modules/typescript/bin/tsc');
let failed = false;
for (const project of ['tsconfig.json', 'renderer/tsconfig.json', 'test/e2e/tsconfig.json']) {
  const run = spawnSync(process.execPath, [tsc, '-p', join(root, project), '--noEmit'], { stdio: 'inherit' });
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
