import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
// Only the layer rule runs: the whole-tree check below lints hundreds of files, and the other rules
// (run by `npm run lint`) made it the slowest unit test on a loaded machine for nothing it asserts.
const eslint = new ESLint({ cwd: root, ruleFilter: ({ ruleId }) => ruleId === 'kiosk/layers' });
const calendarLint = new ESLint({ cwd: root, ruleFilter: ({ ruleId }) => ruleId === 'kiosk/calendar' });

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${file}` });
  return result!.messages.filter((m) => m.ruleId === 'kiosk/layers').map((m) => m.message);
}

describe('the layer rule', () => {
  it('forbids electron/core from importing electron', async () => {
    expect(await layerErrors('electron/core/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
    expect(await layerErrors('electron/core/x.ts', "const e = require('electron');\nexport default e;\n")).toHaveLength(1);
  });

  it('forbids electron/core from importing the Electron shell or the host', async () => {
    expect(await layerErrors('electron/core/x.ts', "import { a } from '../main/main';\nexport default a;\n")).toHaveLength(1);
    expect(await layerErrors('electron/core/x.ts', "import { a } from '../host/server';\nexport default a;\n")).toHaveLength(1);
  });

  it('forbids native from importing electron', async () => {
    expect(await layerErrors('native/x.ts', "import { app } from 'electron';\nexport default app;\n")).toHaveLength(1);
  });

  it('forbids the renderer from importing Node modules or the core', async () => {
    expect(await layerErrors('renderer/src/x.ts', "import fs from 'node:fs';\nexport default fs;\n")).toHaveLength(1);
    expect(await layerErrors('renderer/src/x.ts', "import Database from 'better-sqlite3';\nexport default Database;\n")).toHaveLength(1);
    expect(await layerErrors('renderer/src/x.ts', "import { createKiosk } from '../../electron/core/kiosk';\nexport default createKiosk;\n")).toHaveLength(1);
  });

  it('lets the renderer import the contract, and the core import the contract, through its one spelling', async () => {
    expect(await layerErrors('renderer/src/x.ts', "import { methods } from '#contract';\nexport default methods;\n")).toEqual([]);
    expect(await layerErrors('electron/core/x.ts', "import { staffToken } from '#contract/staff';\nexport default staffToken;\n")).toEqual([]);
    expect(await layerErrors('electron/contract/x.ts', "import { staffToken } from './staff';\nexport default staffToken;\n")).toEqual([]);
    // A relative path into the contract from outside it names the alias to use instead.
    expect(await layerErrors('renderer/src/x.ts', "import { methods } from '../../electron/contract';\nexport default methods;\n")).toEqual([
      "Import the contract as '#contract/…' (package.json \"imports\"), not by the relative path '../../electron/contract'.",
    ]);
    // The alias does not open a layer that may not import the contract.
    expect(await layerErrors('common/x.ts', "import { methods } from '#contract';\nexport default methods;\n")).toHaveLength(1);
  });

  it("lets the Electron shell run the CLI program (the installed kiosk's --cli mode), and the collector use common/", async () => {
    expect(await layerErrors('electron/main/x.ts', "import { createProgram } from '../cli/program';\nexport default createProgram;\n")).toEqual([]);
    expect(await layerErrors('collector/x.ts', "import { parseClockSpec } from '../common/testing/test-clock';\nexport default parseClockSpec;\n")).toEqual([]);
    expect(await layerErrors('electron/core/x.ts', "import { createProgram } from '../cli/program';\nexport default createProgram;\n")).toHaveLength(1);
  });

  it('lets the contract import nothing but zod', async () => {
    expect(await layerErrors('electron/contract/x.ts', "import { z } from 'zod';\nexport default z;\n")).toEqual([]);
    expect(await layerErrors('electron/contract/x.ts', "import { readFileSync } from 'node:fs';\nexport default readFileSync;\n")).toHaveLength(1);
  });

  // The rule over the whole tree is `npm run lint` (a check of `npm test` of its own): linting every
  // file here again made this the slowest unit test on a loaded machine and proved nothing more.
});

describe('the calendar rule', () => {
  async function calendarErrors(file: string, code: string): Promise<number> {
    const [result] = await calendarLint.lintText(code, { filePath: `${root}${file}` });
    return result!.messages.filter((m) => m.ruleId === 'kiosk/calendar').length;
  }

  it('refuses toLocale*String and new Intl.* in screens and components', async () => {
    expect(await calendarErrors('renderer/src/screens/x.tsx', 'export const a = (d: Date) => d.toLocaleString("en");\n')).toBe(1);
    expect(await calendarErrors('renderer/src/components/x.tsx', 'export const a = (n: number) => n.toLocaleDateString();\n')).toBe(1);
    expect(await calendarErrors('renderer/src/screens/x.tsx', 'export const f = new Intl.DateTimeFormat("en-US");\n')).toBe(1);
  });

  it('lets the formatting modules themselves use Intl', async () => {
    expect(await calendarErrors('renderer/src/i18n/x.ts', 'export const f = new Intl.NumberFormat("vi-VN");\n')).toBe(0);
    expect(await calendarErrors('common/x.ts', 'export const f = new Intl.DateTimeFormat("vi-VN");\n')).toBe(0);
  });
});
