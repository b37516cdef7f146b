// The installed kiosk's command mode: `<kiosk executable> --cli <command> …` runs one `kiosk`
// command (the same program as the developers' `kiosk`, electron/cli/program.ts) and exits, before
// any window opens. An installed PC has no npm, no source tree and no tsx, and the runAsNode fuse is
// off, so this is how technicians run `self-test`, `db restore` and the rest there (docs/deploy.md).
// Plain functions: the Electron main process only calls them (electron/main/main.ts).
import { takeTestClock, TestClockRefused } from '../../common/testing/test-clock';

export const CLI_SWITCH = '--cli';

export type CliMode =
  /** A normal kiosk start: open the window. */
  | { kind: 'kiosk' }
  /** Run this command line and exit. `program` is how help texts name the command. */
  | { kind: 'command'; args: string[]; program: string }
  /** Refuse with this sentence (exit code 2) and open nothing. */
  | { kind: 'refused'; message: string };

/**
 * Reads the Electron process's argv. Everything after `--cli` belongs to the command; what comes
 * before it (the executable, Electron's or Chromium's own switches, `.` in development) is left alone.
 * `--test-clock` is refused: an installed kiosk always runs on the machine's clock.
 */
export function cliModeFrom(argv: readonly string[]): CliMode {
  const at = argv.indexOf(CLI_SWITCH);
  if (at < 0) return { kind: 'kiosk' };
  // Split on both separators: a Windows path is read the same way wherever this runs (and is tested).
  const executable = (argv[0] ?? 'kiosk').split(/[\\/]/).pop() || 'kiosk';
  const program = /\s/.test(executable) ? `"${executable}" ${CLI_SWITCH}` : `${executable} ${CLI_SWITCH}`;
  try {
    const { argv: args } = takeTestClock(argv.slice(at + 1), false);
    return { kind: 'command', args: args.length ? args : ['--help'], program };
  } catch (error) {
    if (error instanceof TestClockRefused) return { kind: 'refused', message: error.message };
    throw error;
  }
}
