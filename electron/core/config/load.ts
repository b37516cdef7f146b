// Reading and validating the configuration file. Every error names the key path, the value found
// and what is expected, so a technician can fix the file without reading code.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { kioskConfigSchema, type KioskConfig } from './schema';

export const CONFIG_FILE = 'kiosk.config.json';

export interface ConfigProblem {
  path: string;
  message: string;
}

export type ConfigResult =
  { ok: true; config: KioskConfig; file: string } | { ok: false; problems: ConfigProblem[]; file: string } | { ok: 'absent'; file: string };

export function configPathFor(dataDir: string): string {
  return join(dataDir, CONFIG_FILE);
}

export function describeIssues(error: z.ZodError, input: unknown): ConfigProblem[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.') || '(toàn bộ tệp)';
    const found = valueAt(input, issue.path);
    const shown = found === undefined ? 'không có' : JSON.stringify(found).slice(0, 80);
    return { path, message: `${issue.message} (giá trị hiện tại: ${shown})` };
  });
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

export function parseConfigText(text: string, file: string): ConfigResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      file,
      problems: [
        { path: '(toàn bộ tệp)', message: `Tệp không phải JSON hợp lệ: ${(error as Error).message}. Hãy sửa cú pháp (dấu phẩy, ngoặc kép) rồi thử lại.` },
      ],
    };
  }
  const parsed = kioskConfigSchema.safeParse(json);
  if (!parsed.success) return { ok: false, file, problems: describeIssues(parsed.error, json) };
  return { ok: true, config: parsed.data, file };
}

export function loadConfigFile(file: string): ConfigResult {
  if (!existsSync(file)) return { ok: 'absent', file };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { ok: false, file, problems: [{ path: '(toàn bộ tệp)', message: `Không đọc được tệp: ${(error as Error).message}` }] };
  }
  return parseConfigText(text, file);
}
