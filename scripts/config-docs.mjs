// Writes docs/configuration.md from the configuration schema (electron/core/config/docs.ts).
// `node scripts/config-docs.mjs --check` exits 1 when the committed file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { tsImport } from 'tsx/esm/api';

const target = new URL('../docs/configuration.md', import.meta.url);
const { configDocsMarkdown } = await tsImport('../electron/core/config/docs.ts', import.meta.url);
const text = configDocsMarkdown();
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // missing counts as stale
  }
  if (current !== text) {
    process.stderr.write('docs/configuration.md is stale: run node scripts/config-docs.mjs\n');
    process.exit(1);
  }
} else {
  writeFileSync(target, text);
  process.stdout.write('docs/configuration.md written\n');
}
