// docs/wording.md, the rules a machine can check: one tone-mark style in every Vietnamese text (the
// screens' locale files, the core's sentences, the CLI, the portal, the docs), and "máy" rather than
// "kiosk" in what residents read.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const LETTER = 'a-zA-ZàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđĐ';
const OPEN_SYLLABLE = new RegExp(`[${LETTER}]*(?:[oO][àáảãạèéẻẽẹ]|[uU][ỳýỷỹỵ])(?![${LETTER}])`, 'gu');
/** Words ending in an open oa/oe/uy with the mark on the second vowel (hoá, khoá, huỷ); "qu" is a consonant (quý). */
const newStyleIn = (text: string) => [...text.matchAll(OPEN_SYLLABLE)].map((m) => m[0]).filter((word) => !/qu[ỳýỷỹỵ]$/i.test(word));

function files(dir: string, ending: RegExp): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && ending.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

function leaves(node: unknown, path: string, out: [string, string][] = []): [string, string][] {
  if (typeof node === 'string') out.push([path, node]);
  else if (Array.isArray(node)) node.forEach((v, i) => leaves(v, `${path}.${i}`, out));
  else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) leaves(v, path ? `${path}.${k}` : k, out);
  return out;
}

const viLocale = readdirSync(join(root, 'resources/locales/vi')).map((file) => ({
  namespace: file.replace(/\.json$/, ''),
  texts: leaves(JSON.parse(readFileSync(join(root, 'resources/locales/vi', file), 'utf8')), ''),
}));

describe('wording (docs/wording.md)', () => {
  it('recognises the style it forbids', () => {
    expect(newStyleIn('Đã huỷ; khoá; hoá đơn; Thuỷ')).toEqual(['huỷ', 'khoá', 'hoá', 'Thuỷ']);
    expect(newStyleIn('Đã hủy; khóa; hóa đơn; quý; hoàn; khoản; thuyền; khuỷu')).toEqual([]);
  });

  it('every Vietnamese text puts the tone mark of an open oa, oe, uy on the first vowel (hóa, khóa, hủy)', () => {
    const found: string[] = [];
    for (const { namespace, texts } of viLocale)
      for (const [key, text] of texts) for (const w of newStyleIn(text)) found.push(`vi/${namespace}.json ${key}: ${w}`);
    const sources = [
      ...files('electron', /\.tsx?$/),
      ...files('renderer/src', /\.tsx?$/),
      ...files('collector', /\.ts$/),
      ...files('common', /\.ts$/),
      ...files('docs', /\.md$/),
      join(root, 'README.md'),
    ];
    for (const file of sources) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => newStyleIn(line).forEach((w) => found.push(`${relative(root, file)}:${i + 1}: ${w}`)));
    }
    expect(found).toEqual([]);
  });

  it('residents are asked politely: "Vui lòng" or "Mời bạn", not the bare "Hãy" of instructions', () => {
    const RESIDENT = new Set(['common', 'home', 'residents', 'circulation', 'internet', 'eresources']);
    const found = viLocale
      .filter(({ namespace }) => RESIDENT.has(namespace))
      .flatMap(({ namespace, texts }) =>
        texts
          .filter(([key]) => !key.startsWith('staff') && !key.includes('.staff') && !key.startsWith('technician'))
          .filter(([, text]) => /(^|[.!?:;,]\s+)(Bạn )?[Hh]ãy /.test(text))
          .map(([key, text]) => `${namespace}.${key}: ${text}`),
      );
    expect(found).toEqual([]);
  });

  it('residents read "máy", not "kiosk" (staff and technician texts may name the product and its commands)', () => {
    const RESIDENT = new Set(['common', 'home', 'residents', 'circulation', 'internet', 'eresources', 'catalogue', 'announcements']);
    const found = viLocale
      .filter(({ namespace }) => RESIDENT.has(namespace))
      .flatMap(({ namespace, texts }) =>
        texts
          .filter(([key]) => !key.startsWith('staff') && !key.startsWith('technician'))
          .filter(([, text]) => /(?<!lệnh )(?<!`)\bkiosk\b/i.test(text))
          .map(([key, text]) => `${namespace}.${key}: ${text}`),
      );
    expect(found).toEqual([]);
  });
});
