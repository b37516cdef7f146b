// Structured, rotating, size-capped logs in <dataDir>/logs: one JSON line per entry in kiosk.log,
// rolled to kiosk.1.log … kiosk.N.log. Field values that look like personal data are masked on
// the way in, as a second line of defence behind callers that log only codes and counts.
import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { maskIdentityNumbers } from '../../../common/privacy/mask';
import type { LogLevel, Logger } from '../log';

export const LOG_DIR = 'logs';
export const LOG_FILE = 'kiosk.log';

export interface FileLoggerOptions {
  dir: string;
  /** Bytes per file before rolling. */
  maxBytes?: number;
  /** Rolled files kept besides the current one. */
  keep?: number;
  minimum?: LogLevel;
  now?: () => number;
  /** Also write each line here (stderr in production), so a console shows it too. */
  echo?: (line: string) => void;
}

const ORDER: LogLevel[] = ['debug', 'info', 'warn', 'error'];
// Phone numbers and e-mail addresses (identity numbers go through maskIdentityNumbers, the product's one rule).
const PERSONAL = [/\b0\d{2,3}[ .-]?\d{3}[ .-]?\d{3,4}\b/g, /[^\s@]+@[^\s@]+\.[^\s@]+/g];
const PERSONAL_KEYS = /^(name|fullName|displayName|phone|email|address|cccd|idNumber|card|cardNumber|pin|text|birth.*|dob)$/i;

export function scrubValue(value: string): string {
  return PERSONAL.reduce((text, pattern) => text.replace(pattern, '[ẩn]'), maskIdentityNumbers(value));
}

export function scrubFields(fields: Record<string, string | number | boolean | null>): Record<string, string | number | boolean | null> {
  const clean: Record<string, string | number | boolean | null> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (PERSONAL_KEYS.test(key)) clean[key] = '[ẩn]';
    else clean[key] = typeof value === 'string' ? scrubValue(value) : value;
  }
  return clean;
}

export function createFileLogger(options: FileLoggerOptions): Logger & { readonly file: string } {
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const keep = options.keep ?? 5;
  const minimum = options.minimum ?? 'info';
  const now = options.now ?? Date.now;
  const file = join(options.dir, LOG_FILE);
  mkdirSync(options.dir, { recursive: true });
  let size = safeSize(file);

  const roll = () => {
    rmSync(join(options.dir, `kiosk.${keep}.log`), { force: true });
    for (let index = keep - 1; index >= 1; index -= 1) {
      try {
        renameSync(join(options.dir, `kiosk.${index}.log`), join(options.dir, `kiosk.${index + 1}.log`));
      } catch {
        // that generation does not exist yet
      }
    }
    if (keep >= 1) renameSync(file, join(options.dir, 'kiosk.1.log'));
    else rmSync(file, { force: true });
    size = 0;
  };

  return {
    file,
    log(level, event, fields = {}) {
      if (ORDER.indexOf(level) < ORDER.indexOf(minimum)) return;
      const line = maskIdentityNumbers(`${JSON.stringify({ at: new Date(now()).toISOString(), level, event, ...scrubFields(fields) })}\n`);
      try {
        if (size > 0 && size + line.length > maxBytes) roll();
        appendFileSync(file, line);
        size += Buffer.byteLength(line);
      } catch {
        // A full or read-only disk must not stop the kiosk serving; the self-test reports the disk.
      }
      options.echo?.(line);
    },
  };
}

function safeSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
