// Lint: ESLint's and typescript-eslint's recommended rules, plus the layer rule that keeps
// electron/core and native free of Electron and the renderer free of Node, and the calendar rule
// that keeps screens from formatting dates on their own.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import calendar from './eslint-rules/calendar.js';
import layers from './eslint-rules/layers.js';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['dist/**', '.dist/**', 'node_modules/**', 'bench/results/**', 'test-results/**', 'playwright-report/**', 'out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        Buffer: 'readonly',
        performance: 'readonly',
      },
    },
    plugins: { kiosk: { rules: { layers, calendar } } },
    rules: {
      'kiosk/layers': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  // React's rules of hooks, and complete effect dependencies (useLoad's too: it takes a dependency list).
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': ['error', { additionalHooks: '^useLoad$' }] },
  },
  // Screens and components write dates and numbers through useFormat() / common/calendar.ts.
  { files: ['renderer/src/screens/**', 'renderer/src/components/**'], rules: { 'kiosk/calendar': 'error' } },
  // Playwright fixtures declare their dependencies with an object pattern, empty when there are none.
  { files: ['test/e2e/**'], rules: { 'no-empty-pattern': 'off' } },
);
