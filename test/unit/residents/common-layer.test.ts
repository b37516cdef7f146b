// The `common` layer (pure code shared by core and renderer, e.g. the Telex engine) imports nothing,
// and both sides may import it.
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${file}` });
  return result!.messages.filter((m) => m.ruleId === 'kiosk/layers').map((m) => m.message);
}

describe('the common layer', () => {
  it('may be imported by the core and the renderer', async () => {
    expect(
      await layerErrors('electron/core/x.ts', "import { typeVietnamese } from '../../common/vietnamese/typing';\nexport default typeVietnamese;\n"),
    ).toEqual([]);
    expect(
      await layerErrors('renderer/src/x.ts', "import { typeVietnamese } from '../../common/vietnamese/typing';\nexport default typeVietnamese;\n"),
    ).toEqual([]);
  });
  it('imports no package, no Node module and no other layer', async () => {
    expect(await layerErrors('common/x.ts', "import { z } from 'zod';\nexport default z;\n")).toHaveLength(1);
    expect(await layerErrors('common/x.ts', "import fs from 'node:fs';\nexport default fs;\n")).toHaveLength(1);
    expect(await layerErrors('common/x.ts', "import { methods } from '../electron/contract';\nexport default methods;\n")).toHaveLength(1);
  });
});
