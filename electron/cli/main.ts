// The `kiosk` command as developers and tests run it (built to dist/cli.mjs; bin/kiosk.mjs starts it).
// Besides the commands it takes the test-only `--test-clock INSTANT[@RATE]` (common/testing/test-clock.ts),
// refused by a production build; the installed kiosk's `--cli` mode never reads it.
import { startedClock, takeTestClock, TestClockRefused } from '../../common/testing/test-clock';
import { useCliClock } from './clock';
import { createProgram } from './program';

let argv: string[];
try {
  const taken = takeTestClock(process.argv.slice(2));
  argv = taken.argv;
  if (taken.spec) useCliClock(startedClock(taken.spec));
} catch (error) {
  if (!(error instanceof TestClockRefused)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(2);
}

await createProgram().parseAsync(argv, { from: 'user' });
