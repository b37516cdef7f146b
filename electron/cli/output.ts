// How every `kiosk` subcommand reports: `--json` prints exactly one JSON document on stdout;
// otherwise readable Vietnamese text. Failures exit non-zero with a message that says what to do.
import { maskIdentityNumbers, maskIdentityNumbersIn } from '../../common/privacy/mask';
import { KioskError } from '../core/errors';
import { chooseDataDir } from '../core/config/data-dir';
import { asStorageError } from '../core/store/disk';

function dataDirOf(dir: string | undefined): string | undefined {
  try {
    return chooseDataDir(dir);
  } catch {
    return undefined;
  }
}

export interface CommonOptions {
  dataDir?: string;
  json?: boolean;
}

export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
    readonly detail?: unknown,
  ) {
    super(message);
  }
}

export function printResult(options: CommonOptions, value: unknown, human: () => string): void {
  // Whatever a command prints, an identity number in it is masked (a scan, a name field, an error).
  process.stdout.write(options.json ? `${JSON.stringify(maskIdentityNumbersIn(value), null, 2)}\n` : maskIdentityNumbers(`${human()}\n`));
}

export function printFailure(options: CommonOptions, given: unknown): number {
  // A full disk is told as such (with the free space), never as an unexpected error.
  const error = asStorageError(given, dataDirOf(options.dataDir)) ?? given;
  const known = error instanceof CliFailure || error instanceof KioskError;
  const message = known ? (error as Error).message : `Lỗi không mong đợi: ${(error as Error)?.message ?? String(error)}`;
  const code = error instanceof KioskError ? error.code : 'failed';
  const reason = error instanceof KioskError ? error.reason : undefined;
  const detail = error instanceof CliFailure ? error.detail : undefined;
  if (options.json) {
    process.stdout.write(
      `${JSON.stringify(maskIdentityNumbersIn({ ok: false, error: { code, ...(reason ? { reason } : {}), message }, ...(detail === undefined ? {} : { detail }) }), null, 2)}\n`,
    );
  } else {
    process.stderr.write(maskIdentityNumbers(`${message}\n`));
  }
  return error instanceof CliFailure ? error.exitCode : known ? 1 : 3;
}

/** Runs one command body and sets the exit code; never lets an exception print a stack trace. */
export async function run(options: CommonOptions, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    process.exitCode = printFailure(options, error);
  }
}
