// Locale files a technician adds without rebuilding: <dataDir>/locales/<language>/<namespace>.json.
// Each file is validated; a broken one is skipped and reported, never half-applied.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { languageCode, localeTree, namespaceName, type RuntimeLocale } from '#contract/i18n';

export const LOCALES_DIR = 'locales';
const MAX_FILE_BYTES = 512 * 1024;

export interface LocaleProblem {
  file: string;
  message: string;
}

export function readLocaleDir(root: string, label = root): { locales: RuntimeLocale[]; problems: LocaleProblem[] } {
  const locales: RuntimeLocale[] = [];
  const problems: LocaleProblem[] = [];
  if (!existsSync(root)) return { locales, problems };
  for (const language of readdirSync(root).sort()) {
    const dir = join(root, language);
    // A translation being installed (kit-file.ts) or left by a power cut during one: not a language.
    if (language.startsWith('.') || !statSync(dir).isDirectory()) continue;
    if (!languageCode.safeParse(language).success) {
      problems.push({
        file: `${label}/${language}`,
        message: `Tên thư mục "${language}" không phải mã ngôn ngữ (ví dụ "ede", "bdq", "tyz"). Hãy đổi tên thư mục.`,
      });
      continue;
    }
    const namespaces: RuntimeLocale['namespaces'] = {};
    for (const entry of readdirSync(dir).sort()) {
      if (!entry.endsWith('.json')) continue;
      const file = `${label}/${language}/${entry}`;
      const namespace = entry.slice(0, -'.json'.length);
      if (!namespaceName.safeParse(namespace).success) {
        problems.push({ file, message: `Tên tệp "${entry}" không hợp lệ: dùng tên nhóm văn bản như home.json, common.json.` });
        continue;
      }
      const full = join(dir, entry);
      if (statSync(full).size > MAX_FILE_BYTES) {
        problems.push({ file, message: 'Tệp quá lớn (tối đa 512 KB). Hãy tách bớt hoặc kiểm tra lại nội dung.' });
        continue;
      }
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(full, 'utf8'));
      } catch (error) {
        problems.push({ file, message: `Tệp không phải JSON hợp lệ (${(error as Error).message}). Hãy sửa dấu phẩy, ngoặc kép rồi khởi động lại kiosk.` });
        continue;
      }
      const parsed = localeTree.safeParse(json);
      if (!parsed.success) {
        const where = parsed.error.issues[0]?.path.map(String).join('.') || '(gốc)';
        problems.push({ file, message: `Mục "${where}" phải là một đoạn văn bản hoặc một nhóm văn bản. Hãy sửa tệp rồi khởi động lại kiosk.` });
        continue;
      }
      namespaces[namespace] = parsed.data;
    }
    if (Object.keys(namespaces).length > 0) locales.push({ language, namespaces });
  }
  return { locales, problems };
}

export function readRuntimeLocales(dataDir: string) {
  return readLocaleDir(join(dataDir, LOCALES_DIR), LOCALES_DIR);
}
