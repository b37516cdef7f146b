// The core's logger: one JSON line per entry on stderr. Callers pass codes and counts, never
// names, card numbers or scanned text (residents' data stays out of logs).
import { maskIdentityNumbers } from '../../common/privacy/mask';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  log(level: LogLevel, event: string, fields?: Record<string, string | number | boolean | null>): void;
}

export function createStderrLogger(minimum: LogLevel = 'info'): Logger {
  const order: LogLevel[] = ['debug', 'info', 'warn', 'error'];
  return {
    log(level, event, fields = {}) {
      if (order.indexOf(level) < order.indexOf(minimum)) return;
      process.stderr.write(maskIdentityNumbers(`${JSON.stringify({ at: new Date().toISOString(), level, event, ...fields })}\n`));
    },
  };
}

export const silentLogger: Logger = { log: () => undefined };
