// `npm test`: typecheck, lint, build, unit + integration tests (vitest), end-to-end tests
// (Playwright + Debian Chromium). Ends with one line: `summary: N passed, N failed[, N skipped]`.
// Typecheck, lint and build count as one check each; vitest and Playwright count their tests.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const results = join(root, 'test-results');
rmSync(join(results, 'vitest.json'), { force: true });
rmSync(join(results, 'e2e.json'), { force: true });
mkdirSync(results, { recursive: true });
const only = process.argv.slice(2);
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
// The names of failed tests, printed again just above the summary: CI keeps only the end of the output.
const failedTests = [];

function step(name, command, args, env = {}) {
  process.stderr.write(`\n=== ${name}: ${command} ${args.join(' ')}\n`);
  const run = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return run.status === 0;
}

function check(name, command, args) {
  if (only.length && !only.includes(name)) return;
  if (step(name, command, args)) totals.passed++;
  else {
    totals.failed++;
    failures.push(name);
  }
}

function countVitest() {
  const file = join(results, 'vitest.json');
  if (!existsSync(file)) return false;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  // A suite that fails to load has no tests of its own: count it as a failure.
  const brokenSuites = report.testResults.filter((suite) => suite.status === 'failed' && suite.assertionResults.length === 0).length;
  totals.failed += brokenSuites;
  for (const suite of report.testResults) {
    const where = suite.name.startsWith(root) ? suite.name.slice(root.length) : suite.name;
    if (suite.status === 'failed' && suite.assertionResults.length === 0) failedTests.push(`${where} (did not load)`);
    for (const test of suite.assertionResults) if (test.status === 'failed') failedTests.push(`${where} › ${test.fullName}`);
  }
  return true;
}

function countPlaywright() {
  const file = join(results, 'e2e.json');
  if (!existsSync(file)) return false;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const { stats } = report;
  totals.passed += stats.expected + (stats.flaky ?? 0);
  totals.failed += stats.unexpected;
  totals.skipped += stats.skipped;
  const walk = (suite, titles) => {
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests) if (test.status === 'unexpected') failedTests.push(`${spec.file}:${spec.line} › ${[...titles, spec.title].join(' › ')}`);
    for (const child of suite.suites ?? []) walk(child, [...titles, child.title]);
  };
  for (const suite of report.suites) walk(suite, []);
  return true;
}

check('typecheck', process.execPath, [join(root, 'scripts/typecheck.mjs')]);
check('lint', join(root, 'node_modules/.bin/eslint'), ['--max-warnings=0', '.']);
check('format', join(root, 'node_modules/.bin/prettier'), ['--check', '.']);
check('build', process.execPath, [join(root, 'scripts/build.mjs')]);

if (!only.length || only.includes('unit')) {
  const ok = step('unit + integration', join(root, 'node_modules/.bin/vitest'), [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${join(results, 'vitest.json')}`,
  ]);
  if (!countVitest()) {
    totals.failed++;
    failures.push('vitest (no report)');
  } else if (!ok && totals.failed === 0) {
    totals.failed++;
    failures.push('vitest');
  }
}

if (!only.length || only.includes('e2e')) {
  const ok = step('end-to-end', join(root, 'node_modules/.bin/playwright'), ['test']);
  if (!countPlaywright()) {
    totals.failed++;
    failures.push('playwright (no report)');
  } else if (!ok && totals.failed === 0) {
    totals.failed++;
    failures.push('playwright');
  }
}

if (failures.length) process.stderr.write(`\nFailed steps: ${failures.join(', ')}\n`);
if (failedTests.length) console.log(`\nFailed tests:\n${failedTests.map((name) => `  ${name}`).join('\n')}`);
console.log(`summary: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed === 0 ? 0 : 1);
