// The translator's kit for the provincial library: every text of the kiosk as a spreadsheet row
// (key, Vietnamese original, English for reference, the translation, the longest the translation may
// be, a context and the screenshot that shows it), and the checks a filled sheet must pass before it
// is installed as a locale of the data folder (runtime-locales.ts serves those to the screens).
// The sheet is the exchange format because translators of Êđê, H'Mông or Tày texts work in Excel or
// LibreOffice, not in JSON files.
import type { LocaleTree } from '#contract/i18n';

/** One text: its value is a string, or a short list of strings (one line each in the sheet). */
export type LocaleValue = string | string[];

export interface KitRow {
  key: string;
  vi: string;
  en: string;
  translation: string;
  maxLength: number;
  context: string;
  screenshot: string;
}

/** What a translator needs to know about each group of texts, in the words of the reading room. */
const NAMESPACE_CONTEXT: Record<string, { context: string; screenshot: string }> = {
  common: { context: 'Chữ dùng chung trên mọi màn hình (nút, thông báo chờ)', screenshot: 'home-1366x768-vi.png' },
  home: { context: 'Màn hình chính: lời mời quét thẻ và bốn dịch vụ', screenshot: 'home-1366x768-vi.png' },
  residents: { context: 'Tùy chọn của bạn đọc: ngôn ngữ, cỡ chữ, giọng đọc; tên ngôn ngữ', screenshot: 'home-large-text-1366x768-vi.png' },
  circulation: { context: 'Mượn, trả, gia hạn sách; làm thẻ bằng CCCD; phiếu mượn', screenshot: 'circulation-1366x768-vi.png' },
  catalogue: { context: 'Tra cứu sách, đặt trước; nhập danh mục (cán bộ)', screenshot: 'catalogue-search-trong-lua.png' },
  internet: { context: 'Phiên Internet miễn phí có giới hạn thời gian, hàng chờ', screenshot: 'internet-1366x768-vi.png' },
  eresources: { context: 'Thư viện số: sách điện tử, âm thanh, video', screenshot: 'digital-library-1366x768-vi.png' },
  announcements: { context: 'Thông báo của thư viện trên màn hình chờ', screenshot: 'announcements-idle-screen.png' },
  devices: { context: 'Máy quét mã vạch và đầu đọc thẻ (kỹ thuật viên)', screenshot: 'devices-diagnostics.png' },
  staff: { context: 'Khu vực cán bộ thư viện', screenshot: 'staff-home.png' },
  statistics: { context: 'Báo cáo thống kê cho cán bộ', screenshot: 'indicators-report-vi.png' },
  technician: { context: 'Cài đặt và bảo trì (kỹ thuật viên)', screenshot: 'technician-maintenance.png' },
};

/** Every text of a namespace tree as ["ns:a.b", value], in the file's order. */
export function localeLeaves(namespace: string, tree: LocaleTree, prefix = ''): [string, LocaleValue][] {
  return Object.entries(tree).flatMap(([key, value]): [string, LocaleValue][] =>
    typeof value === 'string' || Array.isArray(value) ? [[`${namespace}:${prefix}${key}`, value]] : localeLeaves(namespace, value, `${prefix}${key}.`),
  );
}

const asCell = (value: LocaleValue | undefined) => (value === undefined ? '' : Array.isArray(value) ? value.join('\n') : value);

/**
 * The longest a translation may be: room for languages that need more letters than Vietnamese, but
 * not so much that a button's text runs off a 1366×768 screen in large text.
 */
export function maxLengthFor(vi: string, en: string): number {
  return Math.max(12, Math.ceil(Math.max(vi.length, en.length) * 1.6) + 8);
}

export interface KitSource {
  vi: Record<string, LocaleTree>;
  en: Record<string, LocaleTree>;
  /** The language's texts already installed (bundled or in the data folder), to continue a translation. */
  current: Record<string, LocaleTree>;
}

/** The kit's rows: every Vietnamese text, with what exists of the translation so far. */
export function kitRows({ vi, en, current }: KitSource): KitRow[] {
  const lookup = (trees: Record<string, LocaleTree>) => new Map(Object.entries(trees).flatMap(([ns, tree]) => localeLeaves(ns, tree)));
  const english = lookup(en);
  const done = lookup(current);
  return Object.keys(vi)
    .sort((a, b) => (a === 'residents' ? -1 : b === 'residents' ? 1 : a.localeCompare(b)))
    .flatMap((ns) =>
      localeLeaves(ns, vi[ns]!).map(([key, value]) => {
        const about = NAMESPACE_CONTEXT[ns] ?? { context: `Nhóm văn bản "${ns}"`, screenshot: '' };
        const viText = asCell(value);
        const enText = asCell(english.get(key));
        return {
          key,
          vi: viText,
          en: enText,
          translation: asCell(done.get(key)),
          maxLength: maxLengthFor(viText, enText),
          context: about.context,
          screenshot: about.screenshot,
        };
      }),
    );
}

/** `{{count}}`, `{{date, short}}` → the names a text interpolates. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([^},\s]+)[^}]*\}\}/g)].map((m) => m[1]!).sort();
}

export interface KitProblem {
  /** The sheet's row number, as the spreadsheet program shows it. */
  row: number;
  key: string;
  message: string;
}

export interface FilledRow {
  row: number;
  key: string;
  translation: string;
}

export interface CheckedKit {
  /** The translated texts, as locale trees per namespace (only namespaces with a translation). */
  namespaces: Record<string, LocaleTree>;
  translated: number;
  untranslated: number;
  /** Rows that stop the import: nothing is installed while one remains. */
  errors: KitProblem[];
  /** Rows skipped with a reason (a key this version no longer has). */
  warnings: KitProblem[];
}

// Control characters other than the line breaks that separate a list's lines.
const CONTROL = /(?!\n)\p{Cc}/u;

/** Checks a filled sheet against the Vietnamese reference: placeholders, lengths, lists, duplicates. */
export function checkKit(rows: FilledRow[], { vi, en }: Pick<KitSource, 'vi' | 'en'>): CheckedKit {
  const reference = new Map(Object.entries(vi).flatMap(([ns, tree]) => localeLeaves(ns, tree)));
  const english = new Map(
    Object.entries(en)
      .flatMap(([ns, tree]) => localeLeaves(ns, tree))
      .map(([key, value]) => [key, asCell(value)]),
  );
  const result: CheckedKit = { namespaces: {}, translated: 0, untranslated: 0, errors: [], warnings: [] };
  const seen = new Map<string, number>();
  for (const { row, key, translation } of rows) {
    const problem = (message: string) => result.errors.push({ row, key, message });
    const original = reference.get(key);
    if (original === undefined) {
      result.warnings.push({ row, key, message: `Khóa "${key}" không còn trong phiên bản này; dòng được bỏ qua.` });
      continue;
    }
    if (seen.has(key)) {
      problem(`Khóa "${key}" xuất hiện hai lần (dòng ${seen.get(key)} và dòng ${row}). Hãy xóa một dòng.`);
      continue;
    }
    seen.set(key, row);
    const text = translation.replace(/\r\n?/g, '\n').trim();
    if (!text) continue;
    if (CONTROL.test(text)) {
      problem('Bản dịch có ký tự điều khiển (ví dụ dấu tab). Hãy gõ lại ô này.');
      continue;
    }
    const originalText = asCell(original);
    const wanted = placeholdersOf(originalText);
    const got = placeholdersOf(text);
    if (wanted.join('|') !== got.join('|')) {
      const list = (names: string[]) => (names.length ? names.map((n) => `{{${n}}}`).join(', ') : 'không có chỗ trống nào');
      problem(`Hãy giữ nguyên các chỗ trống như bản gốc: cần ${list(wanted)}, bản dịch đang có ${list(got)}.`);
      continue;
    }
    const limit = maxLengthFor(originalText, english.get(key) ?? '');
    if (text.length > limit) {
      problem(`Bản dịch dài ${text.length} ký tự, quá ${limit} ký tự cho phép ở chỗ này. Hãy viết ngắn hơn.`);
      continue;
    }
    let value: LocaleValue = text;
    if (Array.isArray(original)) {
      const lines = text.split('\n').map((line) => line.trim());
      if (lines.length !== original.length || lines.some((line) => !line)) {
        problem(`Ô này là một danh sách ${original.length} dòng: hãy dịch đúng ${original.length} dòng, mỗi dòng một ý (Alt+Enter để xuống dòng).`);
        continue;
      }
      value = lines;
    }
    setLeaf(result.namespaces, key, value);
    result.translated++;
  }
  result.untranslated = reference.size - result.translated;
  return result;
}

function setLeaf(namespaces: Record<string, LocaleTree>, key: string, value: LocaleValue): void {
  const ns = key.slice(0, key.indexOf(':'));
  const path = key.slice(ns.length + 1).split('.');
  let node = (namespaces[ns] ??= {});
  for (const part of path.slice(0, -1)) node = (node[part] ??= {}) as LocaleTree;
  node[path.at(-1)!] = value;
}
