// The browser's own validation never speaks to a resident (issue #21): its bubbles are in the
// browser's language ("Please fill out this field.") and point at nothing the kiosk explains. Every
// form of the renderer is noValidate, and says what is wrong next to the field in the kiosk's own
// words (components/FieldError.tsx).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path);
    return entry.name.endsWith('.tsx') ? [path] : [];
  });
}

/** The opening tags of `<form …>` in `source` that do not turn the browser's validation off. */
export function validatingForms(source: string): string[] {
  const found: string[] = [];
  for (let start = source.indexOf('<form'); start >= 0; start = source.indexOf('<form', start + 1)) {
    if (!/^<form[\s>]/.test(source.slice(start, start + 6))) continue;
    // The tag ends at the first '>' outside JSX braces (an arrow function's => is inside braces).
    let depth = 0;
    let end = start;
    for (; end < source.length; end++) {
      const c = source[end];
      if (c === '{') depth++;
      else if (c === '}') depth--;
      else if (c === '>' && depth === 0) break;
    }
    const tag = source.slice(start, end + 1);
    if (!/\bnoValidate\b/.test(tag)) found.push(tag.replace(/\s+/g, ' '));
  }
  return found;
}

describe('native validation', () => {
  it('finds a form that leaves validation to the browser', () => {
    expect(validatingForms('<form onSubmit={(e) => go(e)}>\n<input required /></form>')).toHaveLength(1);
    expect(validatingForms('<form\n  className="a"\n  onSubmit={(e) => go(e)}\n  noValidate\n>')).toEqual([]);
    expect(validatingForms('<formula />')).toEqual([]);
  });

  it('every form of the renderer is noValidate', () => {
    const offenders = files(join(root, 'renderer/src')).flatMap((file) =>
      validatingForms(readFileSync(file, 'utf8')).map((tag) => `${relative(root, file)}: ${tag}`),
    );
    expect(offenders).toEqual([]);
  });
});
