// The layer rule of ARCHITECTURE.md as an ESLint rule: resolves each import to the layer it lands
// in and reports imports a layer may not make. Written here (like VS Code's code-import-patterns)
// because no published rule checks both relative targets and package names per folder.
import { builtinModules } from 'node:module';
import path from 'node:path';

const NODE_BUILTINS = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const NODE_ONLY_PACKAGES = ['better-sqlite3', 'node-hid', 'electron', 'ws', 'commander', 'tsx', 'pg', 'usb'];

/** Folder prefix → layer name; the first match wins. */
export const LAYERS = [
  ['electron/contract/', 'contract'],
  ['electron/core/', 'core'],
  ['electron/main/', 'main'],
  ['electron/preload/', 'preload'],
  ['electron/host/', 'host'],
  ['electron/cli/', 'cli'],
  ['native/', 'native'],
  ['renderer/', 'renderer'],
  ['collector/', 'collector'],
  ['resources/', 'resources'],
  // Documentation a screen shows as it is (the indicators' definitions on the staff reports page).
  ['docs/', 'docs'],
  // Pure TypeScript that runs anywhere (Node and browser), e.g. the Telex engine: imports nothing.
  ['common/', 'common'],
];

/** Which layers each layer may import, and which packages it may not. */
export const RULES = {
  contract: { layers: ['contract'], packages: (name) => name === 'zod' },
  common: { layers: ['common'], packages: () => false },
  core: { layers: ['core', 'contract', 'common', 'package'], packages: (name) => !['electron', 'react', 'react-dom', 'node-hid'].includes(name) },
  native: { layers: ['native', 'contract', 'common'], packages: (name) => !['electron', 'react', 'react-dom', 'better-sqlite3'].includes(name) },
  main: { layers: ['main', 'cli', 'core', 'native', 'contract', 'common'], packages: () => true },
  host: { layers: ['host', 'core', 'native', 'contract', 'common'], packages: (name) => name !== 'electron' && !name.startsWith('react') },
  cli: { layers: ['cli', 'core', 'native', 'contract', 'common'], packages: (name) => name !== 'electron' && !name.startsWith('react') },
  preload: { layers: ['preload', 'contract'], packages: (name) => name === 'electron' || name === 'zod' },
  renderer: {
    layers: ['renderer', 'contract', 'common', 'resources', 'docs'],
    packages: (name) => !NODE_BUILTINS.has(name) && !NODE_ONLY_PACKAGES.includes(packageName(name)),
  },
  collector: { layers: ['collector', 'contract', 'common'], packages: (name) => name !== 'electron' && !name.startsWith('react') && name !== 'node-hid' },
};

function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

export function layerOf(relativePath) {
  const normalised = relativePath.split(path.sep).join('/');
  if (normalised === 'package.json') return 'package';
  // A directory import ('../contract') names the folder itself: match it with a trailing slash.
  return LAYERS.find(([prefix]) => `${normalised}/`.startsWith(prefix) || normalised.startsWith(prefix))?.[1];
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the layer rule of ARCHITECTURE.md' },
    schema: [],
    messages: {
      layer: "Layer '{{from}}' may not import layer '{{to}}' ({{source}}). See ARCHITECTURE.md, 'Layers and folders'.",
      package: "Layer '{{from}}' may not import the package '{{source}}'. See ARCHITECTURE.md, 'Layers and folders'.",
      alias: "Import the contract as '#contract/…' (package.json \"imports\"), not by the relative path '{{source}}'.",
    },
  },
  create(context) {
    const root = context.cwd;
    const file = path.relative(root, context.filename);
    const from = layerOf(file);
    if (!from || !RULES[from]) return {};
    const rule = RULES[from];

    function check(node, source) {
      if (typeof source !== 'string') return;
      if (source === '#contract' || source.startsWith('#contract/')) {
        if (!rule.layers.includes('contract')) context.report({ node, messageId: 'layer', data: { from, to: 'contract', source } });
      } else if (source.startsWith('.') || source.startsWith('/')) {
        const target = path.relative(root, path.resolve(path.dirname(context.filename), source));
        const to = layerOf(target) ?? 'outside';
        if (!rule.layers.includes(to)) context.report({ node, messageId: 'layer', data: { from, to, source } });
        // One spelling for the contract outside it: the alias, not ../../../electron/contract/…
        else if (to === 'contract' && from !== 'contract') context.report({ node, messageId: 'alias', data: { source } });
      } else if (!rule.packages(source)) {
        context.report({ node, messageId: 'package', data: { from, source } });
      }
    }

    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') {
          check(node, node.arguments[0].value);
        }
      },
    };
  },
};
