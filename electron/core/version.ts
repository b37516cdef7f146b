// The program's version and build date (the self-test's clock sanity check compares against it).
import pkg from '../../package.json' with { type: 'json' };

export const VERSION: string = pkg.version;
/** No correct clock can be earlier than the day this version was made. */
export const BUILD_DATE = '2026-11-23';
